/**
 * The coloured diagnostic the README shows (docs/terminal-check.png): `leadscore check --color always` on
 * the reference rules with two mistakes, as a terminal receives it. `npm run screenshots` photographs it;
 * test/cli/terminal-screenshot.test.ts fails when the command's output no longer matches the transcript
 * the picture was made from (docs/terminal-check.ansi).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/program.js";
import { RULES_DIR } from "./paths.js";

export const TRANSCRIPT_FILE = "docs/terminal-check.ansi";

export async function checkTranscript(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "leadscore-terminal-example-"));
  cpSync(RULES_DIR, path.join(dir, "rules"), { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const full = path.join(dir, "rules", file);
    writeFileSync(full, readFileSync(full, "utf8").replace(from, to));
  };
  edit("customers.score", "when stage = customer", "when stage = custmer");
  edit("enterprise.score", "when title in", "when titel in");
  let stderr = "";
  await runCli(["check", "--color", "always"], {
    stdout: () => {},
    stderr: (text) => {
      stderr += text;
    },
    isTTY: true,
    cwd: dir,
  });
  return `\u001b[1m$\u001b[22m leadscore check\n${stderr}`;
}

/** The SGR codes leadscore writes (util.styleText), as HTML; the text is escaped. */
const SGR: Record<string, [string, string] | "reset-weight" | "reset-color"> = {
  "1": ["weight", "bold"],
  "2": ["weight", "dim"],
  "22": "reset-weight",
  "31": ["color", "red"],
  "32": ["color", "green"],
  "33": ["color", "yellow"],
  "34": ["color", "blue"],
  "36": ["color", "cyan"],
  "39": "reset-color",
};

export function ansiToHtml(text: string): string {
  let weight: string | null = null;
  let color: string | null = null;
  let html = "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape codes are what is converted
  for (const part of text.split(/(\u001b\[\d+m)/)) {
    const code = part.startsWith("\u001b[") ? part.slice(2, -1) : undefined;
    if (code !== undefined) {
      const effect = SGR[code];
      if (effect === "reset-weight") weight = null;
      else if (effect === "reset-color") color = null;
      else if (effect?.[0] === "weight") weight = effect[1];
      else if (effect?.[0] === "color") color = effect[1];
      continue;
    }
    if (part === "") continue;
    const escaped = part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const classes = [weight, color].filter((c) => c !== null);
    html += classes.length === 0 ? escaped : `<span class="${classes.join(" ")}">${escaped}</span>`;
  }
  return html;
}
