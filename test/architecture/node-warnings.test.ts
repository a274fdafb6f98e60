import { expect, test } from "vitest";

test("issue 9 item 19: a Node warning fails the test suite (the setup file listens for them)", () => {
  // The setup file's listener is what turns a warning into a failure; without it a warning only prints.
  expect(process.listeners("warning").some((listener) => listener.toString().includes("warnings.push"))).toBe(
    true,
  );
});
