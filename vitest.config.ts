import { defineConfig } from "vitest/config";

/** Where CI keeps the machine-readable results, to print the closing `N passed, N failed` line. */
export const CI_RESULTS_FILE = "node_modules/.cache/leadscore/vitest-results.json";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Node warnings (leaked listeners or handles, deprecations) fail the test that caused them.
    setupFiles: ["test/support/node-warnings.ts"],
    testTimeout: 30_000,
    reporters: process.env.CI === "true" ? ["default", "json"] : ["default"],
    outputFile: { json: CI_RESULTS_FILE },
  },
});
