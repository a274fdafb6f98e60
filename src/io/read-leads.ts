import type { Delimiter } from "./input-options.js";
import type { LeadsFormat } from "./leads-format.js";
import { readCsv } from "./read-csv.js";
import type { ByteSource, ReadItem } from "./read-item.js";
import { readNdjson } from "./read-ndjson.js";

/** A lead's `id` as text (trimmed), the key its events and duplicates are found by; null when it has none. */
export function idText(value: unknown): string | null {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? null : trimmed;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** Why a lead's embedded `events` cannot be read as a list of event objects; null when they can. */
export function embeddedEventsProblem(events: unknown): string | null {
  if (events === undefined || events === null) return null;
  if (!Array.isArray(events)) return "`events` must be an array of event objects";
  const index = events.findIndex(
    (event) => event === null || typeof event !== "object" || Array.isArray(event),
  );
  return index === -1 ? null : `events[${index}] must be an event object`;
}

/**
 * Reads a leads file as it is, with no ruleset: every CSV column by its header (the delimiter detected
 * or given), every NDJSON key but `events`. For commands that look at the data itself (`profile`).
 */
export async function* readRawRecords(
  source: ByteSource,
  format: LeadsFormat,
  delimiter: Delimiter | null = null,
): AsyncGenerator<ReadItem<Record<string, unknown>>> {
  if (format === "csv") {
    yield* readCsv(source, { delimiter });
    return;
  }
  for await (const item of readNdjson(source)) {
    if (item.kind === "reject") yield item;
    else {
      const { events: _events, ...fields } = item.value;
      yield { ...item, value: fields };
    }
  }
}
