import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type {
  CompletionItem,
  DocumentSymbol,
  Hover,
  Location,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver-protocol";
import { formatText } from "../../src/syntax/format.js";
import { RULES_DIR } from "../support/paths.js";
import { startLspClient, type LspClient } from "./lsp-client.js";

const read = (name: string) => readFileSync(path.join(RULES_DIR, name), "utf8");

let client: LspClient;
beforeAll(async () => {
  client = await startLspClient();
  client.open("rules/enterprise.score", read("enterprise.score"));
  client.open("rules/customers.score", read("customers.score"));
  await client.settledDiagnostics("rules/enterprise.score", (d) => d.length === 0);
}, 30_000);
afterAll(async () => {
  await client.stop();
});

const at = (file: string, line: number, character: number) => ({
  textDocument: { uri: client.uri(file) },
  position: { line, character },
});
const request = <T>(method: string, params: object) =>
  client.connection.sendRequest(method, params) as Promise<T>;
const short = (location: Location) =>
  `${path.relative(client.root, new URL(location.uri).pathname)}:${location.range.start.line + 1}:${location.range.start.character + 1}-${location.range.end.character + 1}`;

describe("hover", () => {
  const hover = async (line: number, character: number, file = "rules/enterprise.score") =>
    (await request<Hover | null>("textDocument/hover", at(file, line, character)))?.contents;

  test("a lead field: its declaration, type, and where it is declared", async () => {
    expect(await hover(3, 11)).toEqual({
      kind: "markdown",
      value: "```leadscore\ntitle: string\n```\nlead field: text, declared at rules/schema.score:7",
    });
    expect(await hover(1, 55, "rules/customers.score")).toEqual({
      kind: "markdown",
      value:
        "```leadscore\nstage: subscriber | lead | mql | sql | customer\n```\nlead field: one of subscriber, lead, mql, sql, customer, declared at rules/schema.score:11\n\nvalues: subscriber, lead, mql, sql, customer",
    });
  });

  test("a list: its values", async () => {
    expect(await hover(10, 30)).toEqual({
      kind: "markdown",
      value:
        "```leadscore\nlist target_countries = [US, CA, GB, DE, FR, NL]\n```\nlist of 6 values, declared at rules/schema.score:26",
    });
  });

  test("an event type and an event property", async () => {
    expect(await hover(15, 20)).toEqual({
      kind: "markdown",
      value:
        "```leadscore\nevent page_view\n```\nevent, properties: url: string, seconds: number?; declared at rules/schema.score:17",
    });
    expect(await hover(15, 34)).toEqual({
      kind: "markdown",
      value:
        "```leadscore\nurl: string\n```\nproperty of event `page_view`: text, declared at rules/schema.score:17",
    });
  });

  test("a rule: what it adds, how it counts, to which section of which model", async () => {
    expect(await hover(13, 29)).toEqual({
      kind: "markdown",
      value: [
        "```leadscore\nevent = email_open\n```\nadds **2 points** for each matching event within 30d, at most 10 in all to **engagement** in model `enterprise`; the points decay: `decay 50% every 30d`",
        "**Points**\n\n```leadscore\nwhen event = email_bounce subtract 10\n```\n\nWhat the rule adds to (or takes from) its section's score.",
      ].join("\n\n---\n\n"),
    });
    expect(await hover(3, 44)).toEqual({
      kind: "markdown",
      value:
        "```leadscore\ntitle in [CEO, CTO, CFO, COO]\n```\nadds **30 points** when the condition holds to **fit** in model `enterprise`",
    });
  });

  test("a keyword: its cheat-sheet entry", async () => {
    expect(await hover(23, 6)).toEqual({
      kind: "markdown",
      value:
        "**Decay**\n\n```leadscore\ndecay 50% every 30d\n```\n\nIn a section: each event's points are multiplied by (1 − 50%) for every full 30 days of age, before caps.",
    });
  });

  test("a model", async () => {
    expect(await hover(1, 8)).toEqual({
      kind: "markdown",
      value:
        '```leadscore\nmodel enterprise "Enterprise decision makers"\n```\nscores the leads for which `employees >= 500` holds (unless an earlier model takes them); 18 rules; declared at rules/enterprise.score:2',
    });
  });
});

describe("definition and references", () => {
  test("go to a field's declaration from another file", async () => {
    const locations = await request<Location[]>(
      "textDocument/definition",
      at("rules/enterprise.score", 3, 11),
    );
    expect(locations.map(short)).toEqual(["rules/schema.score:7:3-8"]);
  });

  test("an event type's declaration", async () => {
    const locations = await request<Location[]>(
      "textDocument/definition",
      at("rules/enterprise.score", 15, 20),
    );
    expect(locations.map(short)).toEqual(["rules/schema.score:17:7-16"]);
  });

  test("every use of a list, declaration first", async () => {
    const locations = await request<Location[]>("textDocument/references", {
      ...at("rules/enterprise.score", 10, 30),
      context: { includeDeclaration: true },
    });
    expect(locations.map(short)).toEqual([
      "rules/schema.score:26:6-22",
      "rules/enterprise.score:11:25-41",
      "rules/smb.score:9:21-37",
    ]);
  });

  test("every use of an event property, without the declaration", async () => {
    const locations = await request<Location[]>("textDocument/references", {
      ...at("rules/enterprise.score", 15, 34),
      context: { includeDeclaration: false },
    });
    expect(locations.map(short)).toEqual([
      "rules/customers.score:8:34-37",
      "rules/customers.score:9:34-37",
      "rules/enterprise.score:16:34-37",
      "rules/smb.score:14:34-37",
    ]);
  });

  test("a model's references: the fixture cases that expect it", async () => {
    const locations = await request<Location[]>("textDocument/references", {
      ...at("rules/enterprise.score", 1, 8),
      context: { includeDeclaration: true },
    });
    expect(locations.map(short)).toEqual([
      "rules/enterprise.score:2:7-17",
      "rules/tests/acme.test.yaml:14:14-24",
      "rules/tests/acme.test.yaml:28:14-24",
      "rules/tests/acme.test.yaml:59:14-24",
      "rules/tests/acme.test.yaml:117:14-24",
      "rules/tests/acme.test.yaml:137:14-24",
      "rules/tests/acme.test.yaml:161:14-24",
    ]);
  });

  test("a model's declaration", async () => {
    const locations = await request<Location[]>(
      "textDocument/definition",
      at("rules/enterprise.score", 1, 8),
    );
    expect(locations.map(short)).toEqual(["rules/enterprise.score:2:7-17"]);
  });
});

describe("rename", () => {
  test("a lead field, in its declaration, every use across files, and the fixture leads' keys", async () => {
    const edit = await request<WorkspaceEdit>("textDocument/rename", {
      ...at("rules/customers.score", 3, 10),
      newName: "plan_name",
    });
    const edits = Object.entries(edit.changes ?? {}).flatMap(([uri, list]) =>
      list.map((each) => `${short({ uri, range: each.range })} ${each.newText}`),
    );
    expect(edits).toEqual([
      "rules/schema.score:12:3-7 plan_name",
      "rules/customers.score:4:10-14 plan_name",
      "rules/tests/acme.test.yaml:86:110-114 plan_name",
    ]);
  });

  test("a list; a name that is taken or is no name is refused", async () => {
    const edit = await request<WorkspaceEdit>("textDocument/rename", {
      ...at("rules/enterprise.score", 10, 30),
      newName: "countries",
    });
    expect(Object.values(edit.changes ?? {}).flat().length).toBe(3);
    await expect(
      request("textDocument/rename", {
        ...at("rules/enterprise.score", 10, 30),
        newName: "competitor_domains",
      }),
    ).rejects.toThrow("a list named `competitor_domains` exists already");
    await expect(
      request("textDocument/rename", { ...at("rules/enterprise.score", 10, 30), newName: "two words" }),
    ).rejects.toThrow("`two words` is not a name: use letters, digits and _");
  });

  test("prepareRename: lists and fields only", async () => {
    expect(await request("textDocument/prepareRename", at("rules/enterprise.score", 10, 30))).toEqual({
      start: { line: 10, character: 24 },
      end: { line: 10, character: 40 },
    });
    expect(await request("textDocument/prepareRename", at("rules/enterprise.score", 15, 20))).toBeNull();
  });
});

describe("formatting and outline", () => {
  test("formatting gives what `leadscore fmt` writes", async () => {
    const messy = "model  scratch{\nfit{\n      when title   in [CEO,CTO]add 30 # top\n}\n\n\n}\n";
    client.open("rules/scratch.score", messy);
    const edits = await request<TextEdit[]>("textDocument/formatting", {
      textDocument: { uri: client.uri("rules/scratch.score") },
      options: { tabSize: 4, insertSpaces: false },
    });
    const formatted = formatText("rules/scratch.score", messy);
    expect(formatted.ok && formatted.text).toBe(
      "model scratch {\n  fit {\n    when title in [CEO, CTO] add 30 # top\n  }\n}\n",
    );
    expect(edits).toEqual([
      {
        range: { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } },
        newText: "model scratch {\n  fit {\n    when title in [CEO, CTO] add 30 # top\n  }\n}\n",
      },
    ]);
  });

  test("document symbols: models, their sections and rules, buckets", async () => {
    const symbols = await request<DocumentSymbol[]>("textDocument/documentSymbol", {
      textDocument: { uri: client.uri("rules/customers.score") },
    });
    const outline = (list: DocumentSymbol[], depth = 0): string[] =>
      list.flatMap((s) => [
        `${"  ".repeat(depth)}${s.name} (${s.detail ?? ""})`,
        ...outline(s.children ?? [], depth + 1),
      ]);
    expect(outline(symbols)).toEqual([
      "customer (Existing customers (expansion))",
      "  fit (2 rules)",
      "    plan in [starter, team] (add 20)",
      "    employees >= 200 (add 10)",
      "  engagement (3 rules)",
      '    event = page_view where url starts with "/pricing" (add 15)',
      '    event = page_view where url starts with "/enterprise" (add 20)',
      "    event = webinar_attended (add 10)",
      "  Expansion (bucket >= 40)",
      "  Healthy (bucket otherwise)",
    ]);
  });
});

