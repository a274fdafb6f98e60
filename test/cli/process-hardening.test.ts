import { describe, expect, test } from "vitest";
import type { CommandIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/program.js";
import { runLeadscore } from "../support/run-cli.js";

/** An IO whose stdout fails as a bug would: the error reaches runCli unexpected. */
function brokenIO(): { io: CommandIO; stderr: () => string } {
  let stderr = "";
  const io: CommandIO = {
    stdout: () => {
      throw new Error("unexpected failure\nsecond line of the message");
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: false,
    cwd: process.cwd(),
  };
  return { io, stderr: () => stderr };
}

describe("internal errors", () => {
  test("internal errors exit 70 with one line asking for a report, no stack", async () => {
    const { io, stderr } = brokenIO();
    expect(await runCli(["--version"], io)).toBe(70);
    expect(stderr()).toBe(
      "leadscore: internal error: unexpected failure (a bug in leadscore: please report it with the command that ran; --debug shows the details)\n",
    );
  });

  test("internal errors show their stack with --debug", async () => {
    const { io, stderr } = brokenIO();
    expect(await runCli(["--version", "--debug"], io)).toBe(70);
    const [first, second, third] = stderr().split("\n");
    expect(first).toBe(
      "leadscore: internal error: unexpected failure (a bug in leadscore: please report it with the command that ran)",
    );
    expect([second, third]).toEqual(["Error: unexpected failure", "second line of the message"]);
  });
});

describe("terminal escapes", () => {
  test("terminal escapes in data reach stderr escaped, never as control characters", async () => {
    const run = await runLeadscore(["check", "no-such-\u001b]0;owned\u0007\u202Edir"], process.cwd());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no-such-\\x1b]0;owned\\x07\\u202edir");
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
  });
});
