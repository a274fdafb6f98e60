import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/paths.js";
import { readmeExample } from "../support/review-example.js";

/**
 * The README's picture of the pull-request comment is made by `npm run screenshots` from the golden
 * comment; what is checked is the Markdown it was made from, not pixels (fonts differ between machines).
 */
const golden = readFileSync(path.join(PROJECT_ROOT, "test/golden/diff/acme.md"), "utf8");

describe("the README's example comment and its picture", () => {
  it("the picture was made from the current golden comment (else: npm run screenshots)", () => {
    const madeFrom = readFileSync(path.join(PROJECT_ROOT, "docs/review-comment.md"), "utf8");
    expect(madeFrom === golden, "docs/review-comment.png is stale: run npm run screenshots").toBe(true);
  });

  it("the README shows the current golden comment (else: npm run screenshots)", () => {
    const readme = readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");
    expect(readmeExample(readme) === golden, "README.md's example is stale: run npm run screenshots").toBe(
      true,
    );
    expect(readme).toContain(
      "![The pull-request comment of the example, as GitHub shows it](docs/review-comment.png)",
    );
  });
});
