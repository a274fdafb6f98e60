import type { Command } from "commander";
import { addHistoryOptions } from "./history-options.js";
import type { RegisterCommand } from "./register.js";
import type { TuneOptions } from "./tune-action.js";

const HELP = `
Fits the points of the existing rules to historical outcomes: an L2-regularised logistic regression on
what each rule contributed to each lead (in units of its own points), scaled so the new scores sit where
the old ones did, rounded to whole points. Which rules exist, their conditions, comments and layout stay
as written: only the points change (and each rule's max with them, so it caps after the same number of
events; a rule whose weight turns negative says subtract). Rules that fired for no lead keep their points.

Prints the k-fold cross-validated AUC of the current points and of fitted points (each fold scored with
points fitted on the others), the old and new points of every rule, and the rules whose weight is about 0
(candidates to remove, by hand). Without --write, the change is printed as a unified diff on stdout, ready
to review; with --write, the rule files are rewritten in place.

Exit codes: 0 done, 1 the rules have errors, 2 bad usage, an unreadable file, or an outcome column that
no lead has.`;

export const registerTune: RegisterCommand = (program: Command, io, setExitCode) => {
  addHistoryOptions(
    program
      .command("tune")
      .description("Fit the rules' points to historical outcomes; print the change as a diff or --write it.")
      .option("--rules <dir>", "rule directory (its files are the ones rewritten)", "rules"),
  )
    .option("--folds <k>", "folds of the cross-validation", "5")
    .option("--lambda <l2>", "strength of the L2 penalty on the weights", "1")
    .option("--write", "rewrite the rule files instead of printing a diff")
    .addHelpText("after", HELP)
    .action(async (options: TuneOptions) => {
      const { runTune } = await import("./tune-action.js");
      await runTune(io, options, setExitCode);
    });
};
