/**
 * The README's example of the pull-request comment: the reviewed golden comment, copied between the
 * opening ```` ```markdown ```` fence that follows the review section's lead-in and its closing fence.
 * scripts/review-screenshot.ts writes it; test/diff/review-screenshot.test.ts checks it is current.
 */
export const README_EXAMPLE = {
  file: "README.md",
  start: "````markdown\n<!-- leadscore-diff -->",
  end: "````\n",
};

/** The comment shown in the README, or null when the example block is missing. */
export function readmeExample(readme: string): string | null {
  const start = readme.indexOf(README_EXAMPLE.start);
  if (start < 0) return null;
  const body = start + "````markdown\n".length;
  const end = readme.indexOf(README_EXAMPLE.end, body);
  return end < 0 ? null : readme.slice(body, end);
}

/** The README with its example replaced by `comment`. */
export function withReadmeExample(readme: string, comment: string): string {
  const current = readmeExample(readme);
  if (current === null) throw new Error("README.md has no example comment block");
  const body = readme.indexOf(README_EXAMPLE.start) + "````markdown\n".length;
  return `${readme.slice(0, body)}${comment}${readme.slice(body + current.length)}`;
}
