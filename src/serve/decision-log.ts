import { createHash, randomUUID } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { canonicalJson } from "../compile/content-hash.js";
import type { ScoreResult } from "../eval/result.js";

/**
 * The optional decision log: one NDJSON line per scored lead with the decision id, the time, the
 * ruleset's content hash, the result (without contributions) and a hash of the input instead of the
 * input itself. Leads are personal data; the hash proves which input gave which decision without keeping
 * it (score the same input again and compare).
 */
export class DecisionLog {
  readonly #stream: WriteStream;

  constructor(file: string) {
    this.#stream = createWriteStream(file, { flags: "a" });
  }

  write(decisionId: string, rulesetHash: string, input: unknown, result: ScoreResult): void {
    const { contributions: _left, ...decision } = result;
    const line = {
      decisionId,
      time: new Date().toISOString(),
      rulesetHash,
      inputHash: `sha256:${createHash("sha256").update(canonicalJson(input), "utf8").digest("hex")}`,
      result: decision,
    };
    this.#stream.write(`${JSON.stringify(line)}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#stream.end(resolve));
  }
}

export const newDecisionId = (): string => randomUUID();
