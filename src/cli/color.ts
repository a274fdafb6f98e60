import { randomBytes } from "node:crypto";
import { styleText } from "node:util";
import type { Style, Stylize } from "../diagnostics/style.js";
import { escapeControlsInText } from "./terminal-text.js";

export const COLOR_WHEN = ["auto", "always", "never"] as const;
export type ColorWhen = (typeof COLOR_WHEN)[number];

/**
 * Whether a stream gets colour: `--color always|never` decides; under `auto`, FORCE_COLOR (set, not `0`
 * or `false`) turns it on and NO_COLOR (set, not empty) off, as https://no-color.org and
 * https://force-color.org ask; otherwise only a terminal (not TERM=dumb) gets colour, never a file or pipe.
 */
export function colorEnabled(
  when: ColorWhen,
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): boolean {
  if (when === "always") return true;
  if (when === "never") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTTY && env.TERM !== "dumb";
}

/** How each style looks on a terminal (Node's own `util.styleText`; no escape codes written by hand). */
const LOOKS: Record<Style, Parameters<typeof styleText>[0]> = {
  error: ["bold", "red"],
  warning: ["bold", "yellow"],
  location: "bold",
  gutter: "blue",
  hint: "cyan",
  passed: "green",
  failed: "red",
  heading: "bold",
  up: "green",
  down: "red",
  muted: "dim",
};

/**
 * Styles travel inside a report's text as marks that carry a secret made for this run, so that text read
 * from files — which a report interpolates as it is — can never forge one: `render` takes the marks out,
 * escapes every piece between them (the one escaping function) and only then adds colour.
 */
export interface StyleMarks {
  stylize: Stylize;
  /** The text with its marks as colour, or without them; `escapeText` escapes the pieces between marks. */
  render(text: string, color: boolean, escapeText: boolean): string;
}

export function styleMarks(): StyleMarks {
  const secret = `\u0000${randomBytes(8).toString("hex")}`;
  const mark = new RegExp(`${secret}(?:<([a-z]+)>|</>)`, "g");
  const stylize: Stylize = (style, text) => (text === "" ? text : `${secret}<${style}>${text}${secret}</>`);
  return {
    stylize,
    render(text, color, escapeText) {
      const clean = escapeText ? escapeControlsInText : (piece: string) => piece;
      if (!text.includes(secret)) return clean(text);
      let out = "";
      const open: Style[] = [];
      let from = 0;
      const emit = (piece: string) => {
        if (piece === "") return;
        const escaped = clean(piece);
        out += color && open.length > 0 ? paint(open, escaped) : escaped;
      };
      for (const found of text.matchAll(mark)) {
        emit(text.slice(from, found.index));
        from = found.index + found[0].length;
        const style = found[1] as Style | undefined;
        if (style === undefined) open.pop();
        else if (Object.hasOwn(LOOKS, style)) open.push(style);
      }
      emit(text.slice(from));
      return out;
    },
  };
}

/** One piece in every style still open (the innermost last, so it wins where two set a colour). */
function paint(open: readonly Style[], text: string): string {
  const formats = open.flatMap((style) => LOOKS[style]);
  // Node 22+ would check process.stdout itself; the decision is already made, per stream, by the caller.
  return (styleText as (format: unknown, text: string, options?: object) => string)(formats, text, {
    validateStream: false,
  });
}
