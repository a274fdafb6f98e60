/**
 * Lead ids numbered in the order they are first met (slot 0, 1, …), held compactly: every id's UTF-8 bytes
 * in one buffer and an open-addressing hash table of (slot, hash) pairs in a typed array — 20 bytes per id
 * besides the id itself, and nothing for the garbage collector to walk. A `Map` of a million id strings
 * costs several times that, on the JavaScript heap.
 *
 * Ids are compared and hashed as bytes, so an id read from a file's bytes needs no string, and one given
 * as a string is encoded once to be looked up. Ids are told apart as text: an id holding a lone UTF-16
 * surrogate (JSON can write one, `"\ud800"`) is encoded as WTF-8 — the surrogate as its own three bytes,
 * which UTF-8 never uses — where UTF-8 would put U+FFFD in its place and meet another lead's id.
 */

const EMPTY = -1;
/** Where ids start is kept in 32 bits. */
const MAX_BYTES = 2 ** 32 - 1;

export class LeadIdTable {
  #bytes = Buffer.allocUnsafe(64 * 1024);
  #used = 0;
  // Slot i's id is #bytes[#starts[i], #starts[i + 1]); #starts[size] is where the next id goes.
  #starts = new Uint32Array(1024);
  // Pairs (slot, hash), EMPTY slot when free: a probe reads the hash beside the slot, in the same cache line.
  #table = new Int32Array(2 * 2048).fill(EMPTY);
  #size = 0;
  #last = -1;
  #scratch = Buffer.allocUnsafe(256);

  /** How many ids. */
  get size(): number {
    return this.#size;
  }

  /** The slot of the id `bytes[start, end)`, numbering it when it is new. */
  add(bytes: Uint8Array, start: number, end: number): number {
    // A file grouped by lead names the same id many times in a row.
    const last = this.#last;
    if (last >= 0 && this.#starts[last + 1]! - this.#starts[last]! === end - start) {
      if (sameBytes(this.#bytes, this.#starts[last]!, bytes, start, end - start)) return last;
    }
    const hash = hashOf(bytes, start, end);
    const found = this.#find(bytes, start, end, hash);
    this.#last = found >= 0 ? this.#table[2 * found]! : this.#insert(bytes, start, end, hash, -found - 1);
    return this.#last;
  }

  /** The slot of an id given as text, numbering it when it is new. */
  addText(id: string): number {
    const length = this.#encode(id);
    return this.add(this.#scratch, 0, length);
  }

  /** The slot of an id given as text, or -1 when the table does not hold it. */
  slotOf(id: string): number {
    const length = this.#encode(id);
    const position = this.#find(this.#scratch, 0, length, hashOf(this.#scratch, 0, length));
    return position >= 0 ? this.#table[2 * position]! : EMPTY;
  }

  /** The id in a slot. */
  idAt(slot: number): string {
    return decodeWtf8(this.#bytes, this.#starts[slot]!, this.#starts[slot + 1]!);
  }

  #encode(id: string): number {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (and in WTF-8).
    if (this.#scratch.length < id.length * 3) this.#scratch = Buffer.allocUnsafe(id.length * 3);
    return SURROGATE.test(id) ? encodeWtf8(id, this.#scratch) : this.#scratch.write(id, 0, "utf8");
  }

  /** The table position holding the id (>= 0), or -(the empty position where it would go) - 1. */
  #find(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const table = this.#table;
    const mask = table.length / 2 - 1;
    const length = end - start;
    for (let position = hash & mask; ; position = (position + 1) & mask) {
      const slot = table[2 * position]!;
      if (slot === EMPTY) return -position - 1;
      if (table[2 * position + 1] !== hash) continue;
      const from = this.#starts[slot]!;
      if (this.#starts[slot + 1]! - from !== length) continue;
      if (sameBytes(this.#bytes, from, bytes, start, length)) return position;
    }
  }

  #insert(bytes: Uint8Array, start: number, end: number, hash: number, position: number): number {
    const slot = this.#size;
    const length = end - start;
    if (this.#used + length > MAX_BYTES) throw new RangeError("too many lead ids: over 4 GiB of them");
    if (this.#used + length > this.#bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.#bytes.length, this.#used + length));
      this.#bytes.copy(grown, 0, 0, this.#used);
      this.#bytes = grown;
    }
    if (bytes instanceof Buffer) bytes.copy(this.#bytes, this.#used, start, end);
    else this.#bytes.set(bytes.subarray(start, end), this.#used);
    this.#used += length;
    if (slot + 2 > this.#starts.length) this.#starts = grow(this.#starts, 2 * this.#starts.length);
    this.#starts[slot + 1] = this.#used;
    this.#size = slot + 1;
    this.#table[2 * position] = slot;
    this.#table[2 * position + 1] = hash;
    // At most half full: probes stay short.
    if (4 * this.#size > this.#table.length) this.#rehash();
    return slot;
  }

  #rehash(): void {
    const old = this.#table;
    const table = new Int32Array(2 * old.length).fill(EMPTY);
    const mask = table.length / 2 - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === EMPTY) continue;
      let position = old[i + 1]! & mask;
      while (table[2 * position] !== EMPTY) position = (position + 1) & mask;
      table[2 * position] = old[i]!;
      table[2 * position + 1] = old[i + 1]!;
    }
    this.#table = table;
  }
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * `text` as WTF-8 into `out` (room for 3 bytes per code unit), returning the length: UTF-8 for every
 * character, a pair of surrogates as the 4 bytes of its code point, a lone surrogate as 3 bytes ED A0–BF xx.
 */
function encodeWtf8(text: string, out: Uint8Array): number {
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code < 0x80) out[at++] = code;
    else if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      out[at++] = 0xe0 | (code >> 12);
      out[at++] = 0x80 | ((code >> 6) & 0x3f);
      out[at++] = 0x80 | (code & 0x3f);
    } else {
      out[at++] = 0xf0 | (code >> 18);
      out[at++] = 0x80 | ((code >> 12) & 0x3f);
      out[at++] = 0x80 | ((code >> 6) & 0x3f);
      out[at++] = 0x80 | (code & 0x3f);
    }
  }
  return at;
}

/** The text of WTF-8 bytes `[start, end)`: UTF-8 decoding, with each lone surrogate's 3 bytes read back. */
function decodeWtf8(bytes: Buffer, start: number, end: number): string {
  let text = "";
  let from = start;
  for (let i = start; i + 2 < end; i++) {
    // ED A0–BF: a surrogate, which only encodeWtf8 writes (UTF-8 has no such bytes).
    if (bytes[i] !== 0xed || bytes[i + 1]! < 0xa0) continue;
    text += bytes.toString("utf8", from, i);
    text += String.fromCharCode(0xd000 | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f));
    i += 2;
    from = i + 1;
  }
  return text + bytes.toString("utf8", from, end);
}

/** FNV-1a over the bytes, then mixed (ids differ mostly in their last bytes; the table uses the low bits). */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

function sameBytes(a: Uint8Array, from: number, b: Uint8Array, start: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[from + i] !== b[start + i]) return false;
  return true;
}

/** A copy of a typed array with room for `length` items. */
export function grow<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(
  array: T,
  length: number,
): T {
  const grown = new (array.constructor as new (length: number) => T)(length);
  grown.set(array);
  return grown;
}
