/**
 * Completion from the line being typed: what may come next where the cursor is, named from the ruleset
 * (fields, event types and their properties, lists, enumeration values, grades) or the language
 * (keywords, durations). The line is read as words, not parsed: a half-typed line is what completion
 * meets most, and the parser would only report it as broken.
 */
import { CompletionItemKind, type CompletionItem, type Position } from "vscode-languageserver";
import { gradeLabels } from "../check/grades.js";
import { RESULT_METRICS } from "../check/result-metrics.js";
import type { FieldSymbol, SymbolTable } from "../check/symbol-table.js";
import { printWordOrString } from "../syntax/print.js";
import { offsetAt } from "./ranges.js";

const DECLARATIONS = ["ruleset", "lead", "event", "list", "model", "exclude", "grade", "bucket", "clamp"];
const MODEL_ITEMS = ["fit", "engagement", "bucket", "clamp"];
const SECTION_ITEMS = ["when", "decay"];
const TYPES = ["string", "number", "boolean", "date"];
const DURATIONS = ["1d", "7d", "14d", "30d", "60d", "90d", "180d", "4h", "24h", "48h", "1w", "4w"];
const OPERATORS = ["in", "not", "contains", "starts", "ends", "between", "within", "is"];
const EFFECTS = ["add", "subtract"];
const ACTIONS = ["route", "nurture", "disqualify"];

type Block = "top" | "lead" | "event" | "model" | "fit" | "engagement";

const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const TOKEN =
  /"(?:[^"\\\n]|\\.)*"?|[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?[A-Za-z%]*|->|!=|<=|>=|[<>=[\](){},:|?]/g;

export function completions(symbols: SymbolTable, text: string, position: Position): CompletionItem[] {
  const offset = offsetAt(text, position);
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const line = text.slice(lineStart, offset);
  if (insideStringOrComment(line)) return [];
  const tokens = line.match(TOKEN) ?? [];
  // The word being typed is not context: completion replaces it.
  if (/[A-Za-z0-9_]$/.test(line) && tokens.length > 0) tokens.pop();
  const block = blockAt(text, lineStart);
  return new LineContext(symbols, block, tokens).items();
}

class LineContext {
  constructor(
    private readonly symbols: SymbolTable,
    private readonly block: Block,
    private readonly tokens: string[],
  ) {}

  items(): CompletionItem[] {
    const { tokens, block } = this;
    const last = tokens[tokens.length - 1];
    const first = tokens[0];
    if (last === undefined) return this.lineStart();
    if (block === "lead" || block === "event" || (first === "event" && block === "top")) {
      return last === ":" || last === "|" ? keywords(TYPES, CompletionItemKind.TypeParameter) : [];
    }
    if (last === "within" || last === "every") return DURATIONS.map((d) => item(d, CompletionItemKind.Value));
    if (last === "->" || (last === "," && tokens.includes("->"))) return keywords(ACTIONS);
    if (first === "bucket" && tokens.length === 2) {
      return keywords(["when", "otherwise", ">=", ">", "<", "<=", "="], CompletionItemKind.Operator);
    }
    const eventTypes = this.eventTypesTyped();
    if (eventTypes !== null) return eventTypes;
    const effect = this.afterEffect();
    if (effect !== null) return effect;
    return this.inCondition();
  }

  private lineStart(): CompletionItem[] {
    switch (this.block) {
      case "top":
        return keywords(DECLARATIONS);
      case "model":
        return keywords(MODEL_ITEMS);
      case "fit":
      case "engagement":
        return keywords(SECTION_ITEMS);
      default:
        return [];
    }
  }

  /** After `event =`, `event in [`, `event in [a,`: the event types. */
  private eventTypesTyped(): CompletionItem[] | null {
    const { tokens } = this;
    const at = tokens.lastIndexOf("event");
    if (at === -1) return null;
    const after = tokens.slice(at + 1);
    const typing =
      (after.length === 1 && after[0] === "=") ||
      (after[0] === "in" &&
        after[1] === "[" &&
        !after.includes("]") &&
        [",", "["].includes(after[after.length - 1]!));
    if (!typing) return null;
    return [...this.symbols.events.keys()].map((name) => item(name, CompletionItemKind.Event));
  }

