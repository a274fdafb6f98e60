import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderDataSet } from "../../examples/data-set.js";
import { generatePopulation, populationLeads } from "../../examples/population.js";
import { PROJECT_ROOT } from "../support/paths.js";
import { runLeadscore } from "../support/run-cli.js";

const DATA_DIR = path.join(PROJECT_ROOT, "examples/data");

describe("example population", () => {
  it("is the same for the same seed, and another for another seed", () => {
    const first = generatePopulation({ seed: 7, leads: 200 });
    expect(generatePopulation({ seed: 7, leads: 200 })).toEqual(first);
    expect(generatePopulation({ seed: 8, leads: 200 }).leads).not.toEqual(first.leads);
  });

  it("draws each lead from its own stream: a smaller population is a prefix of a bigger one", () => {
    const big = generatePopulation({ seed: 3, leads: 300 });
    const small = generatePopulation({ seed: 3, leads: 100 });
    expect(big.leads.slice(0, 100)).toEqual(small.leads);
    expect(big.events.slice(0, small.events.length)).toEqual(small.events);
  });

  it("streams one lead at a time with its events, and scales the number of events", () => {
    const streamed = [...populationLeads({ seed: 5, leads: 50 })];
    const whole = generatePopulation({ seed: 5, leads: 50 });
    expect(streamed.map((entry) => entry.lead)).toEqual(whole.leads);
    expect(streamed.flatMap((entry) => entry.events)).toEqual(whole.events);
    const doubled = generatePopulation({ seed: 5, leads: 50, eventsPerLead: 2 });
    expect(doubled.events.length).toBeGreaterThan(whole.events.length * 1.5);
  });

  it("keeps every event within the 120 days before the as-of time", () => {
    const { events } = generatePopulation({ seed: 11, leads: 500 });
    for (const event of events) {
      expect(event.at >= "2026-07-04T00:00:00Z" && event.at < "2026-11-01T00:00:00Z").toBe(true);
    }
  });
});

describe("examples/data", () => {
  it("is exactly what the generator writes for seed 42 and 1000 leads", () => {
    const files = renderDataSet({ seed: 42, leads: 1000 });
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(path.join(DATA_DIR, name), "utf8"), name).toBe(text);
    }
  });

  it("scores as the README says, and every record is accounted for", async () => {
    const run = await runLeadscore(
      [
        "score",
        "--rules",
        "rules",
        "--leads",
        "examples/data/leads.csv",
        "--events",
        "examples/data/events.ndjson",
        "--as-of",
        "2026-11-01T00:00:00Z",
        "--format",
        "csv",
      ],
      PROJECT_ROOT,
    );
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(1 + 994);
    const readme = readFileSync(path.join(PROJECT_ROOT, "examples/README.md"), "utf8");
    const summary = run.stderr.split("\n").slice(0, 4).join("\n");
    expect(readme).toContain(summary);
    expect(run.stderr).toContain("rejects (first 5 of 9; keep them all with --rejects <file>):");
  });

  it("has the same leads, scored alike, in the NDJSON file with embedded events", async () => {
    const scoreFile = (leads: string, events: string[]) =>
      runLeadscore(
        // The outcome is named, so that neither file has a key or column the rules do not read.
        [
          "score",
          "--rules",
          "rules",
          "--leads",
          leads,
          ...events,
          "--as-of",
          "2026-11-01T00:00:00Z",
          "--outcome",
          "converted",
        ],
        PROJECT_ROOT,
      );
    const fromCsv = await scoreFile("examples/data/leads.csv", ["--events", "examples/data/events.ndjson"]);
    const fromNdjson = await scoreFile("examples/data/leads.ndjson", []);
    // Buckets, exclusions and conversion; the events line and the rejects are the CSV run's own.
    const summaryOf = (stderr: string) => {
      const lines = stderr.split("\n").slice(1);
      return lines
        .slice(
          0,
          lines.findIndex((line) => line.startsWith("  rejects")),
        )
        .filter((line) => !line.startsWith("  events:"));
    };
    expect(summaryOf(fromNdjson.stderr)).toEqual(summaryOf(fromCsv.stderr));
    const scores = (stdout: string) =>
      stdout
        .trimEnd()
        .split("\n")
        .map((line) => {
          const { id, score, bucket } = JSON.parse(line) as {
            id: string;
            score: number;
            bucket: string | null;
          };
          return `${id} ${score} ${bucket}`;
        });
    expect(scores(fromNdjson.stdout)).toEqual(scores(fromCsv.stdout));
  });
});
