/**
 * The ruleset of the Parquet column-type tests (test/batch/parquet-column-types.test.ts, and its `diff`
 * counterpart under test/diff).
 */

/** Every field type, an enum event property, and windows on a lead date and on events. */
export const TYPES_RULES = `
ruleset "types" version 1
lead {
  id: string
  stage: lead | customer
  title: string?
  partner: boolean?
  signed_up: date?
}
event demo_request { channel: web | phone? }
bucket Hot >= 10 -> route sales within 4h
bucket Cold otherwise -> disqualify
model main {
  fit {
    when stage = customer add 1
    when title starts with "VP" add 20
    when partner = false add 4
    when partner is missing add 2
    when signed_up within 30d add 7
  }
  engagement {
    when event = demo_request where channel = web add 50 within 30d
    when event = demo_request add 3 within 30d
  }
}
`;
