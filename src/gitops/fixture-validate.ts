import { closestName } from "../diagnostics/suggest.js";
import type { Ruleset } from "../run/ruleset.js";
import type { ValidationIssue } from "../run/validate-input.js";

/** More names than this is no longer a suggestion. */
const MOST_SUGGESTED = 3;

/**
 * The ruleset's validation of a lead and its events, as the fixture runner and `leadscore explain` report
 * it: an unknown event type also suggests the types that contain the word written, since a type is often
 * named by its first word (`webinar` for `webinar_attended`), which no spelling distance finds.
 */
export function validateRecords(ruleset: Ruleset, lead: unknown, events: unknown): ValidationIssue[] {
  const issues = ruleset.validate(lead, events);
  const types = ruleset.artifact.schema.events.map((event) => event.name);
  const known = new Set(types.map((type) => type.toLowerCase()));
  return issues.map((issue) => {
    const type = unknownTypeAt(issue.path, events, known);
    if (type === null) return issue;
    const hint = orList(suggestEventTypes(type, types).map((name) => `\`${name}\``));
    return {
      ...issue,
      reason: `unknown event type \`${type}\`${hint === "" ? "" : ` (did you mean ${hint}?)`}`,
    };
  });
}

/** The type written at `events[i].type` when it is text that names no event type of the ruleset. */
function unknownTypeAt(path: string, events: unknown, known: ReadonlySet<string>): string | null {
  const match = /^events\[(\d+)\]\.type$/.exec(path);
  if (match === null || !Array.isArray(events)) return null;
  const event: unknown = events[Number(match[1])];
  const type = event !== null && typeof event === "object" ? (event as { type?: unknown }).type : undefined;
  if (typeof type !== "string") return null;
  const written = type.trim();
  return written === "" || known.has(written.toLowerCase()) ? null : written;
}

/**
 * The event types `name` most likely means, in declaration order: the one a typo away, else those that
 * begin with it (`demo` → `demo_request`) or have a word it spells, or misspells (`webnar` →
 * `webinar_attended`, `click` → `email_click`). None when more than three would do.
 */
export function suggestEventTypes(name: string, types: readonly string[]): string[] {
  const close = closestName(name, types);
  if (close !== undefined) return [close];
  const wanted = name.toLowerCase();
  if (wanted.length < 3) return [];
  const matches = types.filter((type) => {
    const lower = type.toLowerCase();
    return lower.startsWith(wanted) || closestName(wanted, lower.split("_")) !== undefined;
  });
  return matches.length <= MOST_SUGGESTED ? matches : [];
}

/** `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
