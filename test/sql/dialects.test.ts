import path from "node:path";
import { Parser } from "node-sql-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { Artifact } from "../../src/compile/artifact.js";
import { compileDirectory } from "../../src/compile/compile-ruleset.js";
import { DIALECTS, dialectNamed, JS_TRIM_CHARACTERS } from "../../src/sql/dialect.js";
import { emitSql } from "../../src/sql/emit.js";
import { numberText } from "../../src/sql/printer.js";
import { foldCase } from "../../src/eval/normalize.js";
import { openDuckDb } from "../../src/sql/engines/duckdb.js";
import { openPostgres } from "../../src/sql/engines/postgres.js";
import type { SqlEngine } from "../../src/sql/engines/engine.js";
import { expectGolden } from "../support/golden.js";
import { POSTGRES_URL, requirePostgresInCi } from "./support/databases.js";

const GOLDEN = path.resolve(import.meta.dirname, "../golden/sql");
const ADVERSARIAL = [
  "'; DROP TABLE leads; --",
  "$$",
  "$q$ x $q$",
  "\\",
  "\\'",
  "a\u0000b",
  "tab\tnew\nline",
  "\u00a0\u2028😀",
  '``""',
  "",
];

requirePostgresInCi();

let artifact: Artifact;
beforeAll(async () => {
  const compiled = await compileDirectory(path.resolve(import.meta.dirname, "../../rules"));
  artifact = compiled.artifact!;
});

/**
 * Each path of the printers' trim and fold: plain ASCII, empty, ASCII with spaces at its ends, non-ASCII
 * with and without characters to trim, control characters, and what no engine folds.
 */
const TRIM_SAMPLES = [
  ...[
    "",
    " ",
    "CEO",
    " CEO ",
    "\tCEO\n",
    "A B",
    "A\tB",
    "~!",
    "\u007fDEL\u007f",
    "line\nbreak",
    "\n\nX\n\n",
    "!",
    "A",
    " A",
    "A ",
    "A\u000b",
    "\u000cA",
    "Z~\u007f",
    "\u0001x\u0001",
  ],
  ...["Geschäftsführer", " Geschäftsführer\u00a0", "\u3000É\u3000", "ÉCOLE", "İstanbul", "\u212a", "ß"],
  ...["a\u0000b", "\u0085x\u0085", "x\u2028", "\ufeffABC", " \u00a0 ", "\u1680", JS_TRIM_CHARACTERS],
  ...["a\u0301", "A\u3000", "\u3000A", "A\u00a0", "\u0080X\u0080", "\u00c0", "X\u0085", "\ud83e\udd86"],
  ...ADVERSARIAL,
];