  /** After the points: `each`, `max`, `within`. */
  private afterEffect(): CompletionItem[] | null {
    const { tokens } = this;
    const at = Math.max(tokens.lastIndexOf("add"), tokens.lastIndexOf("subtract"));
    if (at === -1) return null;
    const last = tokens[tokens.length - 1]!;
    if (at === tokens.length - 1 || last === "max") return [];
    const used = new Set(tokens.slice(at));
    return keywords(["each", "max", "within"].filter((word) => !used.has(word)));
  }

  /** Inside a condition: a name, an operator, a value, or what follows a complete test. */
  private inCondition(): CompletionItem[] {
    const { tokens } = this;
    const last = tokens[tokens.length - 1]!;
    const scope = this.scope();
    if (scope === null) return [];
    if (["when", "and", "or", "not", "(", "where"].includes(last)) return this.subjects(scope);
    const subject = this.subjectBefore();
    if (subject !== undefined) {
      const field = this.fieldNamed(subject.name, scope);
      switch (subject.expecting) {
        case "operator":
          return keywords(OPERATORS);
        case "value":
        case "list item":
          return this.values(subject.name, field);
        case "list":
          return this.lists();
        case "done":
          break;
      }
    }
    // After a complete test: what may follow it. An event test is narrowed by `where`, never combined.
    const eventTest = tokens.includes("event");
    const next: string[] = [];
    if (tokens.includes("no") && eventTest) {
      if (!tokens.includes("within")) next.push("within");
    } else if (eventTest && !tokens.includes("where")) next.push("where");
    else next.push("and", "or");
    if (this.block === "fit" || this.block === "engagement") next.push(...EFFECTS);
    if (tokens[0] === "exclude") next.push("because", "within");
    if (tokens[0] === "bucket") next.push("->");
    if (tokens[0] === "model") next.push("{");
    return keywords(next);
  }

  /** The names a condition may test where the cursor is. */
  private subjects(scope: Scope): CompletionItem[] {
    if (scope.kind === "event") {
      const properties = new Map<string, FieldSymbol>();
      for (const type of scope.types) {
        for (const [name, property] of this.symbols.events.get(type)?.properties ?? [])
          properties.set(name, property);
      }
      return [...properties.values()].map((p) => field(p, CompletionItemKind.Property));
    }
    const names = [...this.symbols.lead.values()].map((f) => field(f, CompletionItemKind.Field));
    if (scope.kind === "bucket")
      names.push(...Object.keys(RESULT_METRICS).map((m) => item(m, CompletionItemKind.Variable)));
    const { tokens } = this;
    const opensRule = tokens.length === 1 && tokens[0] === "when";
    if (opensRule && (this.block === "engagement" || this.block === "fit"))
      names.push(...keywords(["event", "no"]));
    if (tokens[0] === "exclude" && tokens.length === 2) names.push(...keywords(["event", "no"]));
    return names;
  }

  private values(subject: string, field: FieldSymbol | undefined): CompletionItem[] {
    if (subject === "grade")
      return gradeLabels(this.symbols).map((g) => item(g, CompletionItemKind.Constant));
    if (field?.values)
      return field.values.map((v) => item(printWordOrString(v), CompletionItemKind.EnumMember));
    if (field?.type === "boolean") return keywords(["true", "false"], CompletionItemKind.Value);
    return [];
  }

  private lists(): CompletionItem[] {
    return [...this.symbols.lists.values()].map((list) => ({
      ...item(list.name, CompletionItemKind.Variable),
      detail: `list of ${list.decl.items.items.length}`,
    }));
  }

  /** Where the names of this line's condition come from. */
  private scope(): Scope | null {
    const { tokens, block } = this;
    const where = tokens.lastIndexOf("where");
    if (where !== -1) {
      const event = tokens.lastIndexOf("event", where);
      const types = tokens.slice(event + 1, where).filter((t) => this.symbols.events.has(t));
      return { kind: "event", types };
    }
    if (tokens[0] === "bucket") return tokens.includes("when") ? { kind: "bucket" } : null;
    if (tokens[0] === "model" || tokens[0] === "exclude" || block === "fit" || block === "engagement") {
      return { kind: "profile" };
    }
    return null;
  }

