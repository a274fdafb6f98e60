/**
 * The FIT rules of the reference ruleset in json-rules-engine 7, as someone would write them there: the
 * lead's fields are the facts, each fit rule is one engine rule whose event carries its points, and the
 * lead's fit is the sum of the points of the events that fired. Model choice is a shared named condition
 * per model (`customer`, `enterprise`, `smb`), referenced by that model's rules.
 *
 * To give the same answers, the engine gets what the language does for free: the facts are the lead's
 * text fields trimmed and lowercased (strings compare case-insensitively), text tests are custom operators,
 * and a missing value never satisfies a condition (`not in` and the default model's "not enterprise" are
 * written out with presence checks), as SQL's three-valued logic requires.
 */
import { Engine, type NestedCondition, type RuleProperties, type TopLevelCondition } from "json-rules-engine";

const TARGET_COUNTRIES = ["us", "ca", "gb", "de", "fr", "nl"];

type Condition = NestedCondition;

const has = (fact: string): Condition => ({ fact, operator: "isPresent", value: true });
const missing = (fact: string): Condition => ({ fact, operator: "isMissing", value: true });
const is = (fact: string, value: string): Condition => ({ fact, operator: "equal", value });
const oneOf = (fact: string, value: string[]): Condition => ({ fact, operator: "in", value });
const atLeast = (fact: string, value: number): Condition => ({
  fact,
  operator: "greaterThanInclusive",
  value,
});
const below = (fact: string, value: number): Condition => ({ fact, operator: "lessThan", value });
const atMost = (fact: string, value: number): Condition => ({ fact, operator: "lessThanInclusive", value });
const startsWith = (fact: string, value: string): Condition => ({ fact, operator: "textStartsWith", value });
const contains = (fact: string, value: string): Condition => ({ fact, operator: "textContains", value });
const containsAny = (fact: string, value: string[]): Condition => ({
  fact,
  operator: "textContainsAny",
  value,
});

/** The three models, tried in the order the rules declare them (customers.score, enterprise.score, smb). */
const MODELS: Record<string, TopLevelCondition> = {
  customer: { all: [is("stage", "customer")] },
  enterprise: { all: [{ not: is("stage", "customer") }, atLeast("employees", 500)] },
  // The default takes every lead the others do not: `employees >= 500` unknown (missing) counts as not.
  smb: { all: [{ not: is("stage", "customer") }, { any: [missing("employees"), below("employees", 500)] }] },
};

const FIT_RULES: Array<{ id: string; model: string; points: number; all: Condition[] }> = [
  { id: "customer.fit.1", model: "customer", points: 20, all: [oneOf("plan", ["starter", "team"])] },
  { id: "customer.fit.2", model: "customer", points: 10, all: [atLeast("employees", 200)] },

  {
    id: "enterprise.fit.1",
    model: "enterprise",
    points: 30,
    all: [oneOf("title", ["ceo", "cto", "cfo", "coo"])],
  },
  { id: "enterprise.fit.2", model: "enterprise", points: 20, all: [startsWith("title", "vp")] },
  { id: "enterprise.fit.3", model: "enterprise", points: 10, all: [contains("title", "director")] },
  {
    id: "enterprise.fit.4",
    model: "enterprise",
    points: -30,
    all: [containsAny("title", ["student", "intern"])],
  },
  {
    id: "enterprise.fit.5",
    model: "enterprise",
    points: 15,
    all: [oneOf("industry", ["software", "fintech", "healthcare"])],
  },
  { id: "enterprise.fit.6", model: "enterprise", points: -5, all: [missing("industry")] },
  { id: "enterprise.fit.7", model: "enterprise", points: 10, all: [atLeast("employees", 5000)] },
  {
    id: "enterprise.fit.8",
    model: "enterprise",
    points: -10,
    all: [has("country"), { fact: "country", operator: "notIn", value: TARGET_COUNTRIES }],
  },

  { id: "smb.fit.1", model: "smb", points: 25, all: [oneOf("title", ["founder", "ceo", "owner"])] },
  { id: "smb.fit.2", model: "smb", points: 10, all: [contains("title", "manager")] },
  {
    id: "smb.fit.3",
    model: "smb",
    points: 10,
    all: [{ any: [contains("title", "head of"), contains("title", "lead")] }, atLeast("employees", 50)],
  },
  { id: "smb.fit.4", model: "smb", points: -30, all: [containsAny("title", ["student", "intern"])] },
  { id: "smb.fit.5", model: "smb", points: 10, all: [atLeast("employees", 10), atMost("employees", 499)] },
  { id: "smb.fit.6", model: "smb", points: 5, all: [oneOf("country", TARGET_COUNTRIES)] },
  { id: "smb.fit.7", model: "smb", points: 5, all: [is("country", "us"), atLeast("employees", 100)] },
];

const text = (value: unknown): string | undefined => {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed.toLowerCase();
};

export interface JreFit {
  /** The lead's fit points, as the sum of the events of the rules that fired. */
  fit(lead: Readonly<Record<string, unknown>>): Promise<number>;
}

export function createJreFit(): JreFit {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator<unknown, boolean>("isPresent", (value) => value !== undefined);
  engine.addOperator<unknown, boolean>("isMissing", (value) => value === undefined);
  engine.addOperator<unknown, string>(
    "textStartsWith",
    (value, prefix) => typeof value === "string" && value.startsWith(prefix),
  );
  engine.addOperator<unknown, string>(
    "textContains",
    (value, part) => typeof value === "string" && value.includes(part),
  );
  engine.addOperator<unknown, string[]>(
    "textContainsAny",
    (value, parts) => typeof value === "string" && parts.some((part) => value.includes(part)),
  );
  for (const [name, condition] of Object.entries(MODELS)) engine.setCondition(name, condition);
  for (const rule of FIT_RULES) {
    const properties: RuleProperties = {
      name: rule.id,
      conditions: { all: [{ condition: rule.model }, ...rule.all] },
      event: { type: "points", params: { points: rule.points } },
    };
    engine.addRule(properties);
  }

  return {
    async fit(lead) {
      const employees = lead.employees;
      const facts = {
        title: text(lead.title),
        industry: text(lead.industry),
        employees: typeof employees === "number" && Number.isFinite(employees) ? employees : undefined,
        country: text(lead.country),
        stage: text(lead.stage),
        plan: text(lead.plan),
      };
      const { events } = await engine.run(facts);
      let fit = 0;
      for (const event of events) fit += (event.params as { points: number }).points;
      return fit;
    },
  };
}
