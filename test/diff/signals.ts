/**
 * A population whose outcome is known by construction, for measuring changes on outcomes: leads of four
 * kinds (a good fit or not, intent or not), 10 of each (times `scale`), of which fit and intent convert
 * 9, fit only 4, intent only 5, neither 1 — so scoring intent ranks converters better.
 */

/** The rules: two signals, and buckets that route on the score; `scoring` is the fit section's rules. */
export function signalsRules(scoring: string): string {
  return `ruleset "signals" version 1

lead {
  id: string
  good_fit: boolean
  intent: boolean
}

grade fit A >= 20, else B
grade engagement 1 >= 20, else 2

bucket Hot >= 25 -> route sales within 4h
bucket Warm >= 10 -> route sales within 48h
bucket Cold otherwise -> nurture "digest"

model main {
  fit {
${scoring}
  }
}
`;
}

export const FIT_ONLY = "    when good_fit = true add 10";
export const FIT_AND_INTENT = "    when good_fit = true add 10\n    when intent = true add 20";

export interface SignalsLead {
  id: string;
  goodFit: boolean;
  intent: boolean;
  converted: boolean;
}

export function signalsLeads(scale = 1): SignalsLead[] {
  const kinds = [
    { goodFit: true, intent: true, converted: 9 * scale },
    { goodFit: true, intent: false, converted: 4 * scale },
    { goodFit: false, intent: true, converted: 5 * scale },
    { goodFit: false, intent: false, converted: 1 * scale },
  ];
  return kinds.flatMap((kind, k) =>
    Array.from({ length: 10 * scale }, (_, i) => ({
      id: `K${k}-${i}`,
      goodFit: kind.goodFit,
      intent: kind.intent,
      converted: i < kind.converted,
    })),
  );
}
