/**
 * How values appear in test reports: the way a reviewer wrote them in the fixture file, and actions the
 * way they are written in the rules (`route sales within 4h say "…"`).
 */

const PLAIN_TEXT = /^[^\s"][^"\u0000-\u001F]*$/;
const LOOKS_LIKE_OTHER_TYPE = /^(?:null|true|false|~|[-+]?(?:\d[\d_]*)?\.?\d+(?:e[-+]?\d+)?)$/i;

/** A value from an expectation or a result, on one line. */
export function formatValue(value: unknown, key?: string): string {
  if (key === "actions" && Array.isArray(value)) return formatActions(value);
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return formatText(value);
  return JSON.stringify(value);
}

/** Text bare when it cannot be misread (`Warm`, `job seeker`), quoted otherwise (`"null"`, `""`, `"42"`). */
export function formatText(text: string): string {
  return PLAIN_TEXT.test(text) && !text.endsWith(" ") && !LOOKS_LIKE_OTHER_TYPE.test(text)
    ? text
    : JSON.stringify(text);
}

export function formatActions(actions: readonly unknown[]): string {
  return actions.length === 0 ? "(none)" : actions.map(formatAction).join("; ");
}

/** An action as the rules write it; anything of another shape as JSON, so that nothing is hidden. */
export function formatAction(action: unknown): string {
  if (action === null || typeof action !== "object" || Array.isArray(action)) return JSON.stringify(action);
  const record = action as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => record[key] !== undefined);
  const only = (...allowed: string[]) => keys.every((key) => allowed.includes(key));
  if (typeof record.route === "string" && only("route", "within", "say")) {
    let text = `route ${record.route}`;
    if (typeof record.within === "string") text += ` within ${record.within}`;
    else if (record.within !== undefined) return JSON.stringify(action);
    if (typeof record.say === "string") text += ` say ${JSON.stringify(record.say)}`;
    else if (record.say !== undefined) return JSON.stringify(action);
    return text;
  }
  if (typeof record.nurture === "string" && only("nurture"))
    return `nurture ${JSON.stringify(record.nurture)}`;
  if (record.disqualify === true && only("disqualify")) return "disqualify";
  return JSON.stringify(action);
}

/** Signed points: `+30`, `-1.25`, `0`. */
export function formatPoints(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}
