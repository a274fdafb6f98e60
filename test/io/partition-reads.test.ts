import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PartitionReads } from "../../src/io/partition-reads.js";

const directory = mkdtempSync(path.join(os.tmpdir(), "leadscore-partition-reads-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Two partition files of distinct bytes. */
function partitionFiles(): Array<{ fd: number; bytes: Buffer }> {
  return [300, 77].map((size, index) => {
    const bytes = Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + index * 101) % 256));
    const file = path.join(directory, `part${index}`);
    writeFileSync(file, bytes);
    return { fd: openSync(file, "r"), bytes };
  });
}

describe("PartitionReads", () => {
  it.each([
    ["forward, lead after lead", (ranges: Array<[number, number, number]>) => ranges],
    ["backward", (ranges: Array<[number, number, number]>) => [...ranges].reverse()],
    [
      "in no order",
      (ranges: Array<[number, number, number]>) =>
        ranges
          .map((range, i) => ({ range, key: (i * 37) % 11 }))
          .sort((a, b) => a.key - b.key)
          .map((each) => each.range),
    ],
  ])("gives every range's bytes whatever the order of the reads: %s", (_order, order) => {
    const files = partitionFiles();
    try {
      // Consecutive ranges of both partitions, interleaved; some longer than a block, some gaps.
      const ranges: Array<[number, number, number]> = [];
      for (const [partition, { bytes }] of files.entries()) {
        for (let start = 0, i = 0; start < bytes.length; i++) {
          const length = Math.min(bytes.length - start, [1, 5, 16, 40, 3][i % 5]!);
          if (i % 7 !== 3) ranges.push([partition, start, length]);
          start += length;
        }
      }
      ranges.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
      const reads = new PartitionReads(
        files.map(({ bytes }) => bytes.length),
        16,
      );
      for (const [partition, start, length] of order(ranges)) {
        const { fd, bytes } = files[partition]!;
        reads.read(partition, fd, start, length);
        expect([partition, start, reads.bytes.subarray(reads.at, reads.at + length)]).toEqual([
          partition,
          start,
          bytes.subarray(start, start + length),
        ]);
      }
    } finally {
      for (const { fd } of files) closeSync(fd);
    }
  });
});
