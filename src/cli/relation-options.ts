import { relationProblem } from "../sql/emit.js";
import { UsageError } from "./exit-codes.js";

/**
 * The options of a command that name relations (`--leads-table`, `--into`, `sql --leads`…), each checked
 * by relationProblem and refused as bad usage naming its flag; options not given are skipped.
 */
export function refuseBadRelations(
  relations: ReadonlyArray<readonly [flag: string, name: string | undefined]>,
  options: Parameters<typeof relationProblem>[1],
): void {
  for (const [flag, name] of relations) {
    const problem = name === undefined ? null : relationProblem(name, options);
    if (problem !== null) throw new UsageError(`${flag}: ${problem}`);
  }
}
