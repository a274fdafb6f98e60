import type { Artifact } from "../compile/artifact.js";
import type { ResultAction } from "../eval/result.js";
import { readCsv } from "../io/read-csv.js";
import type { ByteSource, ReadItem, RecordPosition } from "../io/read-item.js";
import { idText } from "../io/read-leads.js";
import { readNdjson } from "../io/read-ndjson.js";
import { describeAction } from "../io/write-results.js";

/**
 * The previous run's results, kept as the state a run compares with: per lead id only its outcome label
 * (bucket, or why it has none), its score and its actions as one text — not the whole result. Labels
 * and action texts repeat across leads and are stored once each, so a lead costs its id, one small
 * record and a map entry (BENCHMARKS.md measures it).
 */

/** Where a lead ends up, as transitions name it: its bucket, or why it has none. */
export const OUTCOME = {
  excluded: "(excluded)",
  none: "(none)",
  unscored: "(unscored)",
} as const;

export interface PreviousLead {
  label: string;
  score: number | null;
  /** The actions as the rules write them, joined by `; ` (`route sales within 4h`), "" for none. */
  actions: string;
  /** The previous result credits rules these rules do not have: it was scored by other rules. */
  otherRules: boolean;
  /** Set when today's input has the lead (scored or rejected), so the rest are the ones gone. */
  seen: boolean;
}

export interface PreviousReject extends RecordPosition {
  reason: string;
  raw: unknown;
}

export interface PreviousResults {
  format: "ndjson" | "csv" | "table";
  byId: Map<string, PreviousLead>;
  /** Logical records read: `byId.size + unlisted + rejected`. */
  read: number;
  /**
   * Previous leads not held in `byId` because a database compared them with today's results and found
   * them unchanged (`--previous-table`); 0 for a results file, which is held whole.
   */
  unlisted: number;
  rejected: number;
  /** Leads whose result credits a rule these rules do not have; one example of such a rule. */
  otherRules: number;
  otherRuleExample: string | null;
}

/** A result's outcome label: the same for a result object and for a CSV row. */
export function outcomeLabel(model: unknown, excluded: unknown, bucket: unknown): string {
  if (model === null || model === undefined || model === "") return OUTCOME.unscored;
  if (excluded !== null && excluded !== undefined && excluded !== "") return OUTCOME.excluded;
  return typeof bucket === "string" && bucket !== "" ? bucket : OUTCOME.none;
}

export function actionsText(actions: readonly ResultAction[]): string {
  return actions.map(describeAction).join("; ");
}

/**
 * Reads a results file `leadscore score` wrote, NDJSON or CSV. A record that cannot be read, has no id,
 * or repeats an id already read is rejected (the first one read is kept); every other record is kept.
 */
export function readPreviousResults(
  source: ByteSource,
  format: "ndjson" | "csv",
  artifact: Artifact,
  onReject: (reject: PreviousReject) => void | Promise<void>,
): Promise<PreviousResults> {
  const records = format === "csv" ? readCsv(source) : readNdjson(source);
  return readPreviousRecords(records, format, artifact, onReject);
}

/**
 * The previous results from records already read: rows of a CSV results file (`csv`), or result objects
 * (`ndjson`: a results file; `table`: rows of a results table, read by a database). The same checks and
 * rejects for all of them.
 */
export async function readPreviousRecords(
  records: AsyncIterable<ReadItem<Record<string, unknown>>>,
  format: PreviousResults["format"],
  artifact: Artifact,
  onReject: (reject: PreviousReject) => void | Promise<void>,
): Promise<PreviousResults> {
  const known = new Set(artifact.models.flatMap((m) => m.rules.map((r) => `${r.id}\u0000${r.text}`)));
  const interned = new Map<string, string>();
  const intern = (text: string): string => {
    const found = interned.get(text);
    if (found !== undefined) return found;
    interned.set(text, text);
    return text;
  };
  const results: PreviousResults = {
    format,
    byId: new Map(),
    read: 0,
    unlisted: 0,
    rejected: 0,
    otherRules: 0,
    otherRuleExample: null,
  };
  const firstLine = new Map<string, number>();
  const reject = async (position: RecordPosition, reason: string, raw: unknown) => {
    results.rejected += 1;
    await onReject({ record: position.record, line: position.line, reason, raw });
  };
  for await (const item of records) {
    results.read += 1;
    if (item.kind === "reject") {
      await reject(item, item.reason, item.raw);
      continue;
    }
    const read =
      format === "csv" ? fromCsvRow(item.value as Record<string, string>) : fromResult(item.value, known);
    if (typeof read === "string") {
      await reject(item, read, item.value);
      continue;
    }
    const first = firstLine.get(read.id);
    if (first !== undefined) {
      await reject(
        item,
        `lead \`${read.id}\` was already read at line ${first}; the first is kept`,
        item.value,
      );
      continue;
    }
    firstLine.set(read.id, item.line);
    if (read.otherRule !== null) {
      results.otherRules += 1;
      results.otherRuleExample ??= read.otherRule;
    }
    results.byId.set(read.id, {
      label: intern(read.label),
      score: read.score,
      actions: intern(read.actions),
      otherRules: read.otherRule !== null,
      seen: false,
    });
  }
  return results;
}

