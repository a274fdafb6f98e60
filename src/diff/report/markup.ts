/**
 * Text from data (rule text, names, lead ids, reasons, file names) made safe for a GitHub pull-request
 * comment. Everything the comment shows that the template did not write itself goes through one of these:
 * a pull request's author chooses the rule text and the leads, and must not be able to put a link, an
 * image, HTML, a mention or an issue reference in front of the approvers.
 *
 * GitHub turns some plain text into links after rendering Markdown — `@user` and `@org/team` mentions,
 * `#123` and `GH-123` references, bare URLs, `www.` hosts and e-mail addresses — and backslash escapes do
 * not stop that (the text is the same once rendered). Those are broken with an invisible ZERO WIDTH SPACE
 * after the character that starts them, as other bots do (the text reads the same). Inside code spans
 * GitHub links nothing, so code keeps its text exactly.
 */

/** An invisible character that breaks mentions, references and autolinks without changing what is read. */
const BREAK = "\u200b";

/**
 * ASCII punctuation Markdown can read as markup inline: emphasis, code, links and images (`[`, `]`: without
 * them `(` and `!` are plain), HTML, entities, table cells, strikethrough.
 */
const MARKUP = /[\\`*_[\]<>&|~#]/g;

/** Line breaks end a table row or start a new block: data never gets them. */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/g;

/**
 * What GitHub would link after rendering: mentions and e-mails (`@`), references (`#1`, `GH-1`), URLs
 * (`scheme://`, `mailto:`, `xmpp:`) and `www.` hosts.
 */
const AUTOLINK_STARTS = /@|#(?=\d)|GH-(?=\d)|:(?=\/\/)|mailto:|xmpp:|www\./gi;

function breakAutolinks(text: string): string {
  return text.replace(AUTOLINK_STARTS, (match) => {
    // Insert the break just before the last character of what matched (`@`, `#`, `-`, `:`, `.`), so
    // that the thing after it no longer starts a link, or right after a lone `@` or `#`.
    if (match === "@" || match === "#") return `${match}${BREAK}`;
    return `${match.slice(0, -1)}${BREAK}${match.slice(-1)}`;
  });
}

/** Plain text from data: no markup, HTML, entity, mention, reference or link can come out of it. */
export function text(value: string): string {
  return breakAutolinks(value.replace(LINE_BREAKS, " ").replace(MARKUP, (char) => `\\${char}`));
}

/**
 * A code span fenced with one backtick more than the longest run inside it, so no backtick in the data
 * can close it. Spaces pad it when the text starts or ends with a backtick or a space (CommonMark strips
 * one from each end). `inTable`: a `|` would end the cell even inside code, so it is escaped, with an
 * extra backslash before it when an odd run of backslashes would otherwise escape the escape.
 */
export function code(value: string, inTable = false): string {
  let body = value.replace(LINE_BREAKS, " ");
  if (inTable) {
    body = body.replace(/(\\*)\|/g, (_match, slashes: string) =>
      slashes.length % 2 === 1 ? `${slashes}\\\\|` : `${slashes}\\|`,
    );
  }
  if (body === "") return "` `";
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(body) && body.trim() !== "" ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}
