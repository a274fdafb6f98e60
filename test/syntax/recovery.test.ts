/**
 * After a syntax error the parser goes on: every error of a file is reported once, and the tree keeps
 * every declaration, rule and field that is intact, leaving out only what is broken.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { checkProgram } from "../../src/check/check-program.js";
import type * as Ast from "../../src/syntax/ast.js";
import { parseSource } from "../../src/syntax/parse.js";
import { RULES_DIR } from "../support/paths.js";
import { syntaxTree } from "./format-helpers.js";

function parse(text: string) {
  const { file, diagnostics } = parseSource("t.score", text);
  return { file, codes: diagnostics.map((d) => `${d.code}@${d.span.start.line}:${d.span.start.column}`) };
}

/** `kind name` for each declaration. */
function outline(file: Ast.SourceFile): string[] {
  return file.declarations.map((d) =>
    "name" in d && typeof d.name === "object" && "name" in d.name ? `${d.kind} ${d.name.name}` : d.kind,
  );
}

/** The source text of each rule of the first section of the first model. */
function rulesOf(file: Ast.SourceFile): string[] {
  const model = file.declarations.find((d): d is Ast.ModelDecl => d.kind === "Model");
  const section = model?.items.find((i): i is Ast.SectionDecl => i.kind === "Section");
  return (section?.items ?? []).map((item) => file.text.slice(item.span.start.offset, item.span.end.offset));
}

describe("every error is reported, and what follows it is still read", () => {
  test("errors in several declarations", () => {
    const { file, codes } = parse(
      [
        "lead { id: string, email string }",
        "list a = [US, CA",
        "event demo",
        'exclude when x = 1 "r"',
        "bucket Hot >= -> disqualify",
        "bucket Cold otherwise -> disqualify",
      ].join("\n"),
    );
    expect(codes).toEqual(["LS103@1:26", "LS103@2:17", "LS103@4:20", "LS103@5:15"]);
    expect(outline(file)).toEqual(["Lead", "List a", "Event demo", "Exclude", "Bucket Cold"]);
    expect((file.declarations[0] as Ast.LeadDecl).fields.map((f) => f.name.name)).toEqual(["id", "email"]);
    expect(
      (file.declarations[1] as Ast.ListDecl).items.items.map((i) => (i as Ast.WordLiteral).value),
    ).toEqual(["US", "CA"]);
  });

  test("a broken rule is left out of its section; the rules around it stay, in order", () => {
    const { file, codes } = parse(
      [
        "model m {",
        "  fit {",
        "    when a = 1 add 1",
        "    when b = add 2",
        "    when c = 3 add",
        "    when d = 4 add 4",
        "    when e = 5 add 5 within 30",
        "    when f = 6 add 6 within 30days",
        "    when g in [x, y add 7",
        "    when h = 8 add 8",
        "  }",
        "}",
      ].join("\n"),
    );
    expect(codes).toEqual(["LS103@4:14", "LS103@5:19", "LS103@7:29", "LS105@8:29", "LS103@9:21"]);
    // `within 30` cannot be repaired, so its rule goes; `30days` is a duration token gone wrong, so only
    // the window is left out; the unclosed list is closed by recovery.
    expect(rulesOf(file)).toEqual([
      "when a = 1 add 1",
      "when d = 4 add 4",
      "when f = 6 add 6 within 30days",
      "when g in [x, y add 7",
      "when h = 8 add 8",
    ]);
    const section = (file.declarations[0] as Ast.ModelDecl).items[0] as Ast.SectionDecl;
    expect((section.items[2] as Ast.RuleDecl).effect.within).toBeNull();
  });

  test("a line that is not a rule is skipped up to the next rule", () => {
    const { file, codes } = parse(
      "model m {\n  fit {\n    when a = 1 add 1\n    title above 3 or so\n    when b = 2 add 2\n  }\n}",
    );
    expect(codes).toEqual(["LS103@4:5"]);
    expect(rulesOf(file)).toEqual(["when a = 1 add 1", "when b = 2 add 2"]);
  });

  test("missing punctuation is put back: the model, the section and the bucket are kept", () => {
    const { file, codes } = parse(
      'model m "M"\n  fit\n    when a = 1 add 1\n  }\n  bucket Hot >= 10 route sales\n}\ndecay_free_line_is_fine_after_this_model_x = 1',
    );
    expect(codes).toEqual(["LS103@1:12", "LS103@2:6", "LS103@5:20", "LS107@7:1"]);
    const model = file.declarations[0] as Ast.ModelDecl;
    expect(model.items.map((i) => i.kind)).toEqual(["Section", "Bucket"]);
    expect(rulesOf(file)).toEqual(["when a = 1 add 1"]);
  });

  test("a model cut off by the end of the file keeps what it has", () => {
    const { file, codes } = parse("model m {\n  fit {\n    when a = 1 add 1\n    when b = 2 add");
    expect(codes).toEqual(["LS104@4:19"]);
    expect(outline(file)).toEqual(["Model m"]);
    expect(rulesOf(file)).toEqual(["when a = 1 add 1"]);
  });
});

