/**
 * A report as lines, some of which come from the two lists that grow with the population (the moved
 * leads and the rejected records). A renderer describes its document once, as data: fixed lines, and
 * "one or more lines per item of this list" parts. The same description is turned into a string (from
 * the lists the report holds) or written out piece by piece while the lists stream from disk, so a full
 * report of a whole CRM is never one string in memory, and both ways give the same bytes.
 */
import type { LineSink } from "../../io/write-lines.js";
import type { DiffReport, MovedLead, RejectedRecord } from "./model.js";

export type DocumentPart =
  | { kind: "lines"; lines: string[] }
  | { kind: "moved"; lines: (lead: MovedLead, index: number) => string[] }
  | { kind: "rejects"; lines: (reject: RejectedRecord, index: number) => string[] };

/** The two lists in full, read as streams (a population's moved leads and rejects may be on disk). */
export interface ReportLists {
  moved(): AsyncIterable<MovedLead>;
  rejects(): AsyncIterable<RejectedRecord>;
}

/** Builds a document: lines, and per-item parts, in order. */
export class DocumentBuilder {
  readonly #parts: DocumentPart[] = [];
  #lines: string[] = [];

  push(...lines: string[]): void {
    this.#lines.push(...lines);
  }

  /** Lines for every moved lead of the report (rendered from the full list when it streams). */
  eachMoved(lines: (lead: MovedLead, index: number) => string[]): void {
    this.#flush();
    this.#parts.push({ kind: "moved", lines });
  }

  /** Lines for every rejected record of the report. */
  eachReject(lines: (reject: RejectedRecord, index: number) => string[]): void {
    this.#flush();
    this.#parts.push({ kind: "rejects", lines });
  }

  /** The lines pushed since the last list part (a renderer may trim them, e.g. trailing blank lines). */
  get tail(): string[] {
    return this.#lines;
  }

  finish(): DocumentPart[] {
    this.#flush();
    return this.#parts;
  }

  #flush(): void {
    if (this.#lines.length > 0) this.#parts.push({ kind: "lines", lines: this.#lines });
    this.#lines = [];
  }
}

/** The document as one string: every line ends with a line feed; list parts read the report's lists. */
export function documentText(parts: readonly DocumentPart[], report: DiffReport): string {
  const lines: string[] = [];
  for (const part of parts) {
    if (part.kind === "lines") lines.push(...part.lines);
    else if (part.kind === "moved") {
      for (const [i, lead] of report.moved.entries()) lines.push(...part.lines(lead, i));
    } else
      for (const [i, reject] of report.population.rejects.entries()) lines.push(...part.lines(reject, i));
  }
  return `${lines.join("\n")}\n`;
}

/** The document written to `sink` as it is produced, the list parts read from `lists`. */
export async function writeDocument(
  parts: readonly DocumentPart[],
  lists: ReportLists,
  sink: LineSink,
): Promise<void> {
  const write = async (lines: readonly string[]): Promise<void> => {
    if (lines.length === 0) return;
    await sink.write(`${lines.join("\n")}\n`);
  };
  for (const part of parts) {
    let index = 0;
    if (part.kind === "lines") await write(part.lines);
    else if (part.kind === "moved")
      for await (const lead of lists.moved()) await write(part.lines(lead, index++));
    else for await (const reject of lists.rejects()) await write(part.lines(reject, index++));
  }
}
