import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { compileSources } from "../../src/compile/compile-ruleset.js";
import { RULES_DIR } from "../support/paths.js";
import { startLspClient, type LspClient } from "./lsp-client.js";

const enterprise = readFileSync(path.join(RULES_DIR, "enterprise.score"), "utf8");

let client: LspClient;
beforeAll(async () => {
  client = await startLspClient();
}, 30_000);
afterAll(async () => {
  await client.stop();
});

describe("leadscore lsp: diagnostics", () => {
  test("a typo in an open buffer: the diagnostic of check, at its exact range, with its hint and fix", async () => {
    const typo = enterprise.replace("when title in [CEO", "when titel in [CEO");
    const diagnostics = await client.nextDiagnostics("rules/enterprise.score", () =>
      client.open("rules/enterprise.score", typo),
    );
    expect(diagnostics).toEqual([
      {
        range: { start: { line: 3, character: 9 }, end: { line: 3, character: 14 } },
        severity: 1,
        code: "LS201",
        source: "leadscore",
        message: "unknown lead field `titel`\nhint: did you mean `title`?",
        data: { replacement: "title" },
      },
    ]);
  });
});

describe("leadscore lsp: the whole ruleset, as check sees it", () => {
  const schema = readFileSync(path.join(RULES_DIR, "schema.score"), "utf8");

  test("an unsaved edit of the schema re-checks the files that use it, with check's diagnostics", async () => {
    const renamed = schema.replace("  title: string\n", "  titles: string\n");
    client.open("rules/schema.score", renamed);
    const smb = await client.settledDiagnostics("rules/smb.score", (d) => d.length > 0);
    expect(
      smb.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`),
    ).toEqual([
      "LS201 4:10 unknown lead field `title`\nhint: did you mean `titles`?",
      "LS201 5:10 unknown lead field `title`\nhint: did you mean `titles`?",
      "LS201 6:11 unknown lead field `title`\nhint: did you mean `titles`?",
      "LS201 6:39 unknown lead field `title`\nhint: did you mean `titles`?",
      "LS201 7:10 unknown lead field `title`\nhint: did you mean `titles`?",
    ]);
    // Every file's list is what `leadscore check` reports for the same texts (the enterprise buffer has its typo).
    const texts = new Map(
      ["customers", "enterprise", "routing", "schema", "smb"].map((name) => [
        `rules/${name}.score`,
        readFileSync(path.join(RULES_DIR, `${name}.score`), "utf8"),
      ]),
    );
    texts.set("rules/schema.score", renamed);
    texts.set("rules/enterprise.score", enterprise.replace("when title in [CEO", "when titel in [CEO"));
    const check = compileSources(
      [...texts].map(([file, text]) => ({ path: file, text })),
      { checkOnly: true },
    );
    expect(check.diagnostics.length).toBe(9);
    await client.settledDiagnostics("rules/enterprise.score", (d) => d.length === 4);
    for (const file of texts.keys()) {
      const fromCheck = check.diagnostics
        .filter((d) => d.span.file === file)
        .map((d) => ({
          code: d.code,
          from: [d.span.start.line - 1, d.span.start.column - 1],
          to: [d.span.end.line - 1, d.span.end.column - 1],
          message: d.hint === undefined ? d.message : `${d.message}\nhint: ${d.hint}`,
        }));
      const published = (client.diagnostics(file) ?? []).map((d) => ({
        code: d.code,
        from: [d.range.start.line, d.range.start.character],
        to: [d.range.end.line, d.range.end.character],
        message: d.message,
      }));
      expect({ file, diagnostics: published }).toEqual({ file, diagnostics: fromCheck });
    }
  });

  test("undoing the edit clears them", async () => {
    client.change("rules/schema.score", schema, 2);
    expect(await client.settledDiagnostics("rules/smb.score", (d) => d.length === 0)).toEqual([]);
  });

  test("closing a buffer without saving: the file on disk counts again", async () => {
    expect(client.diagnostics("rules/enterprise.score")?.map((d) => d.code)).toEqual(["LS201"]);
    void client.connection.sendNotification("textDocument/didClose", {
      textDocument: { uri: client.uri("rules/enterprise.score") },
    });
    expect(await client.settledDiagnostics("rules/enterprise.score", (d) => d.length === 0)).toEqual([]);
  });

  test("a mangled, half-typed file gets diagnostics and never ends the session", async () => {
    const mangled =
      'model {{{ when >= [ "unterminated\n\u0007 bucket -> ->\nlead { : | ? }\n  fit { when event = where add each max within }\n}}}}';
    const diagnostics = await client.nextDiagnostics("rules/mangled.score", () =>
      client.open("rules/mangled.score", mangled),
    );
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => typeof d.code === "string" && String(d.code).startsWith("LS"))).toBe(
      true,
    );
    const doc = { uri: client.uri("rules/mangled.score") };
    for (let line = 0; line < 5; line++) {
      for (let character = 0; character < 40; character += 3) {
        const position = { line, character };
        await client.connection.sendRequest("textDocument/hover", { textDocument: doc, position });
        await client.connection.sendRequest("textDocument/completion", { textDocument: doc, position });
        await client.connection.sendRequest("textDocument/definition", { textDocument: doc, position });
      }
    }
    await client.connection.sendRequest("textDocument/documentSymbol", { textDocument: doc });
    expect(
      await client.connection.sendRequest("textDocument/formatting", {
        textDocument: doc,
        options: { tabSize: 2, insertSpaces: true },
      }),
    ).toEqual([]);
  });

  test("a request the server cannot answer is answered with nothing, and the next one is answered", async () => {
    const doc = { uri: client.uri("rules/enterprise.score") };
    // No position: the handler fails inside; the guard logs it and answers null.
    expect(await client.connection.sendRequest("textDocument/hover", { textDocument: doc })).toBeNull();
    expect(
      client.logged().some((message) => message.startsWith("leadscore: internal error: TypeError")),
    ).toBe(true);
    const hover = await client.connection.sendRequest("textDocument/hover", {
      textDocument: doc,
      position: { line: 3, character: 11 },
    });
    expect(hover).not.toBeNull();
  });
});

describe("leadscore lsp: leadscore.yaml changes", () => {
  // Below the rules directory, a file belongs to its ruleset; elsewhere it is a ruleset of its own
  // directory, as `leadscore check` reads it. Moving the rules directory in leadscore.yaml moves the file.
  const extra =
    'model interns "Interns" when title = intern {\n  fit {\n    when country in target_countries add 1\n  }\n}\n';
  const configChanged = () =>
    void client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: client.uri("leadscore.yaml"), type: 2 }],
    });

  test("a file of the rules directory is checked with the whole ruleset", async () => {
    const diagnostics = await client.nextDiagnostics("rules/extra/more.score", () =>
      client.open("rules/extra/more.score", extra),
    );
    expect(diagnostics).toEqual([]);
  });

  test("`rules:` changed in leadscore.yaml: the layout is read again, open buffers carry over", async () => {
    writeFileSync(path.join(client.root, "leadscore.yaml"), "rules: elsewhere\n");
    const diagnostics = await client.nextDiagnostics("rules/extra/more.score", configChanged);
    // `leadscore check rules/extra`: 1:1 LS216, 1:1 LS503, 1:7 LS502, 1:7 LS507, 1:30 LS201, 3:10 LS201, 3:21 LS204.
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([
      ["LS216", 0, 0],
      ["LS503", 0, 0],
      ["LS502", 0, 6],
      ["LS507", 0, 6],
      ["LS201", 0, 29],
      ["LS201", 2, 9],
      ["LS204", 2, 20],
    ]);
  });

  test("leadscore.yaml removed: the conventional layout again, and the problems go", async () => {
    rmSync(path.join(client.root, "leadscore.yaml"));
    const diagnostics = await client.nextDiagnostics("rules/extra/more.score", configChanged);
    expect(diagnostics).toEqual([]);
  });
});
