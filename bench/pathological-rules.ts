/**
 * Rule files that are one piece of the grammar repeated until the file has the size asked for: every
 * keyword, every opener, closer and operator, every kind of literal, and the well-formed but empty blocks
 * that recovery closes one by one. Whatever a file holds, `check` must answer in seconds and a few
 * hundred MB (issue 9 item 11); these are the shapes that cost the parser most per byte.
 */
import { KEYWORDS, OPERATORS } from "../src/syntax/tokens.js";

export interface PathologicalShape {
  /** How the shape is shown in the report. */
  name: string;
  /** What is written before the repetition (a schema, so that the repeated part is checked). */
  prefix: string;
  /** The repeated piece. */
  unit: string;
  /** A piece whose text changes with its index (unique names), instead of `unit`. */
  indexedUnit?: (index: number) => string;
}

const PUNCTUATION = ["{", "}", "[", "]", "(", ")", ",", ":", "|", "?", "%"];
const SCHEMA = "lead {\n  id: string\n  a: number?\n}\n";

/** Every shape, in a stable order. */
export function pathologicalShapes(): PathologicalShape[] {
  const shapes: PathologicalShape[] = [];
  const plain = (name: string, unit: string, prefix = "") => shapes.push({ name, prefix, unit });
  for (const keyword of KEYWORDS) plain(`\`${keyword.word} \``, `${keyword.word} `);
  for (const text of [...PUNCTUATION, ...OPERATORS]) plain(`\`${text}\``, text);
  plain("`x ` (a name)", "x ");
  plain("`1 ` (a number)", "1 ");
  plain('`"s" ` (a string)', '"s" ');
  plain('`"` (an open string per line)', '"\n');
  plain("`30d `", "30d ");
  plain("`30days ` (malformed duration)", "30days ");
  plain("`2026-01-01 `", "2026-01-01 ");
  plain("`# comment` lines", "# a comment\n");
  plain("`model x {` lines", "model x {\n");
  plain("`lead {` lines", "lead {\n");
  plain("`event e {` lines", "event e {\n");
  plain("`list l = [` lines", "list l = [\n");
  plain("`model m { fit {` lines", "model m { fit {\n");
  plain("`(not ` (deep nesting)", "(not ");
  plain(
    "`when a > 1 add 1 ` after a schema and an open model",
    "when a > 1 add 1 ",
    `${SCHEMA}model m { fit {\n`,
  );
  plain(
    "`model m { fit { when a > 1 add 1 add 1 add 1` lines",
    "model m { fit { when a > 1 add 1 add 1 add 1\n",
    SCHEMA,
  );
  plain('`exclude when a > 1 because "x"` lines', 'exclude when a > 1 because "x"\n', SCHEMA);
  plain("`a > 1 and ` (one long chain)", "a > 1 and ", `${SCHEMA}model m { fit { when `);
  shapes.push({
    name: "valid models with distinct names",
    prefix: SCHEMA,
    unit: "",
    indexedUnit: (index) => `model m${index} when a > ${index} { fit { when a > 1 add 1 } }\n`,
  });
  return shapes;
}

/** The shape's file text: as many whole pieces as fit in `bytes` characters. */
export function pathologicalText(shape: PathologicalShape, bytes: number): string {
  if (shape.indexedUnit === undefined) {
    const count = Math.floor(Math.max(0, bytes - shape.prefix.length) / shape.unit.length);
    return shape.prefix + shape.unit.repeat(count);
  }
  const pieces = [shape.prefix];
  let size = shape.prefix.length;
  for (let index = 0; ; index++) {
    const piece = shape.indexedUnit(index);
    if (size + piece.length > bytes) break;
    pieces.push(piece);
    size += piece.length;
  }
  return pieces.join("");
}
