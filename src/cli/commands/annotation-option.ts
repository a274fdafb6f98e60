import { Option } from "commander";
import { ANNOTATION_FORMATS } from "./choices.js";

/** `--format github` of check, fmt and test: the same words in each command's help. */
export function githubFormatOption(): Option {
  return new Option(
    "--format <format>",
    "github: also print GitHub Actions annotations on stdout (the default when GITHUB_ACTIONS=true)",
  ).choices(ANNOTATION_FORMATS);
}
