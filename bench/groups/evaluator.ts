/**
 * Evaluator on the reference ruleset, in one run: our evaluator (`ruleset.score`), the same rules written
 * by hand (bench/handwritten-acme.ts, the ceiling) and json-rules-engine on the fit rules
 * (bench/jre-acme-fit.ts). The hand-written function and the engine are first checked to give the same
 * answers as the evaluator on 10,000 generated leads; nothing is timed unless they do.
 *
 * Three workloads over leads from examples/population.ts: fit only (no events, the same leads for all
 * three contenders), the population as generated (about 6 events per lead) and a heavier population
 * with 20 events per lead on average.
 */
import { populationLeads, POPULATION_AS_OF } from "../../examples/population.js";
import type { ScoringEvent } from "../../src/eval/event-index.js";
import { loadDist, RULES, type CompileModule, type RulesetModule } from "../dist.js";
import { scoreAcme, type HandEvent, type HandResult } from "../handwritten-acme.js";
import {
  cpuMedianOf,
  formatRate,
  formatRatio,
  formatMs,
  goal,
  interleave,
  medianOf,
  progress,
  rateOf,
  spreadOf,
  table,
  type Contender,
  type Timing,
} from "../harness.js";
import { createJreFit } from "../jre-acme-fit.js";
import type { BenchContext, GroupResult } from "./context.js";

interface Entry {
  lead: Readonly<Record<string, unknown>>;
  events: readonly ScoringEvent[];
}

const SEED = 20261101;
const NO_EVENTS: readonly ScoringEvent[] = Object.freeze([]);
const NO_HAND_EVENTS: readonly HandEvent[] = Object.freeze([]);

/** Keeps results alive so that no work can be optimised away. */
let sink = 0;

function draw(leads: number, eventsPerLead: number, offset = 0): Entry[] {
  const entries: Entry[] = [];
  for (const { lead, events } of populationLeads({ seed: SEED + offset, leads, eventsPerLead })) {
    entries.push({ lead: lead as unknown as Entry["lead"], events: events as unknown as ScoringEvent[] });
  }
  return entries;
}

function meanEvents(entries: readonly Entry[]): number {
  return entries.reduce((sum, entry) => sum + entry.events.length, 0) / entries.length;
}

/** The population scale that gives `target` events per lead on average (events grow linearly with it). */
function scaleFor(target: number): number {
  const one = meanEvents(draw(2000, 1, 99));
  const two = meanEvents(draw(2000, 2, 99));
  const perScale = two - one;
  return (target - (one - perScale)) / perScale;
}

