import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair } from "yaml";
import type { FixturePath, FixturePosition } from "./fixture-types.js";

/** Small helpers over the `yaml` package's nodes, so that every value keeps the place it was written. */

export function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

export function startOf(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : 0;
}

export function positionAt(lineCounter: LineCounter, offset: number): FixturePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** The pairs of a map node, by key name, in source order. */
export function pairsOf(node: unknown): Pair[] {
  return isMap(node) ? (node.items as Pair[]) : [];
}

/**
 * The offset of the deepest node along `path` below `node`: a map entry is located at its key (the field
 * the message is about), a list item at its start.
 */
export function locateOffset(node: Node, path: FixturePath): number {
  let current: unknown = node;
  let offset = startOf(node);
  for (const segment of path) {
    if (isMap(current)) {
      const pair = (current.items as Pair[]).find((item) => keyName(item) === String(segment));
      if (!pair) break;
      offset = startOf(pair.key);
      current = pair.value;
    } else if (isSeq(current) && typeof segment === "number") {
      const item = current.items[segment];
      if (item === undefined) break;
      offset = startOf(item);
      current = item;
    } else {
      break;
    }
  }
  return offset;
}
