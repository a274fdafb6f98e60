/**
 * The CLI contract: 0 success, 1 the rules or tests fail, 2 bad usage or unreadable input, 70 an internal
 * error (a bug in leadscore: sysexits' EX_SOFTWARE), so that CI can tell a broken tool from broken rules.
 */
export const ExitCode = {
  Ok: 0,
  Failed: 1,
  Usage: 2,
  Internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Thrown inside a command for bad usage or unreadable input; main prints the message and exits 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
