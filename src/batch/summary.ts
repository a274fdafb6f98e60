import { formatConversion } from "./conversion.js";
import { formatUsage } from "./rule-usage.js";
import type { TransitionSummary } from "./transitions.js";
import type { BatchSummary, InputSummary, RejectLine } from "./score-file.js";

/** How the rejects were kept, for the summary to say where to find them. */
export interface RejectsReport {
  /** The rejects file as the user named it, or null when rejects were only counted. */
  file: string | null;
  /** The first rejects, shown when there is no rejects file. */
  examples: readonly RejectLine[];
}

/** The summary as people read it on stderr; lines with nothing to say are left out. */
export function formatSummary(
  summary: BatchSummary,
  rejects: RejectsReport,
  options: { verbose?: boolean } = {},
): string {
  const { leads, outcomes, events } = summary;
  const lines = [
    `${leads.read} ${plural(leads.read, "lead", "leads")} read from ${leads.source}: ${leads.scored} scored, ${leads.rejected} rejected (as of ${summary.asOf})`,
  ];
  if (summary.input !== undefined) lines.push(...inputLines(summary.input, options.verbose === true));
  if (leads.scored === 0) {
    lines.push(
      leads.read === 0
        ? "  no lead could be scored: the file holds no lead records"
        : `  no lead could be scored: every record was rejected (the first because ${leads.firstRejectReason ?? "it could not be read"})`,
    );
  }
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
  if (summary.usage !== undefined) lines.push(...formatUsage(summary.usage));
  if (summary.transitions !== undefined) lines.push(...formatTransitions(summary.transitions));
  // Nothing scored, nothing measured: an empty table would only look like a result.
  if (summary.conversion !== undefined && leads.scored > 0)
    lines.push(...formatConversion(summary.conversion));
  const rejected = leads.rejected + (events?.rejected ?? 0) + (summary.transitions?.previous?.rejected ?? 0);
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

/**
 * `previous: …`, then the transitions per outcome pair and the routing due per team:
 *   transitions: 5 (2 new, 2 moved, 1 gone; 990 unchanged)
 *     Warm → MQL 2, (new) → Cold 2, Dead → (gone) 1
 *   due: sales: 2 leads by 2026-11-01T04:00:00Z
 * Labels may come from the previous file (data): control characters are shown escaped.
 */
export function formatTransitions(transitions: TransitionSummary): string[] {
  const lines: string[] = [];
  const { previous, counts } = transitions;
  if (previous !== null) {
    lines.push(
      `  previous: ${previous.read} ${plural(previous.read, "result", "results")} read from ${previous.source}: ${previous.leads} ${plural(previous.leads, "lead", "leads")}, ${previous.rejected} rejected`,
    );
    if (previous.otherRules > 0) {
      lines.push(
        `  previous results from other rules: ${previous.otherRules} ${plural(previous.otherRules, "lead was", "leads were")} scored by rules these rules do not have (${printable(previous.otherRuleExample ?? "")}); their transitions are marked rulesChanged`,
      );
    }
  }
  const total = counts.new + counts.moved + counts.actions + counts.gone;
  if (total === 0) {
    lines.push(`  transitions: none (${counts.unchanged} unchanged)`);
    return lines;
  }
  const parts = [
    [counts.new, "new"],
    [counts.moved, "moved"],
    [counts.actions, "other actions"],
    [counts.gone, "gone"],
  ].filter(([n]) => n !== 0);
  lines.push(
    `  transitions: ${total} (${parts.map(([n, what]) => `${n} ${what}`).join(", ")}; ${counts.unchanged} unchanged)`,
  );
  lines.push(
    `    ${transitions.pairs.map((p) => `${printable(p.from)} → ${printable(p.to)} ${p.leads}`).join(", ")}`,
  );
  if (transitions.due.length > 0) {
    lines.push("  due:");
    for (const due of transitions.due) {
      lines.push(
        `    ${printable(due.team)}: ${due.leads} ${plural(due.leads, "lead", "leads")} by ${due.due}`,
      );
    }
  }
  return lines;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

function printable(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** What reading the file found: the mapping (verbose), then every warning, each on its own line. */
function inputLines(input: InputSummary, verbose: boolean): string[] {
  const lines: string[] = [];
  if (verbose && input.format === "csv") {
    const delimiter = input.delimiter === "\t" ? "tab" : `"${input.delimiter ?? ","}"`;
    // A file read by a database (Parquet) has named columns and no delimiter.
    lines.push(input.delimiter === null ? "  columns:" : `  columns (delimiter ${delimiter}):`);
    for (const line of input.mapping) lines.push(`    ${line}`);
  }
  for (const warning of input.warnings) lines.push(`  warning: ${warning}`);
  const unknown = Object.entries(input.unknownKeys);
  if (unknown.length > 0) {
    const shown = unknown
      .slice(0, 5)
      .map(
        ([key, { records, suggestion }]) =>
          `\`${key}\` in ${records} ${plural(records, "record", "records")}${suggestion === null ? "" : ` (did you mean \`${suggestion}\`?)`}`,
      );
    lines.push(
      `  warning: keys that are no lead field, ignored: ${shown.join(", ")}${unknown.length > 5 ? ", …" : ""} (--strict-keys rejects such records)`,
    );
  }
  const { duplicates } = input;
  if (duplicates.records > 0) {
    const more = duplicates.ids > duplicates.examples.length ? ", …" : "";
    lines.push(
      `  warning: ${duplicates.records} ${plural(duplicates.records, "record repeats", "records repeat")} the id of another (${duplicates.ids} ${plural(duplicates.ids, "id", "ids")}: ${duplicates.examples.join(", ")}${more}); rejected as duplicates (--on-duplicate keep-first|keep-last|reject)`,
    );
  }
  if (input.eventsAfterAsOf > 0)
    lines.push(
      `  note: ${input.eventsAfterAsOf} ${plural(input.eventsAfterAsOf, "event is", "events are")} dated after the as-of time and ignored`,
    );
  if (input.eventsBefore2000 > 0)
    lines.push(
      `  warning: ${input.eventsBefore2000} ${plural(input.eventsBefore2000, "event is", "events are")} dated before 2000: timestamps in another unit than --epoch says?`,
    );
  return lines;
}
