/**
 * The order leads are listed in: by id, with numbers inside ids compared as numbers (`L2` before `L10`),
 * the rest by code point — never by locale, so every machine prints the same order.
 */

const CHUNK = /(\d+)/;

function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Natural order of two ids; ids without an id (null) come last. Equal ids compare equal. */
export function compareLeadIds(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const left = a.split(CHUNK);
  const right = b.split(CHUNK);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) continue;
    // split() with a capturing group puts digit runs at odd positions.
    const difference = i % 2 === 1 ? compareDigits(x, y) : x < y ? -1 : 1;
    if (difference !== 0) return difference;
  }
  if (left.length !== right.length) return left.length - right.length;
  // Same numbers written differently (`L01`, `L1`): fall back to code points.
  return a < b ? -1 : a > b ? 1 : 0;
}
