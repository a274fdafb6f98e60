/**
 * What a report may mark in its text, by meaning rather than by colour: the CLI decides how (and whether)
 * each is shown — colour on a terminal, nothing in a file or a pipe. Reports take a `Stylize` and call it
 * on the words they wrote or on data as a whole; they never write escape codes themselves.
 */
export const STYLES = [
  "error",
  "warning",
  "location",
  "gutter",
  "hint",
  "passed",
  "failed",
  "heading",
  "up",
  "down",
  "muted",
] as const;
export type Style = (typeof STYLES)[number];

/** Marks `text` with a style. Applied after padding, so that marks never count in column widths. */
export type Stylize = (style: Style, text: string) => string;

/** Leaves text as it is: the default of every report, and what files and goldens get. */
export const unstyled: Stylize = (_style, text) => text;
