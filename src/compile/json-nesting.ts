/**
 * Lead and event values are flat: a field holds text, a number, a boolean or a timestamp. Values nested
 * far deeper than any record needs (an array 5,000 deep in `title`) would overflow the stack of whatever
 * walks them later — JSON.stringify in a reject line, a validator, a report — so readers and `validate()`
 * refuse them first, with a reason, by walking the value with a stack of its own.
 */
export const MAX_VALUE_DEPTH = 64;

/** The reason a value is refused, or null: nested deeper than `MAX_VALUE_DEPTH`, or holding itself. */
export function nestingProblem(value: unknown, maxDepth = MAX_VALUE_DEPTH): string | null {
  if (value === null || typeof value !== "object") return null;
  if (maxDepth > SHALLOW_LEVELS && isShallow(value, SHALLOW_LEVELS)) return null;
  // Depth-first with explicit exit markers, so that a cycle (possible in objects given to the library) is
  // recognised as the value reaching itself rather than walked forever.
  const stack: Array<{ value: object; depth: number } | "exit"> = [{ value, depth: 1 }];
  const path: object[] = [];
  const onPath = new Set<object>();
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (entry === "exit") {
      onPath.delete(path.pop()!);
      continue;
    }
    if (entry.depth > maxDepth) return `a value is nested more than ${maxDepth} levels deep`;
    if (onPath.has(entry.value)) return "a value contains itself";
    onPath.add(entry.value);
    path.push(entry.value);
    stack.push("exit");
    const children: unknown[] = Array.isArray(entry.value) ? entry.value : Object.values(entry.value);
    for (const child of children) {
      if (child !== null && typeof child === "object") stack.push({ value: child, depth: entry.depth + 1 });
    }
  }
  return null;
}

/**
 * Most records are shallow (a lead's fields; a list of events, each a few scalars): they are judged without
 * allocating anything, by a walk that goes at most this many levels down. A value that holds itself is never
 * shallow, so it always reaches the full walk above.
 */
const SHALLOW_LEVELS = 3;

function isShallow(value: object, levels: number): boolean {
  if (levels === 0) return false;
  if (Array.isArray(value)) {
    for (const child of value) {
      if (child !== null && typeof child === "object" && !isShallow(child, levels - 1)) return false;
    }
    return true;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const child = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === "object" && !isShallow(child, levels - 1)) return false;
  }
  return true;
}
