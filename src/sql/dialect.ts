import type { SqlFunction, SqlType } from "./ir.js";

export type DialectName = "duckdb" | "postgres" | "bigquery" | "snowflake";

export const DIALECTS: readonly DialectName[] = ["duckdb", "postgres", "bigquery", "snowflake"];

/**
 * What differs between SQL dialects, as data and small functions: how identifiers and text are quoted,
 * the names of types, and how each portable function (ir.ts `SqlFunction`) is written. The printer
 * (printer.ts) does the rest the same way for all.
 */
export interface Dialect {
  name: DialectName;
  quoteIdentifier(name: string): string;
  /** A text literal, escaped so that it is read back as exactly `value`. */
  quoteText(value: string): string;
  /** Whether text values can hold U+0000 (PostgreSQL's cannot: a literal with it can match nothing). */
  textHoldsNul: boolean;
  types: Record<SqlType, string>;
  /**
   * Whether CTEs are written `AS MATERIALIZED`. Each step reads the columns of the step before several
   * times (the score in every bucket test, say); a planner that inlines the CTEs repeats the whole
   * expression behind a column at each use, which grows exponentially with the steps. No dialect needs it
   * now: DuckDB computes each step's columns once anyway (materialising them cost it a third of the time
   * of a query, BENCHMARKS.md, SQL backend), and PostgreSQL is kept from inlining by `fenceCtes`.
   */
  materializeCtes: boolean;
  /**
   * Whether each CTE ends in `OFFSET 0` (PostgreSQL, instead of `MATERIALIZED`): a step read once is then
   * planned as a subquery the planner cannot flatten, so its columns are computed once per row and flow
   * to the next step without being written out; a step read twice (the leads) is materialised anyway.
   * Materialising every step wrote each of six steps' million wide rows to temporary files (BENCHMARKS.md,
   * "PostgreSQL").
   */
  fenceCtes?: boolean;
  /**
   * Whether aggregates are written `SUM(x) FILTER (WHERE c)` rather than `SUM(CASE WHEN c THEN x END)`:
   * PostgreSQL then tests the condition without evaluating a CASE for every aggregate and row (five
   * counts over ten million events: 14 s instead of 23 s, BENCHMARKS.md "PostgreSQL").
   */
  aggregateFilter?: boolean;
  /**
   * Whether the events are ordered by lead key (a text key by its hash), each with its flags packed into
   * integers, before the per-lead aggregate (DuckDB). DuckDB's hash aggregate keeps up with a million leads, but over ten million
   * leads whose events come in any order each thread's table holds almost no repeated key: every event
   * became a partial row of all the aggregates, written out and combined again. Sorted, a lead's events
   * arrive together and are reduced at once. 10M leads + 100M events with a 2 GB memory limit: the whole
   * query took 56 s instead of 129 s, 108 s of CPU instead of 242 s (BENCHMARKS.md, "SQL backend"); at 1M
   * leads the sort costs about 6 % more CPU. Other dialects leave the plan to their planner.
   */
  clusterEvents?: boolean;
  /** Writes a function call given its printed arguments. */
  call(fn: SqlFunction, args: string[]): string;
}

/**
 * The characters JavaScript's `trim()` removes (ECMAScript WhiteSpace and LineTerminator): the SQL trims
 * exactly these, since the databases' own `TRIM` removes spaces only.
 */
export const JS_TRIM_CHARACTERS =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" +
  "\u2028\u2029\u202f\u205f\u3000\ufeff";

export const ASCII_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz";

/**
 * Control characters and invisible spaces are written as escapes or chr(), so that the SQL text stays
 * printable and no editor or terminal can change (or hide) what a literal holds.
 */
function isControl(code: number): boolean {
  if (code < 0x20 || (code >= 0x7f && code <= 0xa0)) return true;
  return code !== 0x20 && JS_TRIM_CHARACTERS.includes(String.fromCodePoint(code));
}

function doubled(value: string, quote: string): string {
  return value.split(quote).join(quote + quote);
}

