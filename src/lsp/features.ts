import { ResponseError, type Connection } from "vscode-languageserver/node.js";
import type { SourceFile, Span } from "../syntax/ast.js";
import { quickFixes } from "./code-actions.js";
import { completions } from "./completion.js";
import { documentSymbols } from "./document-symbols.js";
import { expectedModelRanges, leadKeyRanges, readFixtureFiles } from "./fixture-files.js";
import { formattingEdits } from "./formatting.js";
import { hoverText } from "./hover.js";
import { definition, prepareRename, references, rename, symbolAt } from "./navigation.js";
import { toRange } from "./ranges.js";
import { ruleFileOf, type Session } from "./session.js";
import type { CheckedRuleset } from "./workspace.js";

/** One open rule file, as a request sees it. */
interface RequestContext {
  ruleset: CheckedRuleset;
  display: string;
  text: string;
  file: SourceFile | undefined;
  /** A display path's URI (the editor's own for open files). */
  uriOf: (display: string) => string | undefined;
  locate: (span: Span) => { uri: string; range: ReturnType<typeof toRange> } | undefined;
}

/** The request handlers; each answers from the ruleset of the document it is about. */
export function registerFeatures(connection: Connection, session: Session): void {
  const context = (uri: string): RequestContext | null => {
    const workspace = session.workspace;
    const path = ruleFileOf(uri);
    if (workspace === null || path === null) return null;
    const ruleset = workspace.rulesetOf(path);
    const display = workspace.displayPath(path);
    const text = workspace.textOf(path) ?? "";
    const uriOf = (shown: string) => {
      const absolute = ruleset.absolutePaths.get(shown);
      return absolute === undefined ? undefined : session.uriOf(absolute);
    };
    return {
      ruleset,
      display,
      text,
      file: ruleset.files.find((each) => each.path === display),
      uriOf,
      locate: (span) => {
        const target = uriOf(span.file);
        return target === undefined ? undefined : { uri: target, range: toRange(span) };
      },
    };
  };
  /** Answers a request about a document; nothing when it is no rule file, or when answering failed. */
  const answer = <T>(uri: string, fallback: T, work: (request: RequestContext) => T): T =>
    session.guard(() => {
      const request = context(uri);
      return request === null ? fallback : work(request);
    }, fallback) ?? fallback;

  connection.onDocumentFormatting((params) =>
    answer(params.textDocument.uri, [], (r) => formattingEdits(r.display, r.text)),
  );
  connection.onDocumentSymbol((params) =>
    answer(params.textDocument.uri, [], (r) => (r.file ? documentSymbols(r.file) : [])),
  );
  connection.onCompletion((params) =>
    answer(params.textDocument.uri, [], (r) =>
      completions(r.ruleset.program.symbols, r.text, params.position),
    ),
  );
  connection.onHover((params) =>
    answer(params.textDocument.uri, null, (r) => {
      const value = hoverText(r.ruleset, r.display, r.text, params.position);
      return value === null ? null : { contents: { kind: "markdown" as const, value } };
    }),
  );
  connection.onDefinition((params) =>
    answer(params.textDocument.uri, [], (r) => definition(r.ruleset, r.display, params.position, r.locate)),
  );
  connection.onReferences(async (params) => {
    const found = answer(params.textDocument.uri, null, (r) => ({
      locations: references(
        r.ruleset,
        r.display,
        params.position,
        params.context.includeDeclaration,
        r.locate,
      ),
      symbol: symbolAt(r.ruleset, r.display, params.position),
    }));
    if (found === null) return [];
    const workspace = session.workspace;
    if (found.symbol?.kind !== "model" || workspace === null) return found.locations;
    // A model is named by the fixture cases that expect it.
    const model = found.symbol.name;
    try {
      const fixtures = await readFixtureFiles(workspace.root, workspace.fixtureGlobs);
      return [
        ...found.locations,
        ...fixtures.flatMap((f) =>
          expectedModelRanges(f.text, model).map((range) => ({ uri: f.uri, range })),
        ),
      ];
    } catch (error) {
      session.logError(error);
      return found.locations;
    }
  });
  connection.onPrepareRename((params) =>
    answer(params.textDocument.uri, null, (r) => prepareRename(r.ruleset, r.display, params.position)),
  );
  connection.onRenameRequest(async (params) => {
    const result = answer(params.textDocument.uri, null, (r) =>
      rename(r.ruleset, r.display, params.position, params.newName, r.uriOf),
    );
    if (result === null) return null;
    if ("error" in result) return new ResponseError(-32602, result.error);
    const { edit, symbol } = result;
    const workspace = session.workspace;
    if (symbol.kind !== "field" || workspace === null) return edit;
    try {
      // A field is also the key of every fixture lead that has it.
      const changes = { ...edit.changes };
      for (const fixture of await readFixtureFiles(workspace.root, workspace.fixtureGlobs)) {
        const ranges = leadKeyRanges(fixture.text, symbol.name);
        if (ranges.length > 0)
          changes[fixture.uri] = ranges.map((range) => ({ range, newText: params.newName }));
      }
      return { changes };
    } catch (error) {
      session.logError(error);
      return edit;
    }
  });
  connection.onCodeAction((params) =>
    answer(params.textDocument.uri, [], () =>
      quickFixes(params.textDocument.uri, params.context.diagnostics),
    ),
  );
}
