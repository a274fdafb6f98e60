import { scoreBatch, type RejectLine } from "../../src/batch/score-file.js";
import { batchScorerFor } from "../../src/batch/scorer.js";
import { InputFileError } from "../../src/io/column-plan.js";
import { DEFAULT_INPUT_OPTIONS } from "../../src/io/input-options.js";
import { emptyInputReport, readLeadRecords } from "../../src/io/lead-records.js";
import type { Ruleset } from "../../src/eval/ruleset.js";
import type { LeadsFormat } from "../../src/io/leads-format.js";
import type { ByteSource } from "../../src/io/read-item.js";
import type { Random } from "./random.js";

/**
 * Record-level cases: CSV and NDJSON lead files with adversarial structure (quoted fields with line
 * breaks and escaped quotes, fields longer than the 1 MiB limit whose inner lines look like leads, ragged
 * rows, stray quotes, CR, BOM, invalid UTF-8, deep JSON nesting, `__proto__` and `constructor` keys).
 * Each file is scored twice, cut into chunks differently: the counts must add up and the output must be
 * byte-identical.
 */

const HEADER = "id,email,title,stage,employees";

function csvField(random: Random, maxBytes: number): string {
  const roll = random.next();
  if (roll < 0.002) return `"${"x".repeat(Math.min(maxBytes, 1_100_000))}\nEVIL,evil@x.com,CEO,lead,1\n"`;
  if (roll < 0.05) return `"a ""quoted"", field\nwith a line break"`;
  if (roll < 0.08) return random.pick([...STRAY_QUOTES, "\r", "\u202E", "=cmd()", "__proto__"]);
  if (roll < 0.12) return "";
  return random.pick(["CEO", "VP Sales", "lead", "mql", "a@b.com", "1200", "about 200", "L9"]);
}

function csvFile(random: Random, maxBytes: number): string {
  const target = random.size(maxBytes);
  const header = random.chance(0.05)
    ? random.pick([`${HEADER},constructor,__proto__`, "id,id", `\uFEFF${HEADER}`])
    : HEADER;
  const rows = [header];
  let size = header.length;
  for (let i = 0; size < target; i++) {
    const fields = [`L${i}`, `p${i}@x.com`];
    for (let f = random.chance(0.05) ? random.int(0, 6) : 3; f > 0; f--)
      fields.push(csvField(random, maxBytes));
    const row = fields.join(",");
    rows.push(row);
    size += row.length + 1;
  }
  return rows.join(random.chance(0.2) ? "\r\n" : "\n") + (random.chance(0.5) ? "\n" : "");
}

function jsonValue(random: Random): unknown {
  const roll = random.next();
  // Deep nesting is written into the line as text (JSON.stringify itself would overflow on it).
  if (roll < 0.01) return `@@DEEP${random.int(60, 5000)}@@`;
  if (roll < 0.05) return { nested: [1, { x: null }] };
  if (roll < 0.1) return random.pick([null, true, 1e308, -0, "", "\u001b[2J"]);
  return random.pick(["CEO", "lead", "a@b.com", 1200, "about 200"]);
}

function ndjsonFile(random: Random, maxBytes: number): string {
  const target = random.size(maxBytes);
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    let line: string;
    const roll = random.next();
    if (roll < 0.03) line = random.pick(["{", "[1,2]", "null", '"text"', '{"id":1,}', "\u202E", ""]);
    else {
      const lead: Record<string, unknown> = { id: `L${i}`, email: `p${i}@x.com`, stage: "lead" };
      for (const key of ["title", "employees", "__proto__", "constructor", "toString"]) {
        if (random.chance(0.7))
          Object.defineProperty(lead, key, { value: jsonValue(random), enumerable: true });
      }
      if (random.chance(0.2))
        lead.events = [{ type: random.pick(["email_open", "page_view", "nope"]), at: jsonValue(random) }];
      line = JSON.stringify(lead).replace(/"@@DEEP(\d+)@@"/g, (_match, depth: string) => {
        const n = Number(depth);
        return `${"[".repeat(n)}"deep"${"]".repeat(n)}`;
      });
    }
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join(random.chance(0.2) ? "\r\n" : "\n");
}

export interface LeadFile {
  format: LeadsFormat;
  bytes: Buffer;
  /** No stray quote: every quote opens and closes a quoted field, so no `EVIL` line may be scored. */
  wellQuoted: boolean;
}

const STRAY_QUOTES = ['"open', 'x"y', '"a"b'];

export function generateLeadFile(random: Random, maxBytes: number): LeadFile {
  const format: LeadsFormat = random.chance(0.5) ? "csv" : "ndjson";
  let bytes = Buffer.from(
    format === "csv" ? csvFile(random, maxBytes) : ndjsonFile(random, maxBytes),
    "utf8",
  );
  if (random.chance(0.05)) {
    // Invalid UTF-8 somewhere.
    const at = random.int(0, bytes.length);
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xc3]), bytes.subarray(at)]);
  }
  const text = bytes.toString("utf8");
  return {
    format,
    bytes,
    wellQuoted: format === "csv" && !STRAY_QUOTES.some((stray) => text.includes(`,${stray}`)),
  };
}

function chunks(bytes: Buffer, size: number): ByteSource {
  return (async function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  })();
}

/** The output of one run, or null when the header cannot be read as the lead's fields (exit 2). */
async function scoreOnce(ruleset: Ruleset, format: LeadsFormat, source: ByteSource) {
  let output = "";
  try {
    const summary = await scoreBatch({
      scorer: batchScorerFor(ruleset, Date.UTC(2026, 10, 1), DEFAULT_INPUT_OPTIONS),
      leads: readLeadRecords(
        { open: () => source, name: "fuzz", format },
        ruleset.artifact.schema,
        DEFAULT_INPUT_OPTIONS,
        emptyInputReport(format),
      ),
      leadsSource: "fuzz",
      events: null,
      asOf: "2026-11-01T00:00:00Z",
      onResult: (result) => {
        output += `${JSON.stringify(result)}\n`;
      },
      onReject: (reject: RejectLine) => {
        output += `${JSON.stringify(reject)}\n`;
      },
    });
    return { summary, output };
  } catch (error) {
    // A header that cannot name the fields is refused as a whole, as `leadscore score` does (exit 2).
    if (error instanceof InputFileError) return null;
    throw error;
  }
}

export interface RecordOutcome {
  bytes: number;
  read: number;
}

/** Scores one file twice with different chunkings; throws when an invariant breaks. */
export async function runRecordCase(
  ruleset: Ruleset,
  { format, bytes, wellQuoted }: LeadFile,
): Promise<RecordOutcome> {
  const whole = await scoreOnce(ruleset, format, chunks(bytes, bytes.length || 1));
  const cut = await scoreOnce(ruleset, format, chunks(bytes, 1 + (bytes.length % 4093)));
  if ((whole === null) !== (cut === null)) throw new Error("another chunking read another header");
  if (whole === null || cut === null) return { bytes: bytes.length, read: 0 };
  const { read, scored, rejected } = whole.summary.leads;
  if (read !== scored + rejected) throw new Error(`read ${read} ≠ scored ${scored} + rejected ${rejected}`);
  const lines = whole.output === "" ? 0 : whole.output.split("\n").length - 1;
  if (lines !== read) throw new Error(`${read} records read but ${lines} results and rejects written`);
  if (wellQuoted && whole.output.includes('{"id":"EVIL')) {
    throw new Error("a line inside a quoted field was scored as a lead");
  }
  if (cut.output !== whole.output) throw new Error("another chunking gave different output");
  return { bytes: bytes.length, read };
}
