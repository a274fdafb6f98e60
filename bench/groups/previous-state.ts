/**
 * What `score --previous` keeps per lead: the previous results file is read into a map from lead id to
 * the lead's outcome label, score and actions text (labels and action texts stored once each). The heap
 * is measured after a full collection before and after reading N synthetic results, in this process; the
 * same results kept whole (parsed JSON objects) are measured the same way, for the ratio.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { readPreviousResults } from "../../src/batch/previous.js";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { ROOT } from "../dist.js";
import { progress, table } from "../harness.js";
import type { BenchContext, GroupResult } from "./context.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const BUCKETS = [
  ["SQL", [{ route: "sales", within: "4h", say: "Offer a product demo" }]],
  ["Warm", [{ route: "sales", within: "48h", say: "Send a personal email with a webinar invite" }]],
  ["Nurture", [{ nurture: "monthly-digest" }]],
  ["Dead", [{ disqualify: true }]],
] as const;

/** A result line as `score` writes it, with three contributions. */
function resultLine(index: number): string {
  const [bucket, actions] = BUCKETS[index % BUCKETS.length]!;
  const contribution = (n: number) => ({
    rule: `when title contains "Manager" add ${n}`,
    id: `smb.fit.${n}`,
    section: "fit",
    points: n,
    loc: { file: "rules/smb.score", line: n, column: 5 },
  });
  return `${JSON.stringify({
    id: `L${index + 1}`,
    model: "smb",
    fit: 25,
    engagement: (index % 97) / 4,
    score: 25 + (index % 97) / 4,
    grade: "B2",
    bucket,
    excluded: null,
    actions,
    contributions: [contribution(1), contribution(2), contribution(3)],
  })}\n`;
}

async function* lines(count: number): AsyncGenerator<string> {
  let chunk = "";
  for (let i = 0; i < count; i++) {
    chunk += resultLine(i);
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export async function runPreviousState(context: BenchContext): Promise<GroupResult> {
  const artifact = (await compileDirectory(`${ROOT}/rules`, { displayPrefix: "rules" })).artifact!;
  const sizes = context.quick ? [20_000] : [100_000, 1_000_000];
  const rows: string[][] = [];
  let perLeadKept = 0;
  for (const size of sizes) {
    progress(`previous state: reading ${size.toLocaleString("en-US")} results`);
    const before = heapUsed();
    const previous = await readPreviousResults(lines(size), "ndjson", artifact, () => {});
    const after = heapUsed();
    if (previous.byId.size !== size) throw new Error("not every previous result was kept");
    perLeadKept = (after - before) / size;
    rows.push([
      size.toLocaleString("en-US"),
      `${((after - before) / 1024 ** 2).toFixed(1)} MiB`,
      `${perLeadKept.toFixed(0)} B`,
    ]);
  }
  // The same results kept whole, for the ratio (the smallest size: a million whole results is the problem).
  const size = sizes[0]!;
  const before = heapUsed();
  const whole = new Map<string, unknown>();
  for await (const chunk of lines(size)) {
    for (const line of chunk.split("\n")) {
      if (line === "") continue;
      const result = JSON.parse(line) as { id: string };
      whole.set(result.id, result);
    }
  }
  const after = heapUsed();
  const perLeadWhole = (after - before) / size;
  return {
    title: "7. `score --previous`: the state kept per lead",
    lines: [
      "Synthetic previous results (4 buckets, 3 contributions each, ids L1…LN) read by readPreviousResults;",
      "heap after a full collection (process.memoryUsage().heapUsed) before and after, divided by the leads.",
      "",
      table(["previous leads", "heap kept", "per lead"], rows),
      "",
      `Kept whole (parsed results in a Map), ${size.toLocaleString("en-US")} leads: ${perLeadWhole.toFixed(0)} B per lead — ${(perLeadWhole / perLeadKept).toFixed(1)}× the state kept.`,
      `(${whole.size} results held for the measurement.)`,
    ],
  };
}
