/**
 * What changed in `leadscore.yaml` between the two sides. Each side reads its own configuration (the
 * base's from git at the base revision), so a pull request that changes the rules directory, the
 * fixtures, the population, its reading options or `as_of` is compared against the base as it was — and
 * the reviewer is told the configuration changed, key by key. Keys are compared by value, whatever their
 * layout in the file; keys a later version adds are compared the same way.
 */
import { parse } from "yaml";
import { canonicalJson } from "../compile/hash.js";
import type { ChangeDetail, RuleChange } from "./rules.js";

const CONFIG_FILE = "leadscore.yaml";

/** The configuration's top-level values; an empty object for a missing or unreadable file. */
function valuesOf(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  try {
    const value: unknown = parse(text, { maxAliasCount: 100 });
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function shown(value: unknown): string | null {
  if (value === undefined) return null;
  return typeof value === "string" ? value : canonicalJson(value);
}

/** The configuration change as one change of the report, or null when both sides say the same. */
export function diffConfig(base: string | null, head: string | null): RuleChange | null {
  const before = valuesOf(base);
  const after = valuesOf(head);
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  const details: ChangeDetail[] = [];
  for (const key of keys) {
    const b = shown(before[key]);
    const a = shown(after[key]);
    if (b !== a) details.push({ what: key, before: b, after: a });
  }
  if (details.length === 0) return null;
  return {
    subject: "config",
    change: base === null ? "added" : head === null ? "removed" : "changed",
    model: null,
    section: null,
    name: CONFIG_FILE,
    before: null,
    after: null,
    details,
    loc: null,
    key: "config",
  };
}
