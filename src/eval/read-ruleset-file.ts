import { readFile } from "node:fs/promises";
import { describeFileError } from "../diagnostics/file-errors.js";
import { RulesetLoadError } from "./errors.js";

/** A rules or artifact file's text; a file that cannot be read is a RulesetLoadError ("unreadable"). */
export async function readRulesetText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new RulesetLoadError("unreadable", `cannot read ${path}: ${describeFileError(error)}`);
  }
}