  private fieldNamed(name: string, scope: Scope): FieldSymbol | undefined {
    if (scope.kind !== "event") return this.symbols.lead.get(name);
    for (const type of scope.types) {
      const property = this.symbols.events.get(type)?.properties.get(name);
      if (property) return property;
    }
    return undefined;
  }

  /**
   * The test being written at the end of the line: its subject and what comes next. `stage =` wants a
   * value, `country in` a list (or `[`), `title in [CEO,` a value, `email ends with` a list or a text.
   */
  private subjectBefore(): { name: string; expecting: Expecting } | undefined {
    const { tokens } = this;
    const i = tokens.length - 1;
    // Inside `[ … ]`: values of the subject before `in [`.
    const open = tokens.lastIndexOf("[");
    if (open !== -1 && !tokens.slice(open).includes("]")) {
      let at = open - 1;
      if (tokens[at] === "in") at--;
      if (tokens[at] === "not") at--;
      if (tokens[at] === "any") return { name: "", expecting: "done" };
      const name = tokens[at];
      return name === undefined ? undefined : { name, expecting: "list item" };
    }
    const last = tokens[i]!;
    if (["=", "!=", "<", "<=", ">", ">="].includes(last)) return subjectAt(tokens, i - 1, "value");
    if (last === "in") return subjectAt(tokens, tokens[i - 1] === "not" ? i - 2 : i - 1, "list");
    if (last === "any" || (last === "with" && ["starts", "ends"].includes(tokens[i - 1] ?? ""))) {
      return { name: "", expecting: "list" };
    }
    if (last === "contains") return { name: "", expecting: "list" };
    if (isName(last) && i > 0 && ["when", "and", "or", "not", "(", "where"].includes(tokens[i - 1]!)) {
      return { name: last, expecting: last === "event" || last === "no" ? "done" : "operator" };
    }
    return undefined;
  }
}

type Scope = { kind: "profile" } | { kind: "bucket" } | { kind: "event"; types: string[] };
type Expecting = "operator" | "value" | "list item" | "list" | "done";

function subjectAt(
  tokens: string[],
  at: number,
  expecting: Expecting,
): { name: string; expecting: Expecting } | undefined {
  const name = tokens[at];
  return name !== undefined && isName(name) ? { name, expecting } : undefined;
}

function isName(token: string): boolean {
  WORD.lastIndex = 0;
  return WORD.test(token) && WORD.lastIndex === token.length;
}

function item(label: string, kind: CompletionItemKind): CompletionItem {
  return { label, kind };
}

function keywords(
  words: readonly string[],
  kind: CompletionItemKind = CompletionItemKind.Keyword,
): CompletionItem[] {
  return words.map((word) => item(word, kind));
}

function field(symbol: FieldSymbol, kind: CompletionItemKind): CompletionItem {
  const type = symbol.values ? symbol.values.join(" | ") : symbol.type;
  return { label: symbol.name, kind, detail: `${type}${symbol.optional ? "?" : ""}` };
}

/** Whether the cursor is inside a string or a comment on its line. */
function insideStringOrComment(line: string): boolean {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString && c === "\\") i++;
    else if (c === '"') inString = !inString;
    else if (c === "#" && !inString) return true;
  }
  return inString;
}

/** The block the line starting at `offset` is in, from the braces before it (strings and comments skipped). */
function blockAt(text: string, offset: number): Block {
  const stack: Block[] = [];
  let lineStart = 0;
  let inString = false;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === "\n") {
      lineStart = i + 1;
      inString = false;
    } else if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "#") {
      const end = text.indexOf("\n", i);
      i = (end === -1 || end > offset ? offset : end) - 1;
    } else if (c === "{") stack.push(opener(text.slice(lineStart, i)));
    else if (c === "}") stack.pop();
  }
  return stack[stack.length - 1] ?? "top";
}

/** What a `{` opens, from the words before it on its line. */
function opener(before: string): Block {
  const first = /^\s*([a-z]+)/.exec(before)?.[1];
  if (
    first === "lead" ||
    first === "event" ||
    first === "model" ||
    first === "fit" ||
    first === "engagement"
  ) {
    return first;
  }
  return "top";
}