/**
 * Standard SQL text ('' for a quote, nothing else special): printable runs are quoted, control characters
 * become `chr(n)`, joined with `||`. DuckDB and PostgreSQL (whose `standard_conforming_strings` is on) read
 * backslashes in such text literally.
 */
function standardText(value: string, chr: (code: number) => string): string {
  const parts: string[] = [];
  let run = "";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (isControl(code)) {
      if (run !== "") parts.push(`'${doubled(run, "'")}'`);
      run = "";
      parts.push(chr(code));
    } else {
      run += char;
    }
  }
  if (run !== "" || parts.length === 0) parts.push(`'${doubled(run, "'")}'`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(" || ")})`;
}

/** Text with backslash escapes (BigQuery, Snowflake): backslash, quote and control characters escaped. */
function backslashText(value: string): string {
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === "\\") out += "\\\\";
    else if (char === "'") out += "\\'";
    else if (isControl(code)) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += char;
  }
  return `'${out}'`;
}

const doubleQuoted = (name: string): string => `"${doubled(name, '"')}"`;

/** Functions written the same way in every dialect. */
function commonCall(fn: SqlFunction, args: string[]): string | null {
  switch (fn) {
    case "fold":
      return `TRANSLATE(${args[0]}, '${ASCII_UPPER}', '${ASCII_LOWER}')`;
    case "left":
      return `LEFT(${args[0]}, ${args[1]})`;
    case "right":
      return `RIGHT(${args[0]}, ${args[1]})`;
    case "power":
      return `POWER(${args[0]}, ${args[1]})`;
    case "abs":
      return `ABS(${args[0]})`;
    case "coalesce":
      return `COALESCE(${args.join(", ")})`;
    case "nullif":
      return `NULLIF(${args[0]}, ${args[1]})`;
    case "sum":
      return `SUM(${args[0]})`;
    case "min":
      return `MIN(${args[0]})`;
    case "max":
      return `MAX(${args[0]})`;
    case "round":
      return `ROUND(${args[0]}, ${args[1]})`;
    case "substr":
      return `SUBSTR(${args.join(", ")})`;
    case "bytewise":
      return args[0]!;
    case "bitwise_and":
      return `(${args[0]} & ${args[1]})`;
    case "bit_or":
      return `BIT_OR(${args[0]})`;
    default:
      return null;
  }
}

function dialectCall(own: (fn: SqlFunction, args: string[]) => string | null) {
  const call = (fn: SqlFunction, args: string[]): string => {
    // Unless the dialect has a faster equivalent, normalising text is folding the trimmed text.
    const written =
      own(fn, args) ?? (fn === "trim_fold" ? call("fold", [call("trim_js", args)]) : commonCall(fn, args));
    if (written === null) throw new Error(`internal: no SQL for ${fn}`);
    return written;
  };
  return call;
}

/** A regular expression character class (RE2 syntax, ASCII only) of the characters JavaScript's trim removes. */
const TRIM_CLASS = `[${[...JS_TRIM_CHARACTERS].map((char) => `\\x{${char.codePointAt(0)!.toString(16)}}`).join("")}]`;
const NOT_TRIM_CLASS = `[^${TRIM_CLASS.slice(1)}`;

/**
 * DuckDB's `TRIM(x, characters)` with the 25 characters JavaScript trims costs about 7 µs per value and
 * `TRANSLATE` 1 µs: most of the time of a query over a million leads. Almost every value needs neither:
 * it is empty, or starts and ends with a character JavaScript keeps (then TRIM changes nothing), and it is
 * ASCII (then `LOWER` maps exactly A–Z to a–z, as `TRANSLATE` does). Cheap tests tell which case a value
 * is in, and each case takes the cheapest exact path:
 * - ASCII (as many bytes as characters) starting at `!` or above (a byte comparison) and ending with a
 *   character above the space (`ord` of the last character): nothing to trim, `LOWER` folds. This test
 *   costs about a third of the regular expressions below (BENCHMARKS.md, "Generated vs hand-written").
 * - otherwise: ASCII with characters to trim (or empty), trimmed of the ASCII ones only; any text whose
 *   ends JavaScript keeps (a regular expression, compiled once, linear); else the general path.
 * Every path gives the value the general one gives (test/sql/dialects.test.ts).
 */
