import { Diagnostics } from "../diagnostics/codes.js";
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import type { CheckPass } from "./program.js";

/** Grade scales list the best grade first: thresholds strictly go down and labels are distinct. */
export const checkGrades: CheckPass = {
  name: "check-grades",
  run(program, report) {
    for (const grade of Object.values(program.symbols.grades)) {
      if (!grade) continue;
      const seen = new Set<string>();
      let previous: number | undefined;
      for (const tier of grade.tiers) {
        const label = tier.label.text;
        if (seen.has(label.toLowerCase())) {
          report(createDiagnostic(Diagnostics.DuplicateGradeLabel, tier.label.span, [label]));
        }
        seen.add(label.toLowerCase());
        const threshold = tier.threshold.value;
        if (previous !== undefined && threshold >= previous) {
          report(
            createDiagnostic(Diagnostics.GradeNotDescending, tier.span, [
              label,
              tier.operator,
              tier.threshold.raw,
              previous,
            ]),
          );
        }
        previous = threshold;
      }
      if (grade.fallback && seen.has(grade.fallback.text.toLowerCase())) {
        report(createDiagnostic(Diagnostics.DuplicateGradeLabel, grade.fallback.span, [grade.fallback.text]));
      }
    }
  },
};
