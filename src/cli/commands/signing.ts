import type { Command } from "commander";
import type { RegisterCommand } from "./register.js";
import type { KeygenOptions, SignOptions, VerifyOptions } from "./signing-action.js";

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `leadscore keygen`, `sign` and `verify`: signed rulesets for `leadscore serve`. */
export const registerSigning: RegisterCommand = (program: Command, io, setExitCode) => {
  program
    .command("keygen")
    .description("Create an Ed25519 key pair for signing compiled rulesets.")
    .option("--out-dir <dir>", "where to write the keys", ".")
    .option("--name <name>", "file name prefix: <name>.private.pem and <name>.public.pem", "leadscore")
    .addHelpText(
      "after",
      "\nKeep the private key secret (a CI secret); give the public key to every `leadscore serve --key`.\nThe key id printed is the key's JWK thumbprint: signatures name it.",
    )
    .action(async (options: KeygenOptions) => {
      const { runKeygen } = await import("./signing-action.js");
      await runKeygen(io, options);
    });
  program
    .command("sign")
    .description("Sign a compiled ruleset: a detached JWS over its content hash, written to <ruleset>.sig.")
    .argument("<ruleset>", "the compiled artifact (.json)")
    .requiredOption(
      "--key <file>",
      "the private key (PEM; LEADSCORE_SIGNING_KEY holds it inline instead when the file is -)",
    )
    .option("-o, --out <file>", "where to write the signature (default <ruleset>.sig)")
    .action(async (ruleset: string, options: SignOptions) => {
      const { runSign } = await import("./signing-action.js");
      await runSign(io, ruleset, options, setExitCode);
    });
  program
    .command("verify")
    .description("Check a compiled ruleset and its signature against public keys, as `leadscore serve` does.")
    .argument("<ruleset>", "the compiled artifact (.json)")
    .requiredOption("--key <file>", "a public key (PEM); repeat for several", collect, [])
    .option("--signature <file>", "the signature (default <ruleset>.sig)")
    .option("--json", "print the outcome as JSON")
    .action(async (ruleset: string, options: VerifyOptions) => {
      const { runVerify } = await import("./signing-action.js");
      await runVerify(io, ruleset, options, setExitCode);
    });
};
