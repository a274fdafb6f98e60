import { CodeActionKind, type CodeAction, type Diagnostic } from "vscode-languageserver";
import type { DiagnosticData } from "./diagnostics.js";

/**
 * A quick fix for every diagnostic whose hint proposes a replacement ("did you mean `title`?"): it
 * replaces the diagnostic's range with what the hint proposes. The replacement travels with the published
 * diagnostic (its `data`), so the fix is the hint the user reads, whatever changed since.
 */
export function quickFixes(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics.flatMap((diagnostic) => {
    const replacement = (diagnostic.data as DiagnosticData | undefined)?.replacement;
    if (typeof replacement !== "string") return [];
    return [
      {
        title: `Change to \`${replacement}\``,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: diagnostic.range, newText: replacement }] } },
      },
    ];
  });
}
