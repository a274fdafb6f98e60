import type { LeadsFormat } from "./leads-format.js";
import { readCsv } from "./read-csv.js";
import { shortenRaw, type ByteSource, type ReadItem } from "./read-item.js";
import { readNdjson, type JsonObject } from "./read-ndjson.js";

/**
 * A lead as read from its file, before validation. CSV gives text for every field (coercion turns it into
 * the schema's types); NDJSON gives JSON values and may embed the lead's events.
 */
export type LeadInput =
  | { format: "csv"; fields: Record<string, string> }
  | { format: "ndjson"; fields: JsonObject; events: JsonObject[] };

/** The lead's `id` as text (trimmed), the key its events are filed under; null when it has none. */
export function leadIdOf(input: LeadInput): string | null {
  return idText(input.fields.id);
}

export function idText(value: unknown): string | null {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? null : trimmed;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * Reads a leads file: CSV (header = lead fields) or NDJSON (one lead per line, optionally with an `events`
 * array of event objects). A lead whose `events` is not an array of objects is rejected here; everything
 * else about its values is for validation to judge.
 */
export async function* readLeads(
  source: ByteSource,
  format: LeadsFormat,
): AsyncGenerator<ReadItem<LeadInput>> {
  if (format === "csv") {
    for await (const item of readCsv(source)) {
      yield item.kind === "record" ? { ...item, value: { format: "csv", fields: item.value } } : item;
    }
    return;
  }
  for await (const item of readNdjson(source)) {
    if (item.kind === "reject") {
      yield item;
      continue;
    }
    const { events, ...fields } = item.value;
    const problem = embeddedEventsProblem(events);
    if (problem !== null) {
      yield {
        kind: "reject",
        record: item.record,
        line: item.line,
        reason: problem,
        raw: shortenRaw(JSON.stringify(item.value)),
      };
      continue;
    }
    yield { ...item, value: { format: "ndjson", fields, events: (events ?? []) as JsonObject[] } };
  }
}

function embeddedEventsProblem(events: unknown): string | null {
  if (events === undefined || events === null) return null;
  if (!Array.isArray(events)) return "`events` must be an array of event objects";
  const index = events.findIndex(
    (event) => event === null || typeof event !== "object" || Array.isArray(event),
  );
  return index === -1 ? null : `events[${index}] must be an event object`;
}
