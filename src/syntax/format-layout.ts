/**
 * The shape of a formatted file, before comments are placed: every declaration becomes either one line
 * of canonical text (from print.ts) or a bracketed block of child nodes. Each node keeps the source
 * offsets it came from, which is all the comment placement in format.ts needs.
 */
import type {
  Declaration,
  EventDecl,
  FieldDecl,
  LeadDecl,
  ListDecl,
  ModelDecl,
  SectionDecl,
  SourceFile,
} from "./ast.js";
import {
  printBucket,
  printClamp,
  printDecay,
  printExclude,
  printExpr,
  printField,
  printGrade,
  printHeader,
  printList,
  printRule,
  printValue,
} from "./print.js";
import { printString } from "./literals.js";

export type LayoutNode = LineNode | BlockNode;

interface LayoutBase {
  /** Source offset of the node's first character. */
  start: number;
  /** Source offset just past the node's last character. */
  end: number;
}

/** A node written on one line: a rule, a bucket, a field, a list item… */
export interface LineNode extends LayoutBase {
  kind: "line";
  text: string;
}

/** A node with a bracketed body: `model … {`, `fit {`, `lead {`, `event x {`, `list x = [`. */
export interface BlockNode extends LayoutBase {
  kind: "block";
  /** The first line, ending with the opening bracket: `model enterprise "…" when employees >= 500 {`. */
  open: string;
  close: "}" | "]";
  /** Source offset just past the opening bracket: comments before it belong to the header. */
  bodyStart: number;
  /** Source offset of the closing bracket. */
  bodyEnd: number;
  /** Written after each child when the block spans several lines (`,` between list items). */
  separator: "" | ",";
  children: LayoutNode[];
  /** The one-line form, for blocks that stay on one line when short and free of comments; null: never. */
  inline: string | null;
}

export function layoutFile(file: SourceFile): LayoutNode[] {
  return file.declarations.map((declaration) => layoutDeclaration(declaration, file.text));
}

function layoutDeclaration(declaration: Declaration, text: string): LayoutNode {
  switch (declaration.kind) {
    case "RulesetHeader":
      return line(declaration, printHeader(declaration));
    case "Lead":
      return layoutLead(declaration, text);
    case "Event":
      return layoutEvent(declaration, text);
    case "List":
      return layoutList(declaration);
    case "Exclude":
      return line(declaration, printExclude(declaration));
    case "Grade":
      return line(declaration, printGrade(declaration));
    case "Bucket":
      return line(declaration, printBucket(declaration));
    case "Clamp":
      return line(declaration, printClamp(declaration));
    case "Model":
      return layoutModel(declaration, text);
  }
}

function layoutLead(lead: LeadDecl, text: string): BlockNode {
  const keywordEnd = lead.span.start.offset + "lead".length;
  return braceBlock(lead, text, keywordEnd, "lead {", lead.fields.map(layoutField), null);
}

/**
 * An event without properties is one line (`event demo_request`); with properties it stays on one line
 * (`event page_view { url: string, seconds: number? }`) unless that line is too long or holds comments.
 */
function layoutEvent(event: EventDecl, text: string): LayoutNode {
  const head = `event ${event.name.name}`;
  if (event.properties.length === 0) return line(event, head);
  const inline = `${head} { ${event.properties.map(printField).join(", ")} }`;
  return braceBlock(
    event,
    text,
    event.name.span.end.offset,
    `${head} {`,
    event.properties.map(layoutField),
    inline,
  );
}

/** A list declaration stays on one line unless too long or commented; then one item per line. */
function layoutList(list: ListDecl): BlockNode {
  const head = `list ${list.name.name} =`;
  const items = list.items;
  return {
    kind: "block",
    start: list.span.start.offset,
    end: list.span.end.offset,
    open: `${head} [`,
    close: "]",
    bodyStart: items.span.start.offset + 1,
    bodyEnd: items.span.end.offset - 1,
    separator: ",",
    children: items.items.map((value) => line(value, printValue(value))),
    inline: `${head} ${printList(items)}`,
  };
}

function layoutModel(model: ModelDecl, text: string): BlockNode {
  let open = `model ${model.name.name}`;
  let headerEnd = model.name.span.end.offset;
  if (model.label) {
    open += ` ${printString(model.label.value)}`;
    headerEnd = model.label.span.end.offset;
  }
  if (model.when) {
    open += ` when ${printExpr(model.when)}`;
    headerEnd = model.when.span.end.offset;
  }
  const children = model.items.map((item) => layoutModelItem(item, text));
  return braceBlock(model, text, headerEnd, `${open} {`, children, null);
}

function layoutModelItem(item: ModelDecl["items"][number], text: string): LayoutNode {
  switch (item.kind) {
    case "Section":
      return layoutSection(item, text);
    case "Bucket":
      return line(item, printBucket(item));
    case "Clamp":
      return line(item, printClamp(item));
  }
}

function layoutSection(section: SectionDecl, text: string): BlockNode {
  const children = section.items.map((item) =>
    line(item, item.kind === "Rule" ? printRule(item) : printDecay(item)),
  );
  return braceBlock(section, text, section.keyword.end.offset, `${section.name} {`, children, null);
}

function layoutField(field: FieldDecl): LineNode {
  return line(field, printField(field));
}

function line(
  node: { span: { start: { offset: number }; end: { offset: number } } },
  text: string,
): LineNode {
  return { kind: "line", start: node.span.start.offset, end: node.span.end.offset, text };
}

/** A `{ … }` block whose header ends at `headerEnd`; the `{` is the next token after it. */
function braceBlock(
  node: { span: { start: { offset: number }; end: { offset: number } } },
  text: string,
  headerEnd: number,
  open: string,
  children: LayoutNode[],
  inline: string | null,
): BlockNode {
  const end = node.span.end.offset;
  return {
    kind: "block",
    start: node.span.start.offset,
    end,
    open,
    close: "}",
    bodyStart: findOpeningBrace(text, headerEnd, end) + 1,
    bodyEnd: end - 1,
    separator: "",
    children,
    inline,
  };
}

/**
 * The offset of the `{` that follows `from`, skipping white space and comments. The AST does not keep
 * the brace itself, but a comment written before it belongs to the header and one after it to the body.
 */
function findOpeningBrace(text: string, from: number, limit: number): number {
  let offset = from;
  while (offset < limit) {
    const char = text[offset];
    if (char === "{") return offset;
    if (char === "#") {
      const lineEnd = text.indexOf("\n", offset);
      offset = lineEnd === -1 ? limit : lineEnd;
    } else {
      offset++;
    }
  }
  // Unreachable for a file that parsed without errors; treat the whole node as header.
  return limit - 1;
}