describe("completion", () => {
  let version = 1;
  /** The labels offered at `|` in a scratch file of the ruleset. */
  const complete = async (textWithCursor: string): Promise<string[]> => {
    const offset = textWithCursor.indexOf("|");
    const text = textWithCursor.replace("|", "");
    if (version === 1) client.open("rules/draft.score", text);
    else client.change("rules/draft.score", text, version);
    version++;
    const before = text.slice(0, offset).split("\n");
    const items = await request<CompletionItem[]>("textDocument/completion", {
      textDocument: { uri: client.uri("rules/draft.score") },
      position: { line: before.length - 1, character: before[before.length - 1]!.length },
    });
    return items.map((item) => item.label);
  };
  const leadFields = ["id", "email", "title", "industry", "employees", "country", "stage", "plan"];
  const events = [
    "email_open",
    "email_click",
    "page_view",
    "content_download",
    "webinar_attended",
    "demo_request",
    "unsubscribe",
    "email_bounce",
    "job_application",
  ];

  test("keywords where a line starts: declarations, model items, section items", async () => {
    expect(await complete("|")).toEqual([
      "ruleset",
      "lead",
      "event",
      "list",
      "model",
      "exclude",
      "grade",
      "bucket",
      "clamp",
    ]);
    expect(await complete("model m {\n  |\n}")).toEqual(["fit", "engagement", "bucket", "clamp"]);
    expect(await complete("model m {\n  fit {\n    |\n  }\n}")).toEqual(["when", "decay"]);
    expect(await complete("model m {\n  fit {\n    wh|\n  }\n}")).toEqual(["when", "decay"]);
  });

  test("lead fields after `when`, with `event` and `no` where a rule starts", async () => {
    expect(await complete("model m {\n  engagement {\n    when |")).toEqual([...leadFields, "event", "no"]);
    expect(await complete("model m {\n  fit {\n    when country = US and |")).toEqual(leadFields);
    expect(await complete("model m when |")).toEqual(leadFields);
  });

  test("event types after `event =` and in `event in [`", async () => {
    expect(await complete("model m {\n  engagement {\n    when event = |")).toEqual(events);
    expect(await complete("model m {\n  engagement {\n    when event in [email_open, |")).toEqual(events);
    expect(await complete("exclude when no event = |")).toEqual(events);
  });

  test("an event's properties inside `where`", async () => {
    expect(await complete("model m {\n  engagement {\n    when event = page_view where |")).toEqual([
      "url",
      "seconds",
    ]);
    expect(
      await complete('model m {\n  engagement {\n    when event = page_view where url = "/a" or se|'),
    ).toEqual(["url", "seconds"]);
  });

  test("an enumeration's values after `=` and in `in [`, lists after `in`", async () => {
    const stages = ["subscriber", "lead", "mql", "sql", "customer"];
    expect(await complete("model m when stage = |")).toEqual(stages);
    expect(await complete("model m when stage != cus|")).toEqual(stages);
    expect(await complete("model m when stage in [lead, |")).toEqual(stages);
    expect(await complete("model m {\n  fit {\n    when country not in |")).toEqual([
      "competitor_domains",
      "target_countries",
    ]);
    expect(await complete("exclude when email ends with |")).toEqual([
      "competitor_domains",
      "target_countries",
    ]);
  });

  test("what may follow a complete test", async () => {
    expect(await complete("model m {\n  engagement {\n    when event = page_view |")).toEqual([
      "where",
      "add",
      "subtract",
    ]);
    expect(
      await complete('model m {\n  engagement {\n    when event = page_view where url = "/a" |'),
    ).toEqual(["and", "or", "add", "subtract"]);
    expect(await complete("model m {\n  engagement {\n    when no event = email_open |")).toEqual([
      "within",
      "add",
      "subtract",
    ]);
    expect(await complete("model m {\n  fit {\n    when country = US |")).toEqual([
      "and",
      "or",
      "add",
      "subtract",
    ]);
    expect(await complete("exclude when event = job_application |")).toEqual(["where", "because", "within"]);
  });

  test("operators after a name; what follows points; durations", async () => {
    expect(await complete("model m {\n  fit {\n    when employees |")).toEqual([
      "in",
      "not",
      "contains",
      "starts",
      "ends",
      "between",
      "within",
      "is",
    ]);
    expect(await complete("model m {\n  engagement {\n    when event = email_open add 2 |")).toEqual([
      "each",
      "max",
      "within",
    ]);
    expect(await complete("model m {\n  engagement {\n    when event = email_open add 2 each |")).toEqual([
      "max",
      "within",
    ]);
    expect(await complete("model m {\n  engagement {\n    when event = email_open add 2 within |")).toEqual([
      "1d",
      "7d",
      "14d",
      "30d",
      "60d",
      "90d",
      "180d",
      "4h",
      "24h",
      "48h",
      "1w",
      "4w",
    ]);
  });

  test("bucket conditions: results and fields, grade labels, actions", async () => {
    expect(await complete("bucket Hot when |")).toEqual([
      ...leadFields,
      "score",
      "fit",
      "engagement",
      "grade",
    ]);
    expect(await complete("bucket Hot when grade in [|")).toEqual(
      ["A", "B", "C", "D"].flatMap((letter) => ["1", "2", "3", "4"].map((digit) => `${letter}${digit}`)),
    );
    expect(await complete("bucket Hot >= 10 -> |")).toEqual(["route", "nurture", "disqualify"]);
  });

  test("the types in a lead or event declaration; nothing inside strings and comments", async () => {
    expect(await complete("lead {\n  tier: |")).toEqual(["string", "number", "boolean", "date"]);
    expect(await complete("event signup { plan: |")).toEqual(["string", "number", "boolean", "date"]);
    expect(await complete('exclude when email ends with "abc |')).toEqual([]);
    expect(await complete("# when |")).toEqual([]);
  });
});

