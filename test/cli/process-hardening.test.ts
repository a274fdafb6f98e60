import {
  linkSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { RULES_DIR } from "../support/paths.js";
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
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
  });
});

describe("output files", () => {
  const LEADS = "id,email,title,stage\nL1,a@b.com,CEO,lead\n";
  function workspace(): string {
    const dir = mkdtempSync(path.join(tmpdir(), "leadscore-outputs-"));
    writeFileSync(path.join(dir, "leads.csv"), LEADS);
    return dir;
  }
  const score = (dir: string, ...args: string[]) =>
    runLeadscore(
      ["score", "--rules", RULES_DIR, "--leads", "leads.csv", "--as-of", "2026-11-01T00:00:00Z", ...args],
      dir,
    );

  test("outputs compared by file identity: a symbolic or hard link to an input is refused, the input kept", async () => {
    const dir = workspace();
    symlinkSync("leads.csv", path.join(dir, "soft.ndjson"));
    linkSync(path.join(dir, "leads.csv"), path.join(dir, "hard.ndjson"));
    for (const out of ["soft.ndjson", "hard.ndjson", "./sub/../leads.csv"]) {
      const run = await score(dir, "--out", out);
      expect([run.code, run.stderr]).toEqual([
        2,
        `leadscore: --out \`${out}\` is an input file; choose another file\n`,
      ]);
    }
    expect(readFileSync(path.join(dir, "leads.csv"), "utf8")).toBe(LEADS);
  });

  test("outputs compared by file identity: two outputs in one file are refused", async () => {
    const dir = workspace();
    const run = await score(dir, "--out", "same.json", "--summary", "./same.json");
    expect([run.code, run.stderr]).toEqual([
      2,
      "leadscore: --summary `./same.json` is also --out; give each output its own file\n",
    ]);
  });

  test("atomic outputs: a run that fails midway leaves the previous files as they were, and no temporary file", async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, "results.ndjson"), "previous results\n");
    writeFileSync(path.join(dir, "rejects.ndjson"), "previous rejects\n");
    // The header lacks a required column: found only once reading has begun, after the outputs are open.
    writeFileSync(path.join(dir, "leads.csv"), "id,email\nL1,a@b.com\n");
    const run = await score(dir, "--out", "results.ndjson", "--rejects", "rejects.ndjson");
    expect(run.code).toBe(2);
    expect(readFileSync(path.join(dir, "results.ndjson"), "utf8")).toBe("previous results\n");
    expect(readFileSync(path.join(dir, "rejects.ndjson"), "utf8")).toBe("previous rejects\n");
    expect(readdirSync(dir).sort()).toEqual(["leads.csv", "rejects.ndjson", "results.ndjson"]);
  });

  test("atomic outputs: a complete run replaces the file", async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, "results.ndjson"), "previous results\n");
    expect((await score(dir, "--out", "results.ndjson")).code).toBe(0);
    expect(readFileSync(path.join(dir, "results.ndjson"), "utf8")).toMatch(/^\{"id":"L1"/);
    expect(readdirSync(dir).sort()).toEqual(["leads.csv", "results.ndjson"]);
  });

  test("devices are written in place: --out through a link to /dev/null leaves the link and the device as they were", async () => {
    const dir = workspace();
    symlinkSync("/dev/null", path.join(dir, "sink"));
    const run = await score(dir, "--out", "sink", "--rejects", "/dev/null", "--summary", "sink");
    expect(run.code).toBe(0);
    expect(lstatSync(path.join(dir, "sink")).isSymbolicLink()).toBe(true);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["leads.csv", "sink"]);
  });
});
