/**
 * Which construct of the base ruleset is "the same" as which construct of the head ruleset, decided in
 * passes from the strictest likeness to the loosest: a first pass pairs what is unchanged (or has the
 * same name), later passes pair what is left by a looser likeness (the same condition with other points,
 * a bucket with another name but the same definition). Position never decides a pair, so inserting,
 * deleting or reordering constructs pairs every untouched one with itself.
 */

/** A likeness: equal non-null strings pair two items. */
export type Likeness<T> = (item: T) => string | null;

export interface Pairs<T> {
  /** Paired items, in head order. */
  both: Array<[T, T]>;
  /** Base items paired with nothing, in base order. */
  removed: T[];
  /** Head items paired with nothing, in head order. */
  added: T[];
}

/**
 * Pairs base items with head items, pass by pass. Within a pass, items with equal likeness pair in their
 * order on each side (the first base item with the first head item, …), so duplicates pair one to one.
 */
export function pairInPasses<T>(
  base: readonly T[],
  head: readonly T[],
  passes: ReadonlyArray<Likeness<T>>,
): Pairs<T> {
  const headPartner = new Array<number>(head.length).fill(-1);
  const basePaired = new Array<boolean>(base.length).fill(false);
  for (const likeness of passes) {
    const waiting = new Map<string, number[]>();
    base.forEach((item, index) => {
      if (basePaired[index]) return;
      const key = likeness(item);
      if (key === null) return;
      const queue = waiting.get(key);
      if (queue === undefined) waiting.set(key, [index]);
      else queue.push(index);
    });
    head.forEach((item, index) => {
      if (headPartner[index] !== -1) return;
      const key = likeness(item);
      const partner = key === null ? undefined : waiting.get(key)?.shift();
      if (partner === undefined) return;
      headPartner[index] = partner;
      basePaired[partner] = true;
    });
  }
  const both: Array<[T, T]> = [];
  const added: T[] = [];
  head.forEach((item, index) => {
    const partner = headPartner[index]!;
    if (partner === -1) added.push(item);
    else both.push([base[partner]!, item]);
  });
  return { both, removed: base.filter((_item, index) => !basePaired[index]), added };
}