function duckdbTrim(value: string, fold: boolean): string {
  const general = `TRIM(${value}, ${duckdb.quoteText(JS_TRIM_CHARACTERS)})`;
  const asciiTrimmed = `TRIM(${value}, ${duckdb.quoteText(ASCII_TRIM_CHARACTERS)})`;
  const untrimmed = `REGEXP_FULL_MATCH(${value}, '(?:${NOT_TRIM_CLASS}(?s:.*${NOT_TRIM_CLASS})?)?')`;
  const ascii = `(STRLEN(${value}) = LENGTH(${value}))`;
  const asciiUntrimmed = `((${value} >= '!') AND ${ascii} AND (ORD(${value}[-1]) > 32))`;
  if (!fold) {
    return (
      `(CASE WHEN ${asciiUntrimmed} THEN ${value} WHEN ${untrimmed} THEN ${value} ` +
      `WHEN ${ascii} THEN ${asciiTrimmed} ELSE ${general} END)`
    );
  }
  const translate = (text: string) => commonCall("fold", [text]);
  return (
    `(CASE WHEN ${asciiUntrimmed} THEN LOWER(${value}) ` +
    `WHEN ${ascii} THEN LOWER(${asciiTrimmed}) ` +
    `WHEN ${untrimmed} THEN ${translate(value)} ELSE ${translate(general)} END)`
  );
}

/** The ASCII characters JavaScript's `trim` removes. */
const ASCII_TRIM_CHARACTERS = "\t\n\v\f\r ";

const duckdb: Dialect = {
  name: "duckdb",
  materializeCtes: false,
  clusterEvents: true,
  quoteIdentifier: doubleQuoted,
  quoteText: (value) => standardText(value, (code) => `chr(${code})`),
  textHoldsNul: true,
  types: {
    double: "DOUBLE",
    decimal2: "DECIMAL(38, 2)",
    decimal2_small: "DECIMAL(18, 2)",
    decimal10: "DECIMAL(38, 10)",
    decimal10_small: "DECIMAL(18, 10)",
    bigint: "BIGINT",
    text: "VARCHAR",
  },
  call: dialectCall((fn, args) => {
    switch (fn) {
      case "trim_js":
        return duckdbTrim(args[0]!, false);
      case "trim_fold":
        return duckdbTrim(args[0]!, true);
      case "strpos":
        return `STRPOS(${args[0]}, ${args[1]})`;
      case "idiv":
        return `(${args[0]} // ${args[1]})`;
      case "epoch_ms":
        return `EPOCH_MS(${args[0]})`;
      case "hash":
        return `HASH(${args[0]})`;
      default:
        return null;
    }
  }),
};

