import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

export const CASES_DIR = path.resolve(import.meta.dirname, "../cases");

/** The data-only test cases of one topic (`test/cases/<topic>/*.yaml`), in name order. */
export function loadCases<T>(topic: string): Array<{ name: string; data: T }> {
  const dir = path.join(CASES_DIR, topic);
  return readdirSync(dir)
    .filter((file) => file.endsWith(".yaml"))
    .sort()
    .map((file) => ({
      name: file.replace(/\.yaml$/, ""),
      data: parse(readFileSync(path.join(dir, file), "utf8")) as T,
    }));
}
