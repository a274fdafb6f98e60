import type { GradeDecl } from "../syntax/ast.js";
import type { SymbolTable } from "./symbol-table.js";

function labels(grade: GradeDecl | null): string[] | null {
  if (!grade) return null;
  const all = grade.tiers.map((tier) => tier.label.text);
  if (grade.fallback) all.push(grade.fallback.text);
  return all;
}

/**
 * Every grade the declared scales can give, by its lowercase form, as written: A1 … D4, or one scale's
 * labels alone when only one is declared (as the evaluator grades); null when neither is, in which case
 * no grade is ever given and the checker reports uses of `grade` separately.
 */
export function possibleGrades(symbols: SymbolTable): Map<string, string> | null {
  if (!symbols.grades.fit && !symbols.grades.engagement) return null;
  return new Map(gradeLabels(symbols).map((grade) => [grade.toLowerCase(), grade]));
}

/** The grades as written, for editors: every letter with every digit (A1 … D4), or one scale's labels alone. */
export function gradeLabels(symbols: SymbolTable): string[] {
  const fit = labels(symbols.grades.fit);
  const engagement = labels(symbols.grades.engagement);
  if (!fit || !engagement) return fit ?? engagement ?? [];
  return fit.flatMap((letter) => engagement.map((digit) => `${letter}${digit}`));
}
