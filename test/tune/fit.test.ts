/** The fit, the scaling to points and the rewrite, each on an example worked out by hand. */
import { describe, expect, test } from "vitest";
import type { Rule } from "../../src/compile/artifact.js";
import type { TuningLead } from "../../src/tune/features.js";
import { fitLogistic, solveSymmetric } from "../../src/tune/logistic.js";
import { pointsFromWeights } from "../../src/tune/points.js";
import { rewritePoints } from "../../src/tune/rewrite.js";

function lead(indexes: number[], values: number[], converted: boolean, score = 0): TuningLead {
  return { indexes, values, converted, score };
}

describe("logistic regression", () => {
  test("solves a symmetric positive definite system", () => {
    // [4 2; 2 3] x = [2; 1] has x = [0.5, 0].
    const x = solveSymmetric(new Float64Array([4, 2, 2, 3]), new Float64Array([2, 1]), 2);
    expect([...x]).toEqual([0.5, 0]);
  });

  test("without a penalty, one yes/no feature gets the log odds ratio", () => {
    // With the feature: 3 of 4 converted (log-odds ln 3); without: 1 of 4 (−ln 3). So the intercept is
    // −ln 3 and the weight ln 3 − (−ln 3) = 2 ln 3.
    const rows = [
      ...[true, true, true, false].map((c) => lead([0], [1], c)),
      ...[true, false, false, false].map((c) => lead([], [], c)),
    ];
    const fit = fitLogistic(rows, 1, 1e-12);
    expect(fit.intercept).toBeCloseTo(-Math.log(3), 9);
    expect(fit.weights[0]).toBeCloseTo(2 * Math.log(3), 9);
  });

  test("the penalty shrinks the weight, and a feature no lead has stays at 0", () => {
    const rows = [lead([0], [1], true), lead([0], [1], false), lead([0], [1], true), lead([], [], false)];
    const loose = fitLogistic(rows, 2, 0.01);
    const tight = fitLogistic(rows, 2, 10);
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!));
    expect(loose.weights[1]).toBe(0);
  });
});

describe("points from weights", () => {
  test("are scaled to the current scores by least squares, then rounded", () => {
    // Weights 2 and −1. Leads: units (1, 0) scored 30, (0, 1) scored −10, (1, 1) scored 20; the linear
    // scores are 2, −1, 1, so s = (2·30 + (−1)(−10) + 1·20) / (4 + 1 + 1) = 90 / 6 = 15: points 30 and −15.
    const leads = [lead([0], [1], true, 30), lead([1], [1], false, -10), lead([0, 1], [1, 1], true, 20)];
    expect(pointsFromWeights({ intercept: 0, weights: [2, -1] }, leads)).toEqual([30, -15]);
  });
});

describe("rewriting points", () => {
  const text = `# Fit first.
model m {
  fit {
    # Seniority.
    when title = CEO add 30
    when title = Intern subtract 10 # keep students out
  }
  engagement {
    when event = email_open add 2 each max 10 within 30d
  }
}
`;
  const rule = (line: number, column: number, points: number, max: number | null): Rule =>
    ({ loc: { file: "m.score", line, column, endLine: line, endColumn: 99 }, points, max }) as Rule;

  test("changes only the points (and max with them), keeping comments and every other character", () => {
    const result = rewritePoints("m.score", text, [
      { rule: rule(5, 5, 30, null), points: 45 },
      { rule: rule(6, 5, -10, null), points: 3 },
      // 2 each max 10 caps at five events; 4 each caps at five events with max 20.
      { rule: rule(9, 5, 2, 10), points: 4 },
    ]);
    expect(result).toBe(`# Fit first.
model m {
  fit {
    # Seniority.
    when title = CEO add 45
    when title = Intern add 3 # keep students out
  }
  engagement {
    when event = email_open add 4 each max 20 within 30d
  }
}
`);
  });

  test("says subtract for negative points, and refuses a file that does not parse or has moved", () => {
    expect(rewritePoints("m.score", text, [{ rule: rule(5, 5, 30, null), points: -7 }])).toContain(
      "when title = CEO subtract 7\n",
    );
    expect(rewritePoints("m.score", "model m {", [])).toBeNull();
    expect(rewritePoints("m.score", text, [{ rule: rule(4, 5, 30, null), points: 1 }])).toBeNull();
  });
});