const postgres: Dialect = {
  name: "postgres",
  materializeCtes: false,
  fenceCtes: true,
  aggregateFilter: true,
  quoteIdentifier: doubleQuoted,
  // E'' reads backslash escapes whatever `standard_conforming_strings` says, so nothing depends on it.
  quoteText: (value) => {
    let out = "";
    let escaped = false;
    for (const char of value) {
      const code = char.codePointAt(0)!;
      if (code === 0) throw new Error("internal: PostgreSQL text cannot hold U+0000");
      if (char === "\\") {
        out += "\\\\";
        escaped = true;
      } else if (char === "'") out += "''";
      else if (isControl(code)) {
        out +=
          code > 0x7f
            ? `\\u${code.toString(16).padStart(4, "0")}`
            : `\\x${code.toString(16).padStart(2, "0")}`;
        escaped = true;
      } else out += char;
    }
    return escaped ? `E'${out}'` : `'${out}'`;
  },
  textHoldsNul: false,
  types: {
    double: "DOUBLE PRECISION",
    decimal2: "NUMERIC(38, 2)",
    decimal2_small: "NUMERIC(18, 2)",
    decimal10: "NUMERIC(38, 10)",
    decimal10_small: "NUMERIC(18, 10)",
    bigint: "BIGINT",
    text: "TEXT",
  },
  call: dialectCall((fn, args) => {
    switch (fn) {
      // BTRIM with a set of multibyte characters measures every character of the value and of the set
      // on each call (most of the time of normalising ten million events, BENCHMARKS.md "PostgreSQL").
      // A value whose first and last characters are printable ASCII has nothing JavaScript trims.
      case "trim_js":
        return (
          `(CASE WHEN (ASCII(${args[0]}) BETWEEN 33 AND 127) AND (ASCII(RIGHT(${args[0]}, 1)) BETWEEN 33 AND 127) ` +
          `THEN ${args[0]} ELSE BTRIM(${args[0]}, ${postgres.quoteText(JS_TRIM_CHARACTERS)}) END)`
        );
      // Under the "C" collation LOWER maps exactly the bytes A–Z to a–z, whatever the database's own
      // collation (a Turkish one maps I to ı): TRANSLATE's mapping, about 10× faster (3 µs a value).
      case "fold":
        return `LOWER((${args[0]}) COLLATE "C")`;
      case "bytewise":
        return `((${args[0]}) COLLATE "C")`;
      case "strpos":
        return `STRPOS(${args[0]}, ${args[1]})`;
      case "idiv":
        return `(CAST(${args[0]} AS BIGINT) / CAST(${args[1]} AS BIGINT))`;
      case "epoch_ms":
        // PostgreSQL's 'infinity' has no epoch in a BIGINT: one such row in a CRM table would fail the
        // whole statement. It is no time (NULL), as an unreadable time is.
        return `CASE WHEN ISFINITE(${args[0]}) THEN CAST(FLOOR(EXTRACT(EPOCH FROM ${args[0]}) * 1000) AS BIGINT) END`;
      default:
        return null;
    }
  }),
};

const bigquery: Dialect = {
  name: "bigquery",
  materializeCtes: false,
  quoteIdentifier: (name) => `\`${name.replace(/[\\`]/g, (char) => `\\${char}`)}\``,
  quoteText: backslashText,
  textHoldsNul: true,
  types: {
    double: "FLOAT64",
    decimal2: "BIGNUMERIC",
    decimal2_small: "NUMERIC",
    decimal10: "BIGNUMERIC",
    // NUMERIC has 9 decimals only.
    decimal10_small: "BIGNUMERIC",
    bigint: "INT64",
    text: "STRING",
  },
  call: dialectCall((fn, args) => {
    switch (fn) {
      case "trim_js":
        return `TRIM(${args[0]}, ${backslashText(JS_TRIM_CHARACTERS)})`;
      case "strpos":
        return `STRPOS(${args[0]}, ${args[1]})`;
      case "idiv":
        return `DIV(${args[0]}, ${args[1]})`;
      case "epoch_ms":
        return `UNIX_MILLIS(${args[0]})`;
      default:
        return null;
    }
  }),
};

const snowflake: Dialect = {
  name: "snowflake",
  materializeCtes: false,
  quoteIdentifier: doubleQuoted,
  quoteText: backslashText,
  textHoldsNul: true,
  types: {
    double: "DOUBLE",
    decimal2: "NUMBER(38, 2)",
    decimal2_small: "NUMBER(18, 2)",
    decimal10: "NUMBER(38, 10)",
    decimal10_small: "NUMBER(18, 10)",
    bigint: "BIGINT",
    text: "VARCHAR",
  },
  call: dialectCall((fn, args) => {
    switch (fn) {
      case "trim_js":
        return `TRIM(${args[0]}, ${backslashText(JS_TRIM_CHARACTERS)})`;
      case "strpos":
        return `POSITION(${args[1]}, ${args[0]})`;
      case "idiv":
        return `FLOOR(${args[0]} / ${args[1]})`;
      case "epoch_ms":
        return `DATE_PART(EPOCH_MILLISECOND, ${args[0]})`;
      case "bitwise_and":
        return `BITAND(${args[0]}, ${args[1]})`;
      case "bit_or":
        return `BITOR_AGG(${args[0]})`;
      default:
        return null;
    }
  }),
};

const BY_NAME: Record<DialectName, Dialect> = { duckdb, postgres, bigquery, snowflake };

export function dialectNamed(name: DialectName): Dialect {
  return BY_NAME[name];
}