describe("the reference rules in every dialect", () => {
  it.each(DIALECTS)("%s matches its reviewed golden file", (dialect) => {
    const sql = emitSql(artifact, {
      dialect,
      leads: "crm.leads",
      events: "crm.events",
      asOf: Date.UTC(2026, 10, 1),
      explain: true,
      dbt: false,
    });
    expectGolden(path.join(GOLDEN, `acme.${dialect}.sql`), sql);
  });

  /*
   * No BigQuery or Snowflake is reachable here: their SQL is checked by a SQL parser. node-sql-parser's
   * BigQuery grammar lacks three things BigQuery has: backquoted CTE names, the BIGNUMERIC type and
   * NULLS LAST in ORDER BY, which are rewritten before parsing (BigQuery itself reads them).
   */
  it.each([
    ["bigquery", "BigQuery"],
    ["snowflake", "Snowflake"],
  ] as const)("%s parses", (dialect, database) => {
    let sql = emitSql(artifact, {
      dialect,
      leads: "crm.leads",
      events: "crm.events",
      asOf: "now",
      explain: true,
      dbt: false,
    });
    if (dialect === "bigquery")
      sql = sql
        .replace(/`(ls_\w+)` AS \(/g, "$1 AS (")
        .replace(/BIGNUMERIC/g, "NUMERIC")
        .replace(/ NULLS LAST/g, "");
    expect(() => new Parser().astify(sql, { database })).not.toThrow();
  });

  it("dbt: the relations are dbt refs and the query starts with the model's config", () => {
    const sql = emitSql(artifact, {
      dialect: "snowflake",
      leads: "stg_leads",
      events: "stg_events",
      asOf: "now",
      explain: false,
      dbt: true,
    });
    expect(sql).toContain("{{ config(materialized='table') }}");
    expect(sql).toContain(`FROM {{ ref('stg_leads') }} AS "l"`);
    expect(sql).toContain(`FROM {{ ref('stg_events') }} AS "e"`);
  });
});

describe("literals round-trip as data", () => {
  it("numbers are printed without exponents", () => {
    expect([1e21, 1.5e-7, -2.5e-10, 123.456, 1e-7].map(numberText)).toEqual([
      "1000000000000000000000",
      "0.00000015",
      "-0.00000000025",
      "123.456",
      "0.0000001",
    ]);
  });

  it("duckdb: every adversarial text literal is read back exactly", async () => {
    const engine = await openDuckDb({ threads: 1 });
    const dialect = dialectNamed("duckdb");
    try {
      const rows = await engine.query(
        `SELECT ${ADVERSARIAL.map((t, i) => `${dialect.quoteText(t)} AS "t${i}"`).join(", ")}`,
      );
      expect(ADVERSARIAL.map((_, i) => rows[0]![`t${i}`])).toEqual(ADVERSARIAL);
      const trimmed = await engine.query(
        `SELECT ${dialect.call("trim_js", [dialect.quoteText(`${JS_TRIM_CHARACTERS}x y${JS_TRIM_CHARACTERS}`)])} AS "t"`,
      );
      expect(trimmed[0]!.t).toBe("x y");
    } finally {
      await engine.close();
    }
  });

  /** Samples for each path of the printers' trim and fold (see TRIM_SAMPLES). */
  async function trimsLikeJavaScript(engine: SqlEngine, samples: readonly string[]) {
    const dialect = dialectNamed(engine.dialect);
    const columns = samples.map(
      (sample, i) =>
        `${dialect.call("trim_fold", [dialect.quoteText(sample)])} AS "f${i}", ${dialect.call("trim_js", [dialect.quoteText(sample)])} AS "t${i}"`,
    );
    const row = (await engine.query(`SELECT ${columns.join(", ")}`))[0]!;
    expect(samples.map((_, i) => [row[`f${i}`], row[`t${i}`]])).toEqual(
      samples.map((sample) => [foldCase(sample.trim()), sample.trim()]),
    );
  }

  it("duckdb: the fast paths of trimming and folding give exactly what JavaScript's trim and ASCII folding give", async () => {
    const engine = await openDuckDb({ threads: 1 });
    try {
      await trimsLikeJavaScript(engine, TRIM_SAMPLES);
    } finally {
      await engine.close();
    }
  });

  it.skipIf(POSTGRES_URL === null)(
    "postgres: the fast path of trimming gives exactly what JavaScript's trim gives (U+0000 aside)",
    async () => {
      const engine = await openPostgres(POSTGRES_URL!);
      try {
        await trimsLikeJavaScript(
          engine,
          TRIM_SAMPLES.filter((sample) => !sample.includes("\u0000")),
        );
      } finally {
        await engine.close();
      }
    },
  );

  it.skipIf(POSTGRES_URL === null)(
    "postgres: every adversarial text literal is read back exactly (U+0000 cannot be stored)",
    async () => {
      const engine = await openPostgres(POSTGRES_URL!);
      const dialect = dialectNamed("postgres");
      const storable = ADVERSARIAL.filter((t) => !t.includes("\u0000"));
      try {
        // Whatever the server's setting, E'' literals mean the same.
        for (const setting of ["on", "off"]) {
          await engine.run(`SET standard_conforming_strings = ${setting}`);
          const rows = await engine.query(
            `SELECT ${storable.map((t, i) => `${dialect.quoteText(t)} AS "t${i}"`).join(", ")}`,
          );
          expect(storable.map((_, i) => rows[0]![`t${i}`])).toEqual(storable);
        }
        const trimmed = await engine.query(
          `SELECT ${dialect.call("trim_js", [dialect.quoteText(`${JS_TRIM_CHARACTERS}x y${JS_TRIM_CHARACTERS}`)])} AS "t"`,
        );
        expect(trimmed[0]!.t).toBe("x y");
        expect(() => dialect.quoteText("a\u0000b")).toThrow(/U\+0000/);
      } finally {
        await engine.close();
      }
    },
  );

  it("bigquery and snowflake escape backslashes, quotes and control characters", () => {
    for (const name of ["bigquery", "snowflake"] as const) {
      expect(dialectNamed(name).quoteText("'; --\\\u0000\n$$")).toBe("'\\'; --\\\\\\u0000\\u000a$$'");
    }
    expect(dialectNamed("bigquery").quoteIdentifier("a`b\\c")).toBe("`a\\`b\\\\c`");
    expect(dialectNamed("snowflake").quoteIdentifier('a"b')).toBe('"a""b"');
  });

  it("JS_TRIM_CHARACTERS is exactly what JavaScript's trim removes", () => {
    const removed: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (`${char}x`.trim() === "x") removed.push(char);
    }
    expect(removed.join("")).toBe([...JS_TRIM_CHARACTERS].sort().join(""));
  });
});
