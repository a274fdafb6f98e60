/**
 * Lists that may outgrow memory: the first items stay in memory, the rest go to temporary NDJSON files
 * and are read back as a stream. A command that goes through a whole CRM keeps what it must list (the
 * leads that moved, the records it rejected) without holding a million of them at once.
 *
 * - `SpillList` keeps items in the order they were added.
 * - `SortedSpill` gives them back sorted: runs of up to `runItems` items are sorted in memory and written
 *   to a file each, and reading merges the runs (an external merge sort). Equal items keep the order
 *   they were added in only if the comparison says so (add a sequence number to the items).
 *
 * Writes are synchronous and batched (one write per run or per 64 KiB), so adding is a plain call that a
 * synchronous caller can make; the files are removed by `dispose` (and live in a fresh directory under
 * the system's temporary directory, so nothing is ever written next to the user's files).
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Where a command's spilled lists go: one temporary directory, created on first use, removed at the end. */
export class SpillDirectory {
  #path: string | null = null;
  #files = 0;

  /** A new file name in the directory (the directory is created the first time). */
  newFile(kind: string): string {
    this.#path ??= mkdtempSync(path.join(os.tmpdir(), "leadscore-spill-"));
    this.#files += 1;
    return path.join(this.#path, `${kind}-${this.#files}.ndjson`);
  }

  /** Removes every file written; safe to call more than once. */
  dispose(): void {
    if (this.#path === null) return;
    rmSync(this.#path, { recursive: true, force: true });
    this.#path = null;
  }
}

const WRITE_CHARS = 64 * 1024;

/** Appends lines to a file with synchronous, batched writes. */
class LineFile {
  readonly path: string;
  readonly #fd: number;
  #buffer = "";

  constructor(file: string) {
    this.path = file;
    this.#fd = openSync(file, "wx");
  }

  write(line: string): void {
    this.#buffer += `${line}\n`;
    if (this.#buffer.length >= WRITE_CHARS) this.flush();
  }

  flush(): void {
    if (this.#buffer !== "") writeSync(this.#fd, this.#buffer);
    this.#buffer = "";
  }

  close(): void {
    this.flush();
    closeSync(this.#fd);
  }
}

/**
 * Items of a spill file (one JSON text a line: JSON writes no raw line feed), in file order. Our own files: no line limit (a moved lead can be long). Lines are
 * split on bytes as they stream (a line feed never occurs inside a UTF-8 sequence), so a merge of many
 * runs holds one chunk of each, never a whole run.
 */
async function* readSpillFile<T>(file: string): AsyncGenerator<T> {
  let rest: Buffer | null = null;
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    let bytes = chunk as Buffer;
    if (rest !== null) {
      bytes = Buffer.concat([rest, bytes]);
      rest = null;
    }
    let start = 0;
    for (;;) {
      const newline = bytes.indexOf(10, start);
      if (newline === -1) break;
      if (newline > start) yield JSON.parse(bytes.toString("utf8", start, newline)) as T;
      start = newline + 1;
    }
    if (start < bytes.length) rest = Buffer.from(bytes.subarray(start));
  }
  if (rest !== null && rest.length > 0) yield JSON.parse(rest.toString("utf8")) as T;
}

/** A list in the order items were added: the first `memoryItems` in memory, the rest on disk. */
export class SpillList<T> {
  readonly #memory: T[] = [];
  readonly #memoryItems: number;
  readonly #directory: SpillDirectory;
  readonly #kind: string;
  #file: LineFile | null = null;
  #size = 0;

  constructor(directory: SpillDirectory, kind: string, memoryItems: number) {
    this.#directory = directory;
    this.#kind = kind;
    this.#memoryItems = memoryItems;
  }

  push(item: T): void {
    this.#size += 1;
    if (this.#memory.length < this.#memoryItems) {
      this.#memory.push(item);
      return;
    }
    this.#file ??= new LineFile(this.#directory.newFile(this.#kind));
    this.#file.write(JSON.stringify(item));
  }

  get size(): number {
    return this.#size;
  }

  /** Whether every item is in memory (`head()` is then the whole list). */
  get inMemory(): boolean {
    return this.#file === null;
  }

  /** The items kept in memory: the first ones (all of them when `inMemory`). */
  head(): readonly T[] {
    return this.#memory;
  }

  async *all(): AsyncGenerator<T> {
    yield* this.#memory;
    if (this.#file === null) return;
    this.#file.flush();
    yield* readSpillFile<T>(this.#file.path);
  }

  /** Closes the file (it is removed with its directory). */
  close(): void {
    this.#file?.close();
    this.#file = null;
  }
}

/** A list read back in sorted order: sorted runs on disk, merged when read. */
export class SortedSpill<T> {
  readonly #compare: (a: T, b: T) => number;
  readonly #runItems: number;
  readonly #directory: SpillDirectory;
  readonly #kind: string;
  #memory: T[] = [];
  readonly #runs: string[] = [];
  #size = 0;

  constructor(directory: SpillDirectory, kind: string, compare: (a: T, b: T) => number, runItems: number) {
    this.#directory = directory;
    this.#kind = kind;
    this.#compare = compare;
    this.#runItems = runItems;
  }

  push(item: T): void {
    this.#size += 1;
    this.#memory.push(item);
    if (this.#memory.length >= this.#runItems) this.#writeRun();
  }

  get size(): number {
    return this.#size;
  }

  /** Whether every item is still in memory (then `sorted()` needs no file). */
  get inMemory(): boolean {
    return this.#runs.length === 0;
  }

  /** Every item, sorted, when all are in memory. */
  sorted(): T[] {
    if (!this.inMemory) throw new Error("SortedSpill.sorted: items are on disk; read them with all()");
    return this.#memory.sort(this.#compare);
  }

  #writeRun(): void {
    const file = new LineFile(this.#directory.newFile(this.#kind));
    for (const item of this.#memory.sort(this.#compare)) file.write(JSON.stringify(item));
    file.close();
    this.#runs.push(file.path);
    this.#memory = [];
  }

  /** Every item in sorted order: the runs merged through a heap of their heads (k-way merge). */
  async *all(): AsyncGenerator<T> {
    if (this.inMemory) {
      yield* this.sorted();
      return;
    }
    if (this.#memory.length > 0) this.#writeRun();
    const readers = this.#runs.map((file) => readSpillFile<T>(file));
    try {
      const heap = new RunHeap<T>(this.#compare);
      for (const [run, reader] of readers.entries()) {
        const first = await reader.next();
        if (!first.done) heap.push(first.value, run);
      }
      while (heap.size > 0) {
        const { item, run } = heap.top();
        yield item;
        const next = await readers[run]!.next();
        if (next.done) heap.pop();
        else heap.replaceTop(next.value, run);
      }
    } finally {
      // A reader stopped early (first(n)) closes its files now, not when collected.
      for (const reader of readers) await reader.return(undefined);
    }
  }

  /** The first `n` items in sorted order (reads the runs when they are on disk). */
  async first(n: number): Promise<T[]> {
    if (this.inMemory) return this.sorted().slice(0, n);
    const items: T[] = [];
    if (n <= 0) return items;
    for await (const item of this.all()) {
      items.push(item);
      if (items.length >= n) break;
    }
    return items;
  }
}

/** A binary min-heap of the runs' current items; ties go to the earlier run (a stable merge). */
class RunHeap<T> {
  readonly #items: Array<{ item: T; run: number }> = [];
  readonly #compare: (a: T, b: T) => number;

  constructor(compare: (a: T, b: T) => number) {
    this.#compare = compare;
  }

  get size(): number {
    return this.#items.length;
  }

  top(): { item: T; run: number } {
    return this.#items[0]!;
  }

  push(item: T, run: number): void {
    const items = this.#items;
    items.push({ item, run });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): void {
    const last = this.#items.pop()!;
    if (this.#items.length === 0) return;
    this.#items[0] = last;
    this.#down();
  }

  replaceTop(item: T, run: number): void {
    this.#items[0] = { item, run };
    this.#down();
  }

  #less(a: number, b: number): boolean {
    const x = this.#items[a]!;
    const y = this.#items[b]!;
    const order = this.#compare(x.item, y.item);
    return order < 0 || (order === 0 && x.run < y.run);
  }

  #down(): void {
    const items = this.#items;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && this.#less(left, smallest)) smallest = left;
      if (right < items.length && this.#less(right, smallest)) smallest = right;
      if (smallest === i) return;
      [items[i], items[smallest]] = [items[smallest]!, items[i]!];
      i = smallest;
    }
  }
}
