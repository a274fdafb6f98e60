import type { FixtureProblem } from "../fixtures/types.js";
import { formatValue } from "../fixtures/report/values.js";
import type { TestRun } from "../fixtures/run.js";
import type { Annotation } from "./github-annotations.js";

/**
 * A failing fixture case on its line in the fixture file, with every key it got wrong, expected against
 * actual; a problem of a file or a case on its own line and column.
 */
export function fixtureAnnotations(run: TestRun): Annotation[] {
  const annotations: Annotation[] = [];
  const problem = (p: FixtureProblem): Annotation => ({
    level: "error",
    file: p.file,
    line: p.line,
    col: p.column,
    title: "leadscore test",
    message: p.message,
  });
  for (const file of run.files) {
    annotations.push(...file.problems.map(problem));
    for (const outcome of file.cases) {
      annotations.push(...outcome.problems.map(problem));
      if (outcome.passed || outcome.problems.length > 0) continue;
      const wrong = outcome.checks
        .filter((check) => !check.ok)
        .map(
          (check) =>
            `${check.key}: expected ${formatValue(check.expected, check.key)}, actual ${formatValue(check.actual, check.key)}`,
        );
      const { fixture } = outcome;
      annotations.push({
        level: "error",
        file: fixture.file,
        line: fixture.line,
        title: `fixture failed: ${fixture.name}`,
        message: [...wrong, ...(outcome.notScored === null ? [] : [outcome.notScored])].join("\n"),
      });
    }
  }
  return annotations;
}
