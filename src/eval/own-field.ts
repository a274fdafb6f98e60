/**
 * Sets a record's field as its own property, whatever its name. A plain assignment to `__proto__` would
 * replace the object's prototype instead (the value then vanishes from the record), so a column named
 * `__proto__` would be dropped from CSV while NDJSON (JSON.parse) keeps it: one rule for every reader.
 */
export function setOwnField(record: Record<string, unknown>, name: string, value: unknown): void {
  if (name === "__proto__") {
    Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[name] = value;
  }
}
