/**
 * Generated SQL against a hand-written query of the same fit rules on DuckDB (issue 11's 1.5× goal): the
 * same leads table, the same result rows, every column read in order, CPU and wall time at one and at two
 * threads (the machine's cores), interleaved rounds.
 */
import { compileSources } from "../../src/compile/compile-ruleset.js";
import type { SqlEngine } from "../../src/sql/engines/engine.js";
import { emitSql } from "../../src/sql/emit.js";
import { formatMs, formatRate, formatRatio, goal, table } from "../harness.js";

const AS_OF = Date.UTC(2026, 10, 1);

const FIT_ONLY_RULES = `
lead {
  id: string
  email: string
  title: string
  industry: string?
  employees: number?
  country: string?
  stage: subscriber | lead | customer
  plan: string?
}
model enterprise when employees >= 500 {
  fit {
    when title in [CEO, CTO, CFO, COO] add 30
    when title starts with "VP" add 20
    when title contains "Director" add 10
    when industry in [software, fintech, healthcare] add 15
    when country not in [US, CA, GB, DE, FR, NL] subtract 10
  }
}
model smb {
  fit {
    when title in [Founder, CEO] add 25
    when employees between 10 and 499 add 10
  }
}
`;

/**
 * The same rules written by hand for DuckDB, giving the same result columns (the values a ruleset without
 * grades, buckets or exclusions gives, typed as the generated query types them) in the same order. It
 * trims and folds with `lower(trim(…))`, which is enough for this generated ASCII data; the generated query
 * pays for trimming and folding exactly as JavaScript does on any data. The bench checks that both give the
 * same rows, value for value and in the same order, before it times them.
 */
function handWritten(artifact: { name: string; contentHash: string }): string {
  return `
SELECT id, model, CAST(fit AS DOUBLE) AS fit, CAST(0 AS DOUBLE) AS engagement, CAST(fit AS DOUBLE) AS score,
  CAST(NULL AS VARCHAR) AS grade, CAST(NULL AS VARCHAR) AS bucket, CAST(NULL AS VARCHAR) AS excluded,
  '[]' AS actions, '${artifact.name}' AS ruleset, CAST(NULL AS BIGINT) AS version,
  '${artifact.contentHash}' AS content_hash
FROM (
  SELECT id, CASE WHEN employees >= 500 THEN 'enterprise' ELSE 'smb' END AS model,
    CASE WHEN employees >= 500 THEN
        (CASE WHEN t IN ('ceo','cto','cfo','coo') THEN 30 ELSE 0 END)
      + (CASE WHEN starts_with(t, 'vp') THEN 20 ELSE 0 END)
      + (CASE WHEN contains(t, 'director') THEN 10 ELSE 0 END)
      + (CASE WHEN ind IN ('software','fintech','healthcare') THEN 15 ELSE 0 END)
      + (CASE WHEN c IS NOT NULL AND c NOT IN ('us','ca','gb','de','fr','nl') THEN -10 ELSE 0 END)
    ELSE
        (CASE WHEN t IN ('founder','ceo') THEN 25 ELSE 0 END)
      + (CASE WHEN employees BETWEEN 10 AND 499 THEN 10 ELSE 0 END)
    END AS fit
  FROM (SELECT id, employees, lower(trim(title)) AS t, nullif(lower(trim(industry)), '') AS ind,
               nullif(lower(trim(country)), '') AS c FROM leads)
) ORDER BY id`;
}

/** The result columns both queries give. */
const RESULT = ["id", "model", "fit", "engagement", "score", "grade", "bucket", "excluded", "actions"].concat(
  ["ruleset", "version", "content_hash"],
);

/**
 * A query's rows consumed in full, as a client reading them would: every column is computed and carried
 * through the sort (counting each column's values is the cheapest way to make the database do that).
 */
function consumed(sql: string): string {
  return `SELECT SUM(fit) AS total, ${RESULT.map((name) => `COUNT("${name}")`).join(" + ")} AS "values" FROM (${sql})`;
}

/** How many rows of two queries differ, compared position by position, column by column. */
function differingRows(left: string, right: string): string {
  const pairs = RESULT.map((name) => `"l"."${name}" AS "l_${name}", "r"."${name}" AS "r_${name}"`);
  const differs = RESULT.map((name) => `"l_${name}" IS DISTINCT FROM "r_${name}"`).join(" OR ");
  return `SELECT COUNT(*) AS n FROM (SELECT ${pairs.join(", ")} FROM (${left}) AS "l" POSITIONAL JOIN (${right}) AS "r") WHERE ${differs}`;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Wall time, and the CPU time of this process (DuckDB's threads included; not a child process's). */
export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, value };
}

/** The comparison over a `leads` table of `compare` leads (populationSql in sql.ts), as report lines. */
export async function generatedVsHandLines(
  engine: SqlEngine,
  compare: number,
  rounds: number,
): Promise<string[]> {
  const fitOnly = compileSources([{ path: "fit.score", text: FIT_ONLY_RULES }]).artifact!;
  const lines: string[] = [];
  const generated = emitSql(fitOnly, {
    dialect: "duckdb",
    leads: "leads",
    events: "events",
    asOf: AS_OF,
    explain: false,
    dbt: false,
  });
  const generatedSql = generated.replace(/^--.*\n/gm, "");
  const hand = handWritten(fitOnly);
  const differing = Number((await engine.query(differingRows(generatedSql, hand)))[0]!.n);
  const threadCounts = [1, 2];
  const rowsOut: string[][] = [];
  const ratios: string[] = [];
  let cpuRatioAtDefault = Number.NaN;
  for (const threads of threadCounts) {
    await engine.run(`SET threads = ${threads}`);
    const generatedMs: number[] = [];
    const handMs: number[] = [];
    const generatedCpu: number[] = [];
    const handCpu: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const g = await timed(() => engine.query(consumed(generatedSql)));
      const h = await timed(() => engine.query(consumed(hand)));
      generatedMs.push(g.ms);
      handMs.push(h.ms);
      generatedCpu.push(g.cpuMs);
      handCpu.push(h.cpuMs);
    }
    const row = (name: string, ms: number[], cpu: number[]) => [
      name,
      String(threads),
      formatMs(median(ms)),
      formatMs(median(cpu)),
      formatRate((compare * 1000) / median(ms)),
    ];
    rowsOut.push(
      row("leadscore sql --dialect duckdb", generatedMs, generatedCpu),
      row("hand-written", handMs, handCpu),
    );
    const cpuRatio = median(generatedCpu) / median(handCpu);
    if (threads === 2) cpuRatioAtDefault = cpuRatio;
    ratios.push(
      `${threads} thread${threads === 1 ? "" : "s"}: ${formatRatio(cpuRatio)} CPU, ${formatRatio(median(generatedMs) / median(handMs))} wall`,
    );
  }
  await engine.run("RESET threads");
  lines.push(
    `Generated SQL vs a hand-written query of the same fit rules, ${compare.toLocaleString("en-US")} leads in a DuckDB table, every result column read in order (median of ${rounds}, interleaved; CPU of this process):`,
    "",
    table(["query", "threads", "median wall", "median CPU", "leads/s (wall)"], rowsOut),
    "",
    goal(
      "generated within 1.5× of hand-written (CPU, 2 threads)",
      cpuRatioAtDefault <= 1.5 && differing === 0,
      `${ratios.join("; ")}${differing === 0 ? "; the same rows, value for value, in the same order" : `; ${differing} rows DIFFER`}`,
    ),
    "",
  );

  return lines;
}
