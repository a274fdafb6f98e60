import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from "vscode-languageserver";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { printWordOrString } from "../syntax/print.js";
import { toRange } from "./ranges.js";
import { suggestedReplacement } from "./suggestion.js";

/** What a published diagnostic carries for its code action: the text its range should become. */
export interface DiagnosticData {
  replacement?: string;
}

/**
 * A diagnostic as the editor shows it: the message of `leadscore check`, its hint on the next line (as
 * check prints it under the caret), the code, and the places it involves (`related`).
 */
/** A proposed name or value as it must be written: quoted when no word can write it (`"Lead Add Form"`). */
function asWritten(text: string): string {
  return /^[<>=!]+$/.test(text) ? text : printWordOrString(text);
}

export function toLspDiagnostic(
  diagnostic: Diagnostic,
  uriOf: (displayPath: string) => string | undefined,
): LspDiagnostic {
  const converted: LspDiagnostic = {
    range: toRange(diagnostic.span),
    severity: diagnostic.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: diagnostic.code,
    source: "leadscore",
    message:
      diagnostic.hint === undefined ? diagnostic.message : `${diagnostic.message}\nhint: ${diagnostic.hint}`,
  };
  const related = (diagnostic.related ?? []).flatMap((place) => {
    const uri = uriOf(place.span.file);
    return uri === undefined
      ? []
      : [{ location: { uri, range: toRange(place.span) }, message: place.message }];
  });
  if (related.length > 0) converted.relatedInformation = related;
  const replacement = diagnostic.hint === undefined ? undefined : suggestedReplacement(diagnostic.hint);
  if (replacement !== undefined)
    converted.data = { replacement: asWritten(replacement) } satisfies DiagnosticData;
  return converted;
}