export async function runEvaluator(context: BenchContext): Promise<GroupResult> {
  const { compileDirectory } = await loadDist<CompileModule>("compile/compile-ruleset.js");
  const { createRuleset } = await loadDist<RulesetModule>("eval/ruleset.js");
  const compiled = await compileDirectory(RULES, { displayPrefix: "rules" });
  if (compiled.artifact === null) throw new Error("the reference rules do not compile");
  const ruleset = createRuleset(compiled.artifact);
  const asOf = POPULATION_AS_OF;
  const asOfMs = Date.parse(POPULATION_AS_OF);
  const options = { asOf };
  const jre = createJreFit();

  // --- Agreement, before any timing.
  const sample = draw(10_000, 1, 7);
  let handAgrees = 0;
  let handFitOnlyAgrees = 0;
  let jreAgrees = 0;
  const disagreements: string[] = [];
  for (const { lead, events } of sample) {
    const ours = ruleset.score(lead, events, options);
    const hand = scoreAcme(lead, events as unknown as HandEvent[], asOfMs);
    if (same(ours, hand)) handAgrees++;
    else if (disagreements.length < 3) disagreements.push(describe(lead, ours, hand));
    const oursFit = ruleset.score(lead, NO_EVENTS, options);
    if (same(oursFit, scoreAcme(lead, NO_HAND_EVENTS, asOfMs))) handFitOnlyAgrees++;
    else if (disagreements.length < 3)
      disagreements.push(describe(lead, oursFit, scoreAcme(lead, NO_HAND_EVENTS, asOfMs)));
    const jreFit = await jre.fit(lead);
    if (jreFit === oursFit.fit) jreAgrees++;
    else if (disagreements.length < 3)
      disagreements.push(`${String(lead.id)}: fit ${oursFit.fit} vs engine ${jreFit}`);
  }
  const agreement = [
    `Agreement on ${sample.length.toLocaleString("en-US")} generated leads (seed ${SEED + 7}), before timing:`,
    `  hand-written vs evaluator, with events: ${handAgrees}/${sample.length} identical ` +
      "(model, fit, engagement, score, grade, bucket, excluded, actions)",
    `  hand-written vs evaluator, no events:   ${handFitOnlyAgrees}/${sample.length} identical`,
    `  json-rules-engine fit vs evaluator fit: ${jreAgrees}/${sample.length} identical`,
  ];
  if (disagreements.length > 0) {
    throw new Error(
      `the contenders disagree with the evaluator:\n${agreement.join("\n")}\n${disagreements.join("\n")}`,
    );
  }

  // --- Workloads.
  const quick = context.quick;
  const fitLeads = draw(quick ? 20_000 : 200_000, 1).map((entry) => entry.lead);
  const jreLeads = fitLeads.slice(0, quick ? 1_000 : 4_000);
  const population = draw(quick ? 20_000 : 100_000, 1);
  const heavyScale = scaleFor(20);
  const heavy = draw(quick ? 5_000 : 30_000, heavyScale, 1);
  progress(
    `evaluator: ${fitLeads.length} fit-only leads, ${population.length} leads × ${meanEvents(population).toFixed(1)} events, ` +
      `${heavy.length} leads × ${meanEvents(heavy).toFixed(1)} events`,
  );

  const scoreAll = (entries: readonly Entry[]) => () => {
    for (let i = 0; i < entries.length; i++) {
      const result = ruleset.score(entries[i]!.lead, entries[i]!.events, options);
      sink += result.score ?? 0;
    }
    return entries.length;
  };
  const handAll = (entries: readonly Entry[]) => () => {
    for (let i = 0; i < entries.length; i++) {
      sink += scoreAcme(entries[i]!.lead, entries[i]!.events as unknown as HandEvent[], asOfMs).score;
    }
    return entries.length;
  };
  const contenders: Contender[] = [
    {
      name: "fit-only: evaluator",
      run: () => {
        for (let i = 0; i < fitLeads.length; i++)
          sink += ruleset.score(fitLeads[i]!, NO_EVENTS, options).score ?? 0;
        return fitLeads.length;
      },
    },
    {
      name: "fit-only: hand-written",
      run: () => {
        for (let i = 0; i < fitLeads.length; i++)
          sink += scoreAcme(fitLeads[i]!, NO_HAND_EVENTS, asOfMs).score;
        return fitLeads.length;
      },
    },
    {
      name: "fit-only: json-rules-engine",
      run: async () => {
        for (let i = 0; i < jreLeads.length; i++) sink += await jre.fit(jreLeads[i]!);
        return jreLeads.length;
      },
    },
    {
      name: `population (${meanEvents(population).toFixed(1)} ev/lead): evaluator`,
      run: scoreAll(population),
    },
    {
      name: `population (${meanEvents(population).toFixed(1)} ev/lead): hand-written`,
      run: handAll(population),
    },
    { name: `${meanEvents(heavy).toFixed(1)} events/lead: evaluator`, run: scoreAll(heavy) },
    { name: `${meanEvents(heavy).toFixed(1)} events/lead: hand-written`, run: handAll(heavy) },
  ];
  const timings = await interleave(contenders, {
    warmup: quick ? 1 : 3,
    rounds: quick ? 3 : 9,
    onRound: (round) => progress(`  round ${round}`),
  });
  const [evalFit, handFit, jreFit, evalPop, handPop, evalHeavy, handHeavy] = timings as [
    Timing,
    Timing,
    Timing,
    Timing,
    Timing,
    Timing,
    Timing,
  ];

  const cpuRate = (timing: Timing) => (timing.units * 1000) / cpuMedianOf(timing);
  const row = (timing: Timing, versus: string) => [
    timing.name,
    timing.units.toLocaleString("en-US"),
    formatMs(medianOf(timing)),
    spreadOf(timing),
    formatRate(rateOf(timing)),
    formatRate(cpuRate(timing)),
    versus,
  ];
  const slower = (ours: Timing, ceiling: Timing) =>
    `evaluator takes ${formatRatio(rateOf(ceiling) / rateOf(ours))} its time`;
  const rows = [
    row(evalFit, ""),
    row(handFit, slower(evalFit, handFit)),
    row(jreFit, `evaluator is ${formatRatio(rateOf(evalFit) / rateOf(jreFit))} faster`),
    row(evalPop, ""),
    row(handPop, slower(evalPop, handPop)),
    row(evalHeavy, ""),
    row(handHeavy, slower(evalHeavy, handHeavy)),
  ];

  const jreRatio = rateOf(evalFit) / rateOf(jreFit);
  const handRatios = [
    rateOf(handFit) / rateOf(evalFit),
    rateOf(handPop) / rateOf(evalPop),
    rateOf(handHeavy) / rateOf(evalHeavy),
  ];
  const worstHand = Math.max(...handRatios);
  const lines = [
    ...agreement,
    "",
    `${evalFit.rounds.length} rounds after warm-up; the seven contenders interleaved in each round; single thread.`,
    "leads/s from the median wall-clock round; cpu leads/s from the median process CPU time of a round.",
    "",
    table(["contender", "leads", "median", "min–max", "leads/s", "cpu leads/s", "evaluator vs this"], rows),
    "",
    goal("≥ 100× json-rules-engine (fit only)", jreRatio >= 100, `${formatRatio(jreRatio)}`),
    goal(
      "within 1.5× of the hand-written function",
      worstHand <= 1.5,
      `hand-written is ${handRatios.map((ratio) => formatRatio(ratio)).join(" / ")} faster (fit-only / population / 20 events)`,
    ),
    // Per core = per CPU second: on a shared machine the wall clock also counts waiting for a core.
    goal(
      "≥ 2M leads/s/core fit-only",
      cpuRate(evalFit) >= 2e6,
      `${formatRate(cpuRate(evalFit))} per CPU second (wall clock: ${formatRate(rateOf(evalFit))})`,
    ),
    goal(
      `≥ 300k leads/s/core with 20 events per lead`,
      cpuRate(evalHeavy) >= 3e5,
      `${formatRate(cpuRate(evalHeavy))} per CPU second at ${meanEvents(heavy).toFixed(1)} events/lead (wall clock: ${formatRate(rateOf(evalHeavy))})`,
    ),
    `  (checksum ${sink.toFixed(0)})`,
  ];
  return { title: "3. Evaluator: reference ruleset, evaluator vs hand-written vs json-rules-engine", lines };
}

function same(
  ours: ReturnType<import("../../src/eval/ruleset.js").Ruleset["score"]>,
  hand: HandResult,
): boolean {
  return (
    ours.id === hand.id &&
    ours.model === hand.model &&
    ours.fit === hand.fit &&
    ours.engagement === hand.engagement &&
    ours.score === hand.score &&
    ours.grade === hand.grade &&
    ours.bucket === hand.bucket &&
    ours.excluded === hand.excluded &&
    JSON.stringify(ours.actions) === JSON.stringify(hand.actions)
  );
}

function describe(lead: unknown, ours: unknown, hand: unknown): string {
  const { contributions: _contributions, ...shown } = ours as Record<string, unknown>;
  return `${JSON.stringify(lead)}\n  evaluator:    ${JSON.stringify(shown)}\n  hand-written: ${JSON.stringify(hand)}`;
}
