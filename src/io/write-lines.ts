import type { Writable } from "node:stream";

/**
 * Where output lines go. Writes are batched; `write` returns a promise only when the caller must wait.
 * Lines come as text, or as UTF-8 bytes of whole lines (results a database wrote, never decoded).
 */
export interface LineSink {
  write(text: string | Uint8Array): void | Promise<void>;
  /** Writes what is still buffered and, for streams, ends them; resolves when everything is written. */
  close(): Promise<void>;
}

/** Lines are gathered into chunks of about this size: one write per chunk, not per lead. */
const CHUNK_CHARS = 64 * 1024;

/**
 * A sink over a Node Writable (a file) that respects back-pressure: when the stream's buffer is full,
 * `write` returns a promise that settles on `drain`, so a million leads keep memory flat. A stream error
 * rejects the pending or next write (and `close`).
 */
export function streamSink(stream: Writable): LineSink {
  let buffer = "";
  let failure: Error | null = null;
  stream.on("error", (error) => {
    failure ??= error;
  });

  const flush = (bytes?: Uint8Array): void | Promise<void> => {
    if (failure) throw failure;
    if (buffer === "" && bytes === undefined) return;
    const chunk = buffer;
    buffer = "";
    // Text gathered before the bytes goes first; only the last write's answer tells whether to wait.
    if (chunk !== "" && bytes !== undefined) stream.write(chunk);
    if (stream.write(bytes ?? chunk)) return;
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        stream.off("drain", onDrain);
        stream.off("error", done);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      stream.on("drain", onDrain);
      stream.on("error", done);
    });
  };

  return {
    write(text) {
      if (typeof text !== "string") return flush(text);
      buffer += text;
      return buffer.length >= CHUNK_CHARS ? flush() : undefined;
    },
    async close() {
      await flush();
      await new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        stream.once("error", reject);
        stream.end(() => resolve());
      });
    },
  };
}

/** A sink over a synchronous text writer (the command's stdout or stderr), batched the same way. */
export function textSink(write: (text: string) => void): LineSink {
  let buffer = "";
  const decoder = new TextDecoder();
  return {
    write(text) {
      // Bytes are whole lines, so whole characters: decoded on their own.
      buffer += typeof text === "string" ? text : decoder.decode(text);
      if (buffer.length >= CHUNK_CHARS) {
        write(buffer);
        buffer = "";
      }
    },
    async close() {
      if (buffer !== "") write(buffer);
      buffer = "";
    },
  };
}
