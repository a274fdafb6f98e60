import type { ByteSource, ReadItem } from "../../src/io/read-item.js";

/** A byte source that delivers `bytes` in chunks cut at the given offsets (to test every split point). */
export function chunked(bytes: Uint8Array | string, cuts: readonly number[] = []): ByteSource {
  const data = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes);
  const points = [...new Set(cuts.filter((cut) => cut > 0 && cut < data.length))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const point of [...points, data.length]) {
    pieces.push(data.subarray(from, point));
    from = point;
  }
  return (async function* () {
    for (const piece of pieces) yield piece;
  })();
}

export async function collect<T>(items: AsyncIterable<ReadItem<T>>): Promise<ReadItem<T>[]> {
  const all: ReadItem<T>[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Items in a compact form for exact assertions: `[record, line, value]` or `[record, line, "reject: reason"]`. */
export function summarize<T>(items: readonly ReadItem<T>[]): Array<[number, number, T | string]> {
  return items.map((item) =>
    item.kind === "record"
      ? [item.record, item.line, item.value]
      : [item.record, item.line, `reject: ${item.reason}`],
  );
}