describe("the top level", () => {
  test("after something that is no declaration, reading resumes at the next declaration that starts a line", () => {
    const { file, codes } = parse(
      [
        "when event = demo add 5 and lead = x",
        "  more stray text, with bucket and model inside",
        "lead { id: string }",
        "} ) ]",
        "event demo",
      ].join("\n"),
    );
    expect(codes).toEqual(["LS107@1:1", "LS107@4:1"]);
    expect(outline(file)).toEqual(["Lead", "Event demo"]);
  });

  test("declarations may share a line", () => {
    const { file, codes } = parse('event a event b list x = [1] bucket B otherwise -> nurture "n"');
    expect(codes).toEqual([]);
    expect(outline(file)).toEqual(["Event a", "Event b", "List x", "Bucket B"]);
  });
});

describe("one mistake, one diagnostic", () => {
  test("an open string swallows its line without further errors, and its text is kept", () => {
    const { file, codes } = parse('list a = ["x", "y]\nlist b = [z]');
    expect(codes).toEqual(["LS102@1:16"]);
    const [a, b] = file.declarations as Ast.ListDecl[];
    expect(a!.items.items.map((i) => (i as Ast.StringLiteral).value)).toEqual(["x", "y]"]);
    expect(b!.name.name).toBe("b");
  });

  test("text in the wrong quotes is read as the text that was meant", () => {
    const { file, codes } = parse("list a = ['VP', \u201CCEO\u201D, @acme.com]");
    expect(codes).toEqual(["LS101@1:11", "LS101@1:17", "LS101@1:24"]);
    const items = (file.declarations[0] as Ast.ListDecl).items.items;
    expect(items.map((i) => [i.kind, (i as Ast.StringLiteral).value])).toEqual([
      ["String", "VP"],
      ["String", "CEO"],
      ["String", "@acme.com"],
    ]);
  });

  test("a malformed duration where a number is expected is reported once", () => {
    expect(parse("model m { fit { when a = 1 add 10pts } }").codes).toEqual(["LS105@1:32"]);
  });

  test("a second parser error on an already broken line is not reported", () => {
    expect(parse("model m { fit { when a = = 1 add add 5 } }").codes).toEqual(["LS103@1:26"]);
  });

  test("an event test mixed into an expression is reported once, and only that rule is left out", () => {
    const { file, codes } = parse(
      "model m {\n  engagement {\n    when event = a and title = CEO add 1\n    when title = CEO or not event = b add 2\n    when event = c add 3\n  }\n}",
    );
    expect(codes).toEqual(["LS108@3:20", "LS108@4:29"]);
    expect(rulesOf(file)).toEqual(["when event = c add 3"]);
  });

  test("an unknown field type keeps its field: as the type meant when that is clear, otherwise as a string", () => {
    const { file, codes } = parse(
      "lead {\n  id: string\n  employees: integer\n  email: strng\n  since: Date\n  revenue: money\n}",
    );
    expect(codes).toEqual(["LS307@3:14", "LS307@4:10", "LS307@5:10", "LS307@6:12"]);
    const fields = (file.declarations[0] as Ast.LeadDecl).fields;
    expect(
      fields.map((f) => [f.name.name, f.type.kind === "PrimitiveType" ? f.type.name : f.type.kind]),
    ).toEqual([
      ["id", "string"],
      ["employees", "number"],
      ["email", "string"],
      ["since", "date"],
      ["revenue", "string"],
    ]);
  });
});

