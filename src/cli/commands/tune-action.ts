import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { readOutcome } from "../../batch/conversion.js";
import type { OutcomeOptions } from "../../io/input-options.js";
import { areaUnderCurve } from "../../report/auc.js";
import { groupByScore } from "../../report/score-groups.js";
import { crossValidate } from "../../tune/cross-validate.js";
import { FeatureCollector } from "../../tune/features.js";
import { fitLogistic } from "../../tune/logistic.js";
import { linearScore, pointsFromWeights } from "../../tune/points.js";
import { rewritePoints, type PointsChange } from "../../tune/rewrite.js";
import { describeFileError } from "../../diagnostics/file-errors.js";
import { UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { scoreHistory, type HistoryOptions } from "./history-input.js";

export interface TuneOptions extends HistoryOptions {
  folds: string;
  lambda: string;
  write?: boolean;
}

/** A fitted rule whose points are at most this far from 0 is listed as a candidate to remove. */
const ABOUT_ZERO = 1;

/** `leadscore tune`: loaded only when the command runs (see tune.ts). */
export async function runTune(
  io: CommandIO,
  options: TuneOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  const folds = Number(options.folds);
  if (!Number.isInteger(folds) || folds < 2 || folds > 20)
    throw new UsageError(`--folds takes a whole number from 2 to 20, not \`${options.folds}\``);
  const lambda = Number(options.lambda);
  if (!Number.isFinite(lambda) || lambda <= 0)
    throw new UsageError(`--lambda takes a positive number, not \`${options.lambda}\``);
  if (options.rules.endsWith(".json"))
    throw new UsageError("tune rewrites rule files: give --rules a rules directory, not a compiled artifact");

  let collector: FeatureCollector | null = null;
  let outcomeValues: OutcomeOptions | null = null;
  let unreadable = 0;
  const history = await scoreHistory(
    io,
    options,
    setExitCode,
    (result, value) => {
      const converted = readOutcome(value, outcomeValues!);
      if (converted === null) unreadable += 1;
      else collector!.add(result, converted);
    },
    () => {},
    (artifact, outcome) => {
      collector = new FeatureCollector(artifact);
      outcomeValues = outcome;
    },
  );
  if (history === null || collector === null) return;
  const { leads, rules } = collector as FeatureCollector;
  const converted = leads.filter((lead) => lead.converted).length;
  if (converted === 0 || converted === leads.length) {
    throw new UsageError(
      `cannot tune on \`${options.outcome}\`: ${converted === 0 ? "nobody" : "everybody"} of the ${leads.length} measured leads converted, so nothing tells the rules apart`,
    );
  }

  const validation = crossValidate(leads, rules.length, folds, lambda);
  const fit = fitLogistic(leads, rules.length, lambda);
  const points = pointsFromWeights(fit, leads);
  const fired = new Array<number>(rules.length).fill(0);
  for (const lead of leads) for (const index of lead.indexes) fired[index]! += 1;
  const changes: PointsChange[] = [];
  rules.forEach((rule, index) => {
    if (fired[index] === 0 || points[index] === rule.points) return;
    changes.push({ rule, points: points[index]! });
  });
  const outcomes = leads.map((lead) => (lead.converted ? 1 : 0));
  const inSample = {
    before: areaUnderCurve(
      groupByScore(
        leads.map((lead) => lead.score),
        outcomes,
      ),
    ),
    after: areaUnderCurve(
      groupByScore(
        leads.map((lead) => linearScore(points, lead)),
        outcomes,
      ),
    ),
  };

  const lines = [
    `tune: ${leads.length} leads measured against \`${options.outcome}\` (${converted} converted${unreadable > 0 ? `; ${unreadable} without a readable outcome, left out` : ""}), ${rules.length} rules; L2 penalty ${lambda}`,
    `  ${folds}-fold cross-validated AUC: ${auc(validation.before)} → ${auc(validation.after)} (${signed(validation.before, validation.after)})`,
    `  in-sample AUC: ${auc(inSample.before)} → ${auc(inSample.after)}`,
    "  points:",
  ];
  const width = Math.max(...rules.map((rule) => rule.text.length));
  rules.forEach((rule, index) => {
    const change = fired[index] === 0 ? "fires for no lead: kept" : `${rule.points} → ${points[index]}`;
    lines.push(`    ${rule.text.padEnd(width)}  ${change.padEnd(12)}  ${rule.loc.file}:${rule.loc.line}`);
  });
  const aboutZero = rules.filter((_, index) => fired[index]! > 0 && Math.abs(points[index]!) <= ABOUT_ZERO);
  if (aboutZero.length > 0) {
    lines.push("  weight about 0 (consider removing):");
    for (const rule of aboutZero) lines.push(`    ${rule.text}  ${rule.loc.file}:${rule.loc.line}`);
  }

  const patches: string[] = [];
  const byFile = new Map<string, PointsChange[]>();
  for (const change of changes)
    byFile.set(change.rule.loc.file, [...(byFile.get(change.rule.loc.file) ?? []), change]);
  for (const [file, fileChanges] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const full = path.resolve(io.cwd, file);
    const before = await readFile(full, "utf8").catch((error: unknown) => {
      throw new UsageError(`cannot read \`${file}\`: ${describeFileError(error)}`);
    });
    const after = rewritePoints(file, before, fileChanges);
    if (after === null) throw new UsageError(`\`${file}\` changed while it was read; run tune again`);
    if (options.write) {
      await writeFile(full, after, "utf8").catch((error: unknown) => {
        throw new UsageError(`cannot write \`${file}\`: ${describeFileError(error)}`);
      });
    } else {
      patches.push(
        createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 2 }),
      );
    }
  }
  lines.push(
    changes.length === 0
      ? "  no points change"
      : options.write
        ? `  rewrote ${plural(byFile.size, "file")} (${plural(changes.length, "rule")})`
        : `  ${plural(changes.length, "rule")} change in ${plural(byFile.size, "file")}: the diff is on stdout; --write applies it`,
  );
  io.stderr(`${lines.join("\n")}\n`);
  if (patches.length > 0) io.stdout(patches.join(""));
}

function auc(value: number | null): string {
  return value === null ? "-" : value.toFixed(4);
}

function signed(before: number | null, after: number | null): string {
  if (before === null || after === null) return "-";
  const delta = after - before;
  return `${delta >= 0 ? "+" : "−"}${Math.abs(delta).toFixed(4)}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