/** One previous result (an object as `score` writes it, or as the service answers), as the state of its lead. */
export function previousOfResult(value: unknown, artifact: Artifact): PreviousResults | string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "must be a result object";
  const known = new Set(artifact.models.flatMap((m) => m.rules.map((r) => `${r.id}\u0000${r.text}`)));
  const read = fromResult(value as Record<string, unknown>, known);
  if (typeof read === "string") return read;
  const lead: PreviousLead = {
    label: read.label,
    score: read.score,
    actions: read.actions,
    otherRules: read.otherRule !== null,
    seen: false,
  };
  return {
    format: "ndjson",
    byId: new Map([[read.id, lead]]),
    read: 1,
    unlisted: 0,
    rejected: 0,
    otherRules: read.otherRule === null ? 0 : 1,
    otherRuleExample: read.otherRule,
  };
}

interface ReadPrevious {
  id: string;
  label: string;
  score: number | null;
  actions: string;
  /** A rule the result credits that these rules do not have (`id: text`), or null. */
  otherRule: string | null;
}

function fromResult(value: Record<string, unknown>, known: ReadonlySet<string>): ReadPrevious | string {
  const id = idText(value.id);
  if (id === null) return "a result needs an `id`";
  const score = value.score;
  if (score !== null && (typeof score !== "number" || !Number.isFinite(score))) {
    return "`score` must be a number or null";
  }
  const actions = value.actions;
  if (!Array.isArray(actions) || !actions.every(isAction)) {
    return "`actions` must be a list of actions (route, nurture, disqualify)";
  }
  let otherRule: string | null = null;
  if (Array.isArray(value.contributions)) {
    for (const contribution of value.contributions as unknown[]) {
      const { id: ruleId, rule, section } = (contribution ?? {}) as Record<string, unknown>;
      if (section === "clamp") continue;
      if (!known.has(`${String(ruleId)}\u0000${String(rule)}`)) {
        otherRule = `${String(ruleId)}: ${String(rule)}`;
        break;
      }
    }
  }
  return {
    id,
    label: outcomeLabel(value.model, value.excluded, value.bucket),
    score: score as number | null,
    actions: actionsText(actions as ResultAction[]),
    otherRule,
  };
}

function isAction(action: unknown): action is ResultAction {
  if (action === null || typeof action !== "object") return false;
  const a = action as Record<string, unknown>;
  return typeof a.route === "string" || typeof a.nurture === "string" || a.disqualify === true;
}

/** A row of `score --format csv`: id, model, fit, engagement, score, grade, bucket, excluded, actions, … */
function fromCsvRow(row: Record<string, string>): ReadPrevious | string {
  // Text that could start a formula was written with a leading `'`; read it back as written by the rules.
  const unguard = (text: string | undefined) => (text ?? "").trim().replace(/^'(?=[=+\-@\t\r])/, "");
  const id = idText(unguard(row.id));
  if (id === null) return "a result needs an `id`";
  const scoreText = (row.score ?? "").trim();
  const score = scoreText === "" ? null : Number(scoreText);
  if (score !== null && !Number.isFinite(score)) return "`score` must be a number or empty";
  return {
    id,
    label: outcomeLabel(row.model?.trim(), unguard(row.excluded), row.bucket?.trim()),
    score,
    actions: (row.actions ?? "").trim(),
    otherRule: null,
  };
}

/**
 * The contributions of the given leads in a previous NDJSON results file, read again after the run: only
 * the leads that moved need them, so the state kept during the run stays small. Records that were
 * rejected on the first reading are skipped here too.
 */
export async function readPreviousContributions(
  source: ByteSource,
  ids: ReadonlySet<string>,
): Promise<Map<string, PreviousContribution[]>> {
  const found = new Map<string, PreviousContribution[]>();
  if (ids.size === 0) return found;
  for await (const item of readNdjson(source)) {
    if (item.kind === "reject") continue;
    const id = idText(item.value.id);
    if (id === null || !ids.has(id) || found.has(id)) continue;
    const contributions = Array.isArray(item.value.contributions)
      ? (item.value.contributions as unknown[])
      : [];
    found.set(
      id,
      contributions.flatMap((c) => {
        const { id: ruleId, rule, points } = (c ?? {}) as Record<string, unknown>;
        return typeof ruleId === "string" && typeof rule === "string" && typeof points === "number"
          ? [{ id: ruleId, rule, points }]
          : [];
      }),
    );
  }
  return found;
}

/** A contribution as a previous results file holds it. */
export interface PreviousContribution {
  id: string;
  rule: string;
  points: number;
}