describe("misspelt keywords are read as meant", () => {
  test("a misspelt section keeps its model, its rules and everything after it", () => {
    const { file, codes } = parse(
      [
        "model m {",
        "  fit {",
        "    when a = 1 add 1",
        "  }",
        "  engagment {",
        "    when event = x add 2 within 30d",
        "    decay 25% every 14d",
        "  }",
        "  bucket Hot >= 50 -> route sales",
        "}",
        "event x",
      ].join("\n"),
    );
    expect(codes).toEqual(["LS103@5:3"]);
    expect(outline(file)).toEqual(["Model m", "Event x"]);
    const model = file.declarations[0] as Ast.ModelDecl;
    expect(model.items.map((i) => (i.kind === "Section" ? `${i.name} ${i.items.length}` : i.kind))).toEqual([
      "fit 1",
      "engagement 2",
      "Bucket",
    ]);
  });

  test("the checker then reports the model's real errors, and nothing about the misspelling", () => {
    const sources = readdirSync(RULES_DIR)
      .filter((name) => name.endsWith(".score"))
      .sort()
      .map((name) => {
        let text = readFileSync(path.join(RULES_DIR, name), "utf8");
        if (name === "smb.score") {
          text = text
            .replace("  engagement {", "  engagment {")
            .replace("country in target_countries", "country in target_countrys");
        }
        return parseSource(`rules/${name}`, text);
      });
    const syntax = sources.flatMap((s) => s.diagnostics);
    const checked = checkProgram(sources.map((s) => s.file)).diagnostics;
    expect(
      [...syntax, ...checked].map(
        (d) => `${d.span.file} ${d.code}@${d.span.start.line}:${d.span.start.column}`,
      ),
    ).toEqual(["rules/smb.score LS103@12:3", "rules/smb.score LS204@9:21"]);
  });

  test("each repaired mistake gives the tree of the text that was meant, with one error each", () => {
    const written = [
      "modle m {",
      "  fit {",
      "    When title = CEO Add 10",
      "    if employees => 50 then add 5",
      "    when employees =< 10 subtract 5 points",
      "  }",
      "  engagment {",
      "    when event = x add 3 pts each max 15 points within 30d",
      "    Decay 25% every 14d",
      "  }",
      '  bukcet Hot >= 80 -> rout sales within 4h, nuture "n", Disqualify',
      "}",
      "grde fit A => 10, else B",
    ].join("\n");
    const meant = [
      "model m {",
      "  fit {",
      "    when title = CEO add 10",
      "    when employees >= 50 add 5",
      "    when employees <= 10 subtract 5",
      "  }",
      "  engagement {",
      "    when event = x add 3 each max 15 within 30d",
      "    decay 25% every 14d",
      "  }",
      '  bucket Hot >= 80 -> route sales within 4h, nurture "n", disqualify',
      "}",
      "grade fit A >= 10, else B",
    ].join("\n");
    const repaired = parse(written);
    expect(repaired.codes).toEqual([
      "LS107@1:1",
      "LS103@3:5",
      "LS103@3:22",
      "LS103@4:5",
      "LS103@4:18",
      "LS103@4:24",
      "LS103@5:20",
      "LS103@5:37",
      "LS103@7:3",
      "LS103@8:26",
      "LS103@8:42",
      "LS103@9:5",
      "LS103@11:3",
      "LS103@11:23",
      "LS103@11:45",
      "LS103@11:57",
      "LS107@13:1",
      "LS103@13:12",
    ]);
    expect(syntaxTree(repaired.file)).toBe(syntaxTree(parse(meant).file));
  });

  test("an unknown block in a model is parsed as a section and left out", () => {
    const { file, codes } = parse("model m {\n  scoring {\n    when a = 1 add 1\n  }\n  fit {\n  }\n}");
    expect(codes).toEqual(["LS103@2:3"]);
    expect((file.declarations[0] as Ast.ModelDecl).items.map((i) => i.kind)).toEqual(["Section"]);
  });

  test("words are left alone where names may start a line, or when what follows does not fit the keyword", () => {
    const { file, codes } = parse(
      [
        "lead {",
        "  id: string",
        "  evnt: string",
        "  modle: number",
        "}",
        "exclude when evnt = x and",
        'events = 3 because "x"',
        "list lists = [a]",
      ].join("\n"),
    );
    expect(codes).toEqual([]);
    expect(outline(file)).toEqual(["Lead", "Exclude", "List lists"]);
  });
});

