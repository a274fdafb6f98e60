import { formatConversion } from "./conversion.js";
import type { BatchSummary, RejectLine } from "./score-file.js";

/** How the rejects were kept, for the summary to say where to find them. */
export interface RejectsReport {
  /** The rejects file as the user named it, or null when rejects were only counted. */
  file: string | null;
  /** The first rejects, shown when there is no rejects file. */
  examples: readonly RejectLine[];
}

/** The summary as people read it on stderr; lines with nothing to say are left out. */
export function formatSummary(summary: BatchSummary, rejects: RejectsReport): string {
  const { leads, outcomes, events } = summary;
  const lines = [
    `${leads.read} ${plural(leads.read, "lead", "leads")} read from ${leads.source}: ${leads.scored} scored, ${leads.rejected} rejected (as of ${summary.asOf})`,
  ];
  const buckets = Object.entries(outcomes.buckets);
  if (buckets.length > 0)
    lines.push(`  buckets: ${buckets.map(([name, count]) => `${name} ${count}`).join(", ")}`);
  const excluded = Object.entries(outcomes.excluded);
  if (excluded.length > 0)
    lines.push(`  excluded: ${excluded.map(([reason, count]) => `${reason} ${count}`).join(", ")}`);
  if (outcomes.noBucket > 0) lines.push(`  no bucket matched: ${outcomes.noBucket}`);
  if (outcomes.unscored > 0) lines.push(`  unscored (no model takes them): ${outcomes.unscored}`);
  if (events !== null) {
    let text = `  events: ${events.read} read from ${events.source}: ${events.attached} attached, ${events.rejected} rejected`;
    if (events.unmatched > 0) {
      const more = events.unmatchedLeads > events.unmatchedExamples.length ? ", …" : "";
      text += `, ${events.unmatched} for ${events.unmatchedLeads} ${plural(events.unmatchedLeads, "lead", "leads")} not in ${leads.source} (${events.unmatchedExamples.join(", ")}${more})`;
    }
    lines.push(text);
  }
  if (summary.conversion !== undefined) lines.push(...formatConversion(summary.conversion));
  const rejected = leads.rejected + (events?.rejected ?? 0);
  if (rejected > 0) {
    if (rejects.file !== null) {
      lines.push(`  rejects: ${rejected} written to ${rejects.file}`);
    } else {
      const shown =
        rejects.examples.length < rejected
          ? `first ${rejects.examples.length} of ${rejected}`
          : `${rejected}`;
      lines.push(`  rejects (${shown}; keep them all with --rejects <file>):`);
      for (const reject of rejects.examples) {
        lines.push(`    ${reject.source} record ${reject.record} (line ${reject.line}): ${reject.reason}`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
