/**
 * `owner/repo@ref` (or `owner/repo/path@ref`): the leadscore GitHub Action a new repository's workflow
 * uses, pinned to a tag or commit. It is written into YAML as a plain scalar, so only the characters
 * GitHub allows in owner, repository and ref names are accepted, and never `..`, `:` or `#`.
 */
const ACTION_REF =
  /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})((?:\/[A-Za-z0-9._-]+)*)@([A-Za-z0-9._/-]{1,255})$/;

const COMMIT = /^[0-9a-f]{40}$/;

export interface ActionRef {
  /** As written into the workflow: `owner/repo@ref`. */
  uses: string;
  /** A full commit SHA: the only reference no one can move to other code. */
  commit: boolean;
}

/** The reference, or why it cannot be one (a sentence). */
export function parseActionRef(text: string): ActionRef | { problem: string } {
  const match = ACTION_REF.exec(text);
  if (match === null) {
    return text.includes("@")
      ? { problem: `\`${text}\` is not owner/repo@ref (letters, digits, \`-\`, \`_\`, \`.\` and \`/\` only)` }
      : { problem: `\`${text}\` names no ref: pin the action to a tag or commit, like \`${text}@v1\`` };
  }
  if (text.includes("..") || match[4]!.endsWith("/") || match[4]!.startsWith("/")) {
    return { problem: `\`${text}\` is not owner/repo@ref: \`${match[4]}\` cannot name a git ref` };
  }
  return { uses: text, commit: COMMIT.test(match[4]!) };
}
