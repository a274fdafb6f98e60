/**
 * Lead files for the command-line benchmarks: the population (examples/population.ts) as NDJSON, one lead
 * per line with its events embedded, streamed to disk so that memory stays flat however many leads.
 */
import { createReadStream, createWriteStream, rmSync, type WriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { populationLeads } from "../examples/population.js";
import { progress } from "./harness.js";

/**
 * Writes every size's file in one pass over the population (each file is a prefix of the next); returns
 * the number of events in the largest.
 */
export async function writeLeadFiles(
  seed: number,
  sizes: readonly number[],
  files: readonly string[],
): Promise<number> {
  const streams = files.map((file) => createWriteStream(file));
  let failure: Error | null = null;
  for (const stream of streams) stream.on("error", (error) => (failure ??= error));
  const largest = Math.max(...sizes);
  let chunk: string[] = [];
  let index = 0;
  let events = 0;
  const flush = async () => {
    const text = chunk.join("");
    chunk = [];
    const open = streams.filter((_, i) => index <= sizes[i]!);
    await Promise.all(open.map((stream) => write(stream, text)));
    if (failure !== null) throw failure;
  };
  for (const entry of populationLeads({ seed, leads: largest })) {
    events += entry.events.length;
    const embedded = entry.events.map(({ lead_id: _leadId, ...event }) => event);
    chunk.push(`${JSON.stringify({ ...entry.lead, events: embedded })}\n`);
    index++;
    // Sizes are multiples of the chunk, so each file gets exactly its prefix.
    if (index % 1000 === 0) await flush();
    if (index % 100_000 === 0) progress(`    ${index.toLocaleString("en-US")} leads written`);
  }
  if (chunk.length > 0) await flush();
  await Promise.all(streams.map((stream) => finished(stream.end())));
  return events;
}

/** Writes and waits for the stream to drain when its buffer is full (errors are collected by the caller). */
function write(stream: WriteStream, text: string | Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once("drain", resolve);
  });
}

/** Parts the events are dealt into before they are joined into one file: no lead's events stay together. */
const EVENT_PARTS = 16;

/**
 * The population as two files, as CRM exports give them: leads without events (NDJSON), and an events
 * file (`lead_id` on every event) in an order unrelated to the leads — each lead's events are dealt into
 * 16 parts by position, and the parts concatenated — or, `grouped`, each lead's events together in the
 * leads' order. Returns the number of events.
 */
export async function writeSplitFiles(
  seed: number,
  size: number,
  leadsFile: string,
  eventsFile: string,
  order: "any" | "grouped" = "any",
): Promise<number> {
  const partFiles = Array.from(
    { length: order === "grouped" ? 1 : EVENT_PARTS },
    (_, i) => `${eventsFile}.part${i}`,
  );
  const leads = createWriteStream(leadsFile);
  const parts = partFiles.map((file) => createWriteStream(file));
  let index = 0;
  let events = 0;
  for (const entry of populationLeads({ seed, leads: size })) {
    await write(leads, `${JSON.stringify(entry.lead)}\n`);
    for (const [j, event] of entry.events.entries()) {
      await write(parts[(index * 31 + j * 7) % parts.length]!, `${JSON.stringify(event)}\n`);
      events++;
    }
    index++;
    if (index % 100_000 === 0) progress(`    ${index.toLocaleString("en-US")} leads written`);
  }
  await Promise.all([leads, ...parts].map((stream) => finished(stream.end())));
  const joined = createWriteStream(eventsFile);
  for (const file of partFiles) {
    for await (const chunk of createReadStream(file)) await write(joined, chunk as Buffer);
    rmSync(file);
  }
  await finished(joined.end());
  return events;
}
