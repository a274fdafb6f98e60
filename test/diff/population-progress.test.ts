import { describe, expect, it } from "vitest";
import {
  addPopulationFiles,
  type LoadedPopulation,
  type PopulationProgress,
} from "../../src/diff/population-load.js";
import { chunked } from "../support/read-helpers.js";
import { compileRules } from "./helpers.js";
import { FIT_ONLY, signalsRules } from "./signals.js";

describe("progress while a population is read", () => {
  it("gives grouping an events file by lead on disk its own phase, between reading it and scoring", async () => {
    const rules = compileRules(signalsRules(FIT_ONLY));
    const leads = ["L0", "L1", "L2"].map((id) => JSON.stringify({ id, good_fit: true, intent: false }));
    // More events than are held in memory, in no order: they are grouped by lead on disk.
    const events = Array.from({ length: 60_000 }, (_, i) =>
      JSON.stringify({ lead_id: `L${i % 3}`, type: "email_open", at: "2026-10-01T00:00:00Z" }),
    );
    const files: Record<string, string> = {
      "leads.ndjson": leads.join("\n"),
      "events.ndjson": events.join("\n"),
    };
    const seen: PopulationProgress[] = [];
    const population: LoadedPopulation = { leads: [], sources: [], rejects: [] };
    await addPopulationFiles(
      [{ leads: "leads.ndjson", events: "events.ndjson" }],
      { base: rules, head: rules },
      {
        root: "/nowhere",
        open: (file) => chunked(files[file.slice("/nowhere/".length)]!),
        onProgress: (progress) => void seen.push(progress),
      },
      population,
    );
    // (The signals rules declare no events: the leads are rejected for theirs, which does not matter here.)
    expect(population.sources.map((source) => [source.source, source.read])).toEqual([
      ["events.ndjson", 60_000],
      ["leads.ndjson", 3],
    ]);
    // Each phase once, in order; the grouping from none to all of its bytes.
    const phases = seen.map((progress) => `${progress.phase} ${progress.file}`);
    expect([...new Set(phases)]).toEqual([
      "events events.ndjson",
      "grouping events.ndjson",
      "leads leads.ndjson",
    ]);
    expect(phases.lastIndexOf("events events.ndjson")).toBeLessThan(phases.indexOf("grouping events.ndjson"));
    const grouping = seen.filter((progress) => progress.phase === "grouping");
    const total = grouping[0]!.totalBytes!;
    expect(total).toBeGreaterThan(60_000 * 20);
    expect(grouping.map((progress) => [progress.bytes, progress.totalBytes])).toEqual([
      [0, total],
      [total, total],
      [total, total],
    ]);
    expect(seen.filter((progress) => progress.phase === "events").at(-1)!.records).toBe(60_000);
  });
});
