import path from "node:path";
import { parseActionRef } from "../../init/action-ref.js";
import { initProject, type WrittenFile } from "../../init/scaffold.js";
import { UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";

export interface InitOptions {
  force?: boolean;
  action?: string;
}

/** `leadscore init`: loaded only when the command runs (see init.ts). */
export async function runInit(io: CommandIO, dir: string, options: InitOptions): Promise<void> {
  const action = options.action === undefined ? null : parseActionRef(options.action);
  if (action !== null && "problem" in action) throw new UsageError(`--action: ${action.problem}`);
  const target = path.resolve(io.cwd, dir);
  const shown = shownDirectory(dir);
  const outcome = await initProject(target, { force: options.force === true, action: action?.uses ?? null });
  switch (outcome.kind) {
    case "not-a-directory":
      throw new UsageError(`cannot create a rules repository in \`${shown}\`: it is a file`);
    case "files-exist":
      throw new UsageError(
        `\`${shown}\` has files already that a new rules repository would overwrite:\n` +
          outcome.existing.map((file) => `  ${file}\n`).join("") +
          "Nothing was written. Choose another directory, or overwrite them with --force.",
      );
    case "write-failed":
      throw new UsageError(
        `cannot write \`${shown === "." ? outcome.path : `${shown}/${outcome.path}`}\`: ${outcome.reason}` +
          (outcome.written.length > 0 ? ` (${outcome.written.length} files were written before it)` : ""),
      );
    case "created":
      io.stdout(createdReport(shown, outcome.files));
      if (action !== null && !action.commit) {
        io.stderr(
          `note: the workflow uses ${action.uses}: a tag or branch can be moved to other code; a full commit SHA cannot\n`,
        );
      }
  }
}

/** The directory as the user typed it, without trailing separators: what `cd` takes. */
function shownDirectory(dir: string): string {
  return path.normalize(dir).replace(/(.)[\\/]+$/, "$1");
}

function createdReport(shown: string, files: readonly WrittenFile[]): string {
  const where = shown === "." ? "the current directory" : shown;
  const lines = [`Created a rules repository in ${where}:`];
  for (const file of files) lines.push(`  ${file.path}${file.overwritten ? "  (overwritten)" : ""}`);
  lines.push("", "Next steps:");
  if (shown !== ".") lines.push(`  cd ${shown.includes(" ") ? JSON.stringify(shown) : shown}`);
  lines.push(
    "  leadscore check     # the rules have no errors",
    "  leadscore test      # the fixture leads are decided as agreed",
    '  git init && git add . && git commit -m "Lead scoring rules"',
    "",
    "Then name your own teams in .github/CODEOWNERS and push to GitHub: every pull request that",
    "changes the rules is checked and shows which leads in population/ it moves.",
    "",
  );
  return lines.join("\n");
}
