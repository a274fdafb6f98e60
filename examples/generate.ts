/**
 * Writes the example data set: `npx tsx examples/generate.ts --seed 42 --leads 1000 --out examples/data`.
 * See examples/README.md for what the files hold; `data-set.ts` renders them, this only writes them.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { renderDataSet } from "./data-set.js";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "42" },
    leads: { type: "string", default: "1000" },
    out: { type: "string", default: "examples/data" },
  },
});
const seed = Number(values.seed);
const leads = Number(values.leads);
if (!Number.isInteger(seed) || !Number.isInteger(leads) || leads < 1) {
  process.stderr.write("usage: npx tsx examples/generate.ts --seed <integer> --leads <count> --out <dir>\n");
  process.exitCode = 2;
} else {
  const files = renderDataSet({ seed, leads });
  mkdirSync(path.resolve(values.out), { recursive: true });
  for (const [name, text] of Object.entries(files))
    writeFileSync(path.join(path.resolve(values.out), name), text);
  process.stderr.write(
    `wrote ${Object.keys(files).join(", ")} to ${values.out}: ${leads} leads, seed ${seed}\n`,
  );
}
