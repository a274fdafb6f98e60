import type { RegisterCommand } from "./register.js";
import { registerCheck } from "./check.js";
import { registerCompile } from "./compile.js";
import { registerCompletion } from "./completion.js";
import { registerDiff } from "./diff.js";
import { registerExplain } from "./explain.js";
import { registerFixture } from "./fixture.js";
import { registerFmt } from "./fmt.js";
import { registerInit } from "./init.js";
import { registerLsp } from "./lsp.js";
import { registerProfile } from "./profile.js";
import { registerReport } from "./report.js";
import { registerScore } from "./score.js";
import { registerServe } from "./serve.js";
import { registerSigning } from "./signing.js";
import { registerSql } from "./sql.js";
import { registerTest } from "./test.js";
import { registerTune } from "./tune.js";
import { registerWatch } from "./watch.js";

/** Every command, in the order `--help` lists them (register.ts says what registering does). */
export const commands: RegisterCommand[] = [
  registerCheck,
  registerCompile,
  registerFmt,
  registerScore,
  registerExplain,
  registerTest,
  registerWatch,
  registerFixture,
  registerInit,
  registerDiff,
  registerReport,
  registerProfile,
  registerTune,
  registerServe,
  registerSigning,
  registerSql,
  registerLsp,
  registerCompletion,
];
