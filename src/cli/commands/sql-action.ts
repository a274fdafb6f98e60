import path from "node:path";
import { parseInstant } from "../../eval/instant.js";
import type { DialectName } from "../../sql/dialect.js";
import { emitDbtYaml, emitSql } from "../../sql/emit.js";
import { UsageError } from "../exit-codes.js";
import type { CommandIO } from "../io.js";
import { refuseOutputsOverInputs, ruleInputFiles, writeOutputFile } from "../output-files.js";
import { loadRulesOption } from "../rules-input.js";
import { refuseBadRelations } from "../relation-options.js";

export interface SqlCommandOptions {
  rules: string;
  dialect: DialectName;
  leads: string;
  events: string;
  asOf?: string;
  explain?: boolean;
  dbt?: boolean;
  out?: string;
}

/** `leadscore sql`: loaded only when the command runs (see sql.ts). */
export async function runSql(
  io: CommandIO,
  options: SqlCommandOptions,
  setExitCode: (code: number) => void,
): Promise<void> {
  const asOf = options.asOf === undefined ? "now" : parseInstant(options.asOf);
  if (asOf !== "now" && Number.isNaN(asOf)) {
    throw new UsageError(
      `--as-of \`${options.asOf}\` is not an ISO-8601 time (for example 2026-11-01T00:00:00Z)`,
    );
  }
  const dbt = options.dbt === true;
  refuseBadRelations(
    [
      ["--leads", options.leads],
      ["--events", options.events],
    ],
    { dialect: options.dialect, dbt },
  );
  if (dbt && options.out === undefined)
    throw new UsageError("--dbt writes two files: name the model file with --out");
  const dbtYaml = dbt && options.out !== undefined ? `${options.out.replace(/\.sql$/i, "")}.yml` : undefined;
  await refuseOutputsOverInputs(
    io,
    [
      ["--out", options.out],
      ["--out (its dbt .yml)", dbtYaml],
    ],
    await ruleInputFiles(io, options.rules),
  );
  const artifact = await loadRulesOption(io, options.rules, setExitCode);
  if (artifact === null) return;
  const explain = options.explain === true;
  const sql = emitSql(artifact, {
    dialect: options.dialect,
    leads: options.leads,
    events: options.events,
    asOf,
    explain,
    dbt,
  });
  if (options.out === undefined) {
    io.stdout(sql);
    return;
  }
  await writeOutputFile(io, options.out, sql);
  io.stderr(
    `wrote ${options.out}: ${options.dialect} SQL for ruleset "${artifact.name}" (${artifact.contentHash})\n`,
  );
  if (dbt) {
    const model = path.basename(options.out).replace(/\.sql$/i, "");
    const yamlFile = `${options.out.replace(/\.sql$/i, "")}.yml`;
    await writeOutputFile(io, yamlFile, emitDbtYaml(artifact, model, explain));
    io.stderr(`wrote ${yamlFile}: the dbt model ${model}\n`);
  }
}
