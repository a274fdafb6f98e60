/**
 * Node warnings fail the test that caused them (issue 9 item 19): a MaxListenersExceededWarning is a
 * leaked listener, an unclosed file handle warns when it is collected, a deprecation is a break to
 * come. Loaded before every test file (vitest.config.ts `setupFiles`); a warning is pinned on the test
 * running when it was emitted, or, between tests, on the next one to finish.
 */
import { afterEach } from "vitest";

const warnings: Error[] = [];
process.on("warning", (warning) => {
  warnings.push(warning);
});

afterEach(() => {
  if (warnings.length === 0) return;
  const seen = warnings.splice(0).map((warning) => `${warning.name}: ${warning.message}`);
  throw new Error(`Node warned during this test:\n${seen.join("\n")}`);
});
