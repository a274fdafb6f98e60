/**
 * Property tests of the formatter over valid rule files rewritten at random: the reference ruleset and the
 * inputs of the golden cases, with the white space between every two tokens replaced and comments inserted.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatSource } from "../../src/syntax/format.js";
import { scoreLexer } from "../../src/syntax/tokens.js";
import { loadCases } from "../support/case-files.js";
import { RULES_DIR } from "../support/paths.js";
import { commentTexts, parseClean, syntaxTree } from "./format-helpers.js";

interface Seed {
  name: string;
  /** The tokens and comments of the file, in order, with the white space found before each. */
  pieces: Piece[];
  /** White space after the last piece. */
  tail: string;
  /** What the formatter must produce for any layout-only rewrite of the file. */
  canonical: string;
}

interface Piece {
  image: string;
  isComment: boolean;
  gapBefore: string;
}

function splitPieces(text: string): { pieces: Piece[]; tail: string } {
  const lexed = scoreLexer.tokenize(text);
  expect(lexed.errors).toEqual([]);
  const found = [
    ...lexed.tokens.map((t) => ({ offset: t.startOffset, image: t.image, isComment: false })),
    ...(lexed.groups.comments ?? []).map((t) => ({
      offset: t.startOffset,
      image: t.image,
      isComment: true,
    })),
  ].sort((a, b) => a.offset - b.offset);
  let cursor = 0;
  const pieces = found.map(({ offset, image, isComment }) => {
    const piece = { image, isComment, gapBefore: text.slice(cursor, offset) };
    cursor = offset + image.length;
    return piece;
  });
  return { pieces, tail: text.slice(cursor) };
}

function seeds(): Seed[] {
  const reference = readdirSync(RULES_DIR)
    .filter((file) => file.endsWith(".score"))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(RULES_DIR, file), "utf8");
      return { name: file, text, canonical: text };
    });
  const cases = loadCases<{ input: string; output: string; crlf?: boolean }>("format").map(
    ({ name, data }) => ({
      name: `${name}.yaml`,
      // The rewrites replace white space between tokens; a byte order mark is not white space to them.
      text: (data.crlf ? data.input.replace(/\n/g, "\r\n") : data.input).replace(/^\uFEFF/, ""),
      canonical: data.output,
    }),
  );
  return [...reference, ...cases].map(({ name, text, canonical }) => ({
    name,
    canonical,
    ...splitPieces(text),
  }));
}

const SPACES = [" ", "  ", "\t", " \t  "];
const ONE_BREAK = ["\n", "\r\n", "  \n", "\n\t\t", " \t\r\n      "];
const BLANK = ["\n\n", "\r\n\r\n", "\n  \n\t", "\n\n\n\n", " \n\t\n  \n"];

/**
 * The white space that may replace `gap` without changing the canonical output: a blank line stays a blank
 * line, no new blank line appears, a comment stays on its own line or at the end of a line of code, and
 * tokens that were apart stay apart.
 */
function replacementsFor(gap: string, before: Piece | undefined, after: Piece | undefined): string[] {
  const breaks = (gap.match(/\n/g) ?? []).length;
  if (before === undefined || after === undefined) return ["", ...SPACES, ...ONE_BREAK, ...BLANK];
  if (breaks >= 2) return BLANK;
  if (after.isComment || before.isComment) {
    // A line break before a comment decides whether it is a comment of its own; one always follows it.
    if (breaks === 1) return ONE_BREAK;
    return gap === "" ? ["", ...SPACES] : SPACES;
  }
  return gap === "" ? ["", ...SPACES, ...ONE_BREAK] : [...SPACES, ...ONE_BREAK];
}

/** A rewrite of one seed: the index of the white space chosen for every gap. */
function rewriteArbitrary(seed: Seed): fc.Arbitrary<string> {
  const gaps = [...seed.pieces.map((p) => p.gapBefore), seed.tail];
  const options = gaps.map((gap, i) => replacementsFor(gap, seed.pieces[i - 1], seed.pieces[i]));
  return fc
    .tuple(...options.map((choices) => fc.constantFrom(...choices)))
    .map((spaces) => seed.pieces.map((p, i) => spaces[i] + p.image).join("") + spaces[spaces.length - 1]);
}

const ALL_SEEDS = seeds();

function checkFormatted(text: string, formatted: string): void {
  const original = parseClean("mutated.score", text);
  const reparsed = parseClean("mutated.score", formatted);
  expect(syntaxTree(reparsed)).toBe(syntaxTree(original));
  expect(commentTexts(reparsed)).toEqual(commentTexts(original));
  expect(formatSource(reparsed)).toBe(formatted);
  expect(formatted).not.toMatch(/[ \t]$/m);
  expect(formatted).not.toMatch(/\r|\n\n\n|^\n/);
  expect(formatted === "" || /[^\n]\n$/.test(formatted)).toBe(true);
}

describe("formatting rewritten rule files", () => {
  test("there are seeds (reference files and golden cases)", () => {
    expect(ALL_SEEDS.length).toBeGreaterThanOrEqual(5 + 12);
  });

  test("any layout of a file formats to the same canonical text", () => {
    const arbitrary = fc
      .constantFrom(...ALL_SEEDS)
      .chain((seed) => rewriteArbitrary(seed).map((text) => ({ seed, text })));
    fc.assert(
      fc.property(arbitrary, ({ seed, text }) => {
        expect(formatSource(parseClean(seed.name, text)), seed.name).toBe(seed.canonical);
      }),
      { numRuns: 300 },
    );
  });

  test("comments inserted anywhere are kept, in order, and the result is stable", () => {
    const insertion = fc.record({
      at: fc.nat(),
      ownLine: fc.boolean(),
      text: fc.stringMatching(/^[ -~]{0,12}$/),
    });
    const arbitrary = fc
      .constantFrom(...ALL_SEEDS)
      .chain((seed) =>
        fc
          .tuple(rewriteArbitrary(seed), fc.array(insertion, { maxLength: 8 }))
          .map(([text, insertions]) => withComments(text, insertions)),
      );
    fc.assert(
      fc.property(arbitrary, (text) => checkFormatted(text, formatSource(parseClean("mutated.score", text)))),
      { numRuns: 300 },
    );
  });
});

/**
 * Inserts comments at token boundaries of `text` (`at` picks a boundary), either on a line of their own or
 * at the end of the line of the token before.
 */
function withComments(
  text: string,
  insertions: Array<{ at: number; ownLine: boolean; text: string }>,
): string {
  const { pieces, tail } = splitPieces(text);
  const extra = new Map<number, string>();
  for (const { at, ownLine, text: body } of insertions) {
    const index = at % (pieces.length + 1);
    const comment = `#${body}`;
    extra.set(index, (extra.get(index) ?? "") + (ownLine ? `\n${comment}\n` : ` ${comment}\n`));
  }
  let out = "";
  pieces.forEach((piece, i) => {
    out += (extra.get(i) ?? "") + piece.gapBefore + piece.image;
  });
  return out + (extra.get(pieces.length) ?? "") + tail;
}