describe("a block whose `}` is missing", () => {
  test("is closed where a line starts with what cannot stand in it, and read as if the `}` were there", () => {
    const written = [
      "lead {",
      "  id: string",
      "event x { url: string }",
      "model m {",
      "  fit {",
      "    when id = a add 1",
      "  engagement {",
      "    when event = x add 2",
      "  bucket Hot >= 50 -> route sales",
      "model n when id = b {",
      "  fit {",
      "  }",
      "}",
    ].join("\n");
    const meant = [
      "lead {",
      "  id: string",
      "}",
      "event x { url: string }",
      "model m {",
      "  fit {",
      "    when id = a add 1",
      "  }",
      "  engagement {",
      "    when event = x add 2",
      "  }",
      "  bucket Hot >= 50 -> route sales",
      "}",
      "model n when id = b {",
      "  fit {",
      "  }",
      "}",
    ].join("\n");
    const repaired = parse(written);
    expect(repaired.codes).toEqual(["LS113@3:1", "LS113@7:3", "LS113@9:3", "LS113@10:1"]);
    expect(syntaxTree(repaired.file)).toBe(syntaxTree(parse(meant).file));
    // The blocks end where their content does, not at the keyword that closed them.
    const model = repaired.file.declarations[2] as Ast.ModelDecl;
    expect(model.span.end).toMatchObject({ line: 9, column: 34 });
    expect(model.items[0]!.span.end).toMatchObject({ line: 6, column: 22 });
  });

  test("blocks the parser cannot make sense of are left to it", () => {
    const { codes } = parse("model m {\n  fit {\n    when a in { add 1\n  engagement {\n  }\n}");
    expect(codes).toEqual(["LS103@3:15"]);
  });
});

describe("input nobody writes", () => {
  test("nesting deeper than the limit is refused with one diagnostic instead of exhausting the stack", () => {
    const text = `model m when ${"(".repeat(5000)}a = 1${")".repeat(5000)} {}\nevent e`;
    const { file, codes } = parse(text);
    expect(codes).toEqual(["LS110@1:78"]);
    expect(file.declarations).toEqual([]);
    expect(file.text).toBe(text);
  });

  test("64 levels are fine", () => {
    const { file, codes } = parse(`model m when ${"not (".repeat(32)}a = 1${")".repeat(32)} {}`);
    expect(codes).toEqual([]);
    expect(outline(file)).toEqual(["Model m"]);
  });

  test("binary garbage: a NUL character says it is not a text file, once, and nothing is read", () => {
    const { file, codes } = parse("event a\n\u0001\u00ff{}[]()\u0000\uffff");
    expect(file.kind).toBe("SourceFile");
    expect(codes).toEqual(["LS111@2:9"]);
    expect(file.declarations).toEqual([]);
  });

  test("garbage without a NUL lists 50 errors, then one that counts the rest", () => {
    // Characters the language does not know, each alone between spaces: one error each.
    const text = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x2190 + (i % 64))).join(" ");
    const { diagnostics } = parseSource("t.score", text);
    expect(diagnostics).toHaveLength(51);
    expect(diagnostics.slice(0, 50).every((d) => d.code === "LS101")).toBe(true);
    expect(diagnostics[50]!.code).toBe("LS112");
    expect(diagnostics[50]!.message).toBe(
      "too many errors in this file (2950 more not shown); fix the ones above first",
    );
    expect(diagnostics[50]!.span.start).toEqual({ line: 1, column: 101, offset: 100 });
  });
});
