/**
 * The positioned reads of the events store's partition files for lookups (event-store.ts). A partition
 * whose lookups move forward — an events file in the leads' order, or made of exports that each are — is
 * read a block ahead of them: one read serves the next leads too, where a read per lead (a system call
 * each, a million for a million leads) cost more than the bytes it brought. Lookups in any other order
 * read just their own range, as before.
 */
import { readSync } from "node:fs";

/** A partition's block read ahead. */
const AHEAD_BYTES = 64 * 1024;

export class PartitionReads {
  /** The bytes of the last `read`, its range starting at `at`. Valid until the next `read`. */
  bytes: Buffer = Buffer.allocUnsafe(AHEAD_BYTES);
  at = 0;
  /** The buffer of the reads of just a range (grown to the longest lead's events). */
  #exact: Buffer = this.bytes;
  readonly #blocks: Array<Buffer | undefined> = [];
  // Per partition: the file range its block holds, and where its last lookup ended.
  readonly #blockStart: Float64Array;
  readonly #blockEnd: Float64Array;
  readonly #lastEnd: Float64Array;
  readonly #blockBytes: number;
  /** Each partition file's size: a block read ahead stops at its end. */
  readonly #sizes: ArrayLike<number>;

  constructor(sizes: ArrayLike<number>, blockBytes = AHEAD_BYTES) {
    this.#sizes = sizes;
    this.#blockStart = new Float64Array(sizes.length);
    this.#blockEnd = new Float64Array(sizes.length);
    this.#lastEnd = new Float64Array(sizes.length);
    this.#blockBytes = blockBytes;
  }

  /** Reads `length` bytes at `start` of a partition's file (`fd`). */
  read(partition: number, fd: number, start: number, length: number): void {
    const block = this.#blocks[partition];
    const end = start + length;
    if (block !== undefined && start >= this.#blockStart[partition]! && end <= this.#blockEnd[partition]!) {
      this.bytes = block;
      this.at = start - this.#blockStart[partition]!;
      this.#lastEnd[partition] = end;
      return;
    }
    const last = this.#lastEnd[partition]!;
    this.#lastEnd[partition] = end;
    // Moving forward, a little past the last lookup: the next ones are likely just after.
    if (start >= last && start - last <= this.#blockBytes && length <= this.#blockBytes) {
      const ahead = block ?? Buffer.allocUnsafe(this.#blockBytes);
      this.#blocks[partition] = ahead;
      const blockEnd = Math.min(this.#sizes[partition]!, start + this.#blockBytes);
      readFully(fd, ahead, blockEnd - start, start);
      this.#blockStart[partition] = start;
      this.#blockEnd[partition] = blockEnd;
      this.bytes = ahead;
      this.at = 0;
      return;
    }
    if (this.#exact.length < length)
      this.#exact = Buffer.allocUnsafe(Math.max(length, 2 * this.#exact.length));
    readFully(fd, this.#exact, length, start);
    this.bytes = this.#exact;
    this.at = 0;
  }
}

function readFully(fd: number, into: Buffer, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const got = readSync(fd, into, done, length - done, position + done);
    if (got === 0) throw new Error("the events file on disk ended early");
    done += got;
  }
}
