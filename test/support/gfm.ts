/**
 * The pull-request comment as GitHub shows it: rendered by a CommonMark + GitHub-flavoured Markdown
 * renderer (micromark with its GFM extension, which follows the GFM spec), raw HTML allowed as on
 * GitHub, then taken apart into the elements and the visible text outside code that GitHub would
 * still scan for mentions, references and links.
 */
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

export function renderGfm(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
}

export interface RenderedParts {
  /** How many times each element (`a`, `img`, `td`, …) opens; `!--` counts HTML comments. */
  elements: Map<string, number>;
  /** Visible text outside `<code>`, entities decoded, one entry per text run. */
  text: string[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

export function partsOf(html: string): RenderedParts {
  const elements = new Map<string, number>();
  const text: string[] = [];
  let inCode = 0;
  for (const token of html.split(/(<!--[\s\S]*?-->|<\/?[A-Za-z][^>]*>)/)) {
    if (token.startsWith("<!--")) elements.set("!--", (elements.get("!--") ?? 0) + 1);
    else if (/^<[A-Za-z]/.test(token)) {
      const name = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(token)![1]!.toLowerCase();
      elements.set(name, (elements.get(name) ?? 0) + 1);
      if (name === "code") inCode += 1;
    } else if (token.startsWith("</")) {
      if (/^<\/code\b/i.test(token)) inCode -= 1;
    } else if (inCode === 0 && token !== "") {
      text.push(token.replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => ENTITIES[name]!));
    }
  }
  return { elements, text };
}

/** What GitHub links in rendered text (outside code and links): mentions, references, URLs, e-mails. */
export const LIVE_TEXT: ReadonlyArray<[string, RegExp]> = [
  ["mention", /(^|[^A-Za-z0-9_`])@[A-Za-z0-9]/],
  ["issue reference", /#\d/],
  ["GH reference", /GH-\d/i],
  ["URL", /[A-Za-z][A-Za-z0-9+.-]*:\/\//],
  ["www host", /www\./i],
  ["mailto or xmpp", /(mailto|xmpp):/i],
];