describe("code actions", () => {
  test("every `did you mean` hint is a quick fix that writes what it proposes", async () => {
    const text = read("customers.score")
      .replace("when plan in", "when plam in")
      .replace("stage = customer", "stage = custmer")
      .replace("event = webinar_attended", "event = webinar_atended");
    client.change("rules/customers.score", text, 2);
    const diagnostics = await client.settledDiagnostics("rules/customers.score", (d) => d.length === 3);
    expect(diagnostics.map((d) => `${d.code} ${d.message.split("\n")[1]}`)).toEqual([
      "LS303 hint: did you mean `customer`?",
      "LS201 hint: did you mean `plan`?",
      "LS202 hint: did you mean `webinar_attended`?",
    ]);
    const actions = await request<Array<{ title: string; kind: string; edit: WorkspaceEdit }>>(
      "textDocument/codeAction",
      {
        textDocument: { uri: client.uri("rules/customers.score") },
        range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
        context: { diagnostics },
      },
    );
    const uri = client.uri("rules/customers.score");
    expect(actions.map((a) => [a.title, a.kind, a.edit.changes?.[uri]])).toEqual([
      ["Change to `customer`", "quickfix", [{ range: diagnostics[0]!.range, newText: "customer" }]],
      ["Change to `plan`", "quickfix", [{ range: diagnostics[1]!.range, newText: "plan" }]],
      [
        "Change to `webinar_attended`",
        "quickfix",
        [{ range: diagnostics[2]!.range, newText: "webinar_attended" }],
      ],
    ]);
    expect(
      diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`),
    ).toEqual(["1:61-68", "3:9-13", "9:17-32"]);
    // Hover on a diagnostic explains its code.
    const hover = await request<Hover>("textDocument/hover", at("rules/customers.score", 1, 63));
    expect(hover.contents).toEqual({
      kind: "markdown",
      value:
        "**LS303** (error): `…` is not one of the values of `…`\n\nEvery code: docs/language.md#diagnostics",
    });
  });
});

describe("quoted enumeration values", () => {
  test("completion and quick fixes write a value no word can write in quotes", async () => {
    const schema = read("schema.score").replace(
      "  plan: string?\n",
      '  plan: string?\n  source: "Lead Add Form" | API\n',
    );
    client.open("rules/schema.score", schema);
    client.open("rules/quoted.score", 'model quoted when source = "Lead Add From" {\n}\n');
    const diagnostics = await client.settledDiagnostics("rules/quoted.score", (d) =>
      d.some((each) => each.code === "LS303"),
    );
    expect(diagnostics.map((d) => [d.code, d.data])).toEqual([
      ["LS509", undefined],
      ["LS303", { replacement: '"Lead Add Form"' }],
    ]);
    const items = await request<CompletionItem[]>("textDocument/completion", at("rules/quoted.score", 0, 27));
    expect(items.map((i) => i.label)).toEqual(['"Lead Add Form"', "API"]);
  });
});
