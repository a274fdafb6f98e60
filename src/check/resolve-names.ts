import { Diagnostics } from "../diagnostics/codes.js";
import { createDiagnostic, type Report } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { Expr, Identifier, RuleCondition } from "../syntax/ast.js";
import type { Binding, Bindings } from "./bindings.js";
import type { CheckPass, Program } from "./program.js";
import { RESULT_METRICS } from "./result-metrics.js";
import type { SymbolTable } from "./symbol-table.js";

/**
 * Where the names of a condition come from:
 *   profile: lead fields (fit rules, model `when`, exclusions)
 *   event:   the properties of the tested event types (`where`), and nothing else
 *   bucket:  lead fields and the results score, fit, engagement, grade
 *
 * An event-scope name never falls back to a lead field: `where` describes the event, and a name that meant
 * a property for one event type and a lead field for another (or after a property is added to an event
 * declaration) would change a rule's meaning silently. The resolver reports it (LS203, with a hint to test
 * lead fields in the fit section or the model's `when`), so lowering never meets it.
 */
export type NameScope = { kind: "profile" } | { kind: "event"; types: string[] } | { kind: "bucket" };

/** A condition with the scope its names are read in. */
export type ScopedCondition =
  { kind: "rule"; condition: RuleCondition } | { kind: "expr"; expr: Expr; scope: NameScope };

/** Every condition of the program, declaration by declaration. */
export function conditionsOf(symbols: SymbolTable): ScopedCondition[] {
  const found: ScopedCondition[] = [];
  const bucketWhen = (expr: Expr) => found.push({ kind: "expr", expr, scope: { kind: "bucket" } });
  for (const exclusion of symbols.exclusions) found.push({ kind: "rule", condition: exclusion.condition });
  for (const bucket of symbols.buckets) if (bucket.test.kind === "When") bucketWhen(bucket.test.expr);
  for (const model of symbols.models) {
    if (model.when) found.push({ kind: "expr", expr: model.when, scope: { kind: "profile" } });
    for (const item of model.items) {
      if (item.kind === "Section") {
        for (const rule of item.items) {
          if (rule.kind === "Rule") found.push({ kind: "rule", condition: rule.condition });
        }
      } else if (item.kind === "Bucket" && item.test.kind === "When") {
        bucketWhen(item.test.expr);
      }
    }
  }
  return found;
}

class NameResolver {
  constructor(
    private readonly symbols: SymbolTable,
    private readonly bindings: Bindings,
    private readonly report: Report,
  ) {}

  condition(condition: RuleCondition): void {
    if (condition.kind === "ProfileCondition") this.expr(condition.expr, { kind: "profile" });
    else if (condition.kind === "EventCondition" && condition.where) {
      // Unknown event types are check-conditions' to report; names resolve against the known ones.
      const types = condition.test.types.map((t) => t.name).filter((name) => this.symbols.events.has(name));
      this.expr(condition.where, { kind: "event", types });
    }
  }

  expr(expr: Expr, scope: NameScope): void {
    switch (expr.kind) {
      case "And":
      case "Or":
        for (const operand of expr.operands) this.expr(operand, scope);
        return;
      case "Not":
        this.expr(expr.operand, scope);
        return;
      case "Group":
        this.expr(expr.expr, scope);
        return;
      case "Presence":
      case "Compare":
      case "Between":
      case "Within":
      case "In":
        this.name(expr.subject, scope);
        return;
      case "Text": {
        this.name(expr.subject, scope);
        const target = expr.target;
        const list = target.kind === "Word" ? this.symbols.lists.get(target.value) : undefined;
        if (target.kind === "Word" && list !== undefined) {
          list.used = true;
          this.bindings.listWords.set(target, list);
        }
        return;
      }
    }
  }

  private name(identifier: Identifier, scope: NameScope): void {
    const binding =
      scope.kind === "event" ? this.property(identifier, scope.types) : this.field(identifier, scope);
    if (binding !== null) this.bindings.names.set(identifier, binding);
  }

  private field(identifier: Identifier, scope: NameScope): Binding | null {
    const name = identifier.name;
    const { symbols } = this;
    const field = symbols.lead.get(name);
    if (field) return { scope: "lead", name: field.name, type: field.type, ...valuesOf(field.values) };
    const result = RESULT_METRICS[name];
    if (result) {
      if (scope.kind !== "bucket") {
        this.report(createDiagnostic(Diagnostics.MetricOutsideBucket, identifier.span, [name]));
        return null;
      }
      if (name === "grade" && !symbols.grades.fit && !symbols.grades.engagement) {
        this.report(createDiagnostic(Diagnostics.GradeWithoutGrades, identifier.span));
        return null;
      }
      return { scope: "result", name, type: result };
    }
    const candidates = [
      ...symbols.lead.keys(),
      ...(scope.kind === "bucket" ? Object.keys(RESULT_METRICS) : []),
    ];
    let hint = didYouMean(name, candidates);
    if (!hint) {
      const owner = [...symbols.events.values()].find((event) => event.properties.has(name));
      if (owner)
        hint = `\`${name}\` is a property of event \`${owner.name}\`: test it in a rule with \`when event = ${owner.name} where ${name} …\``;
    }
    this.report(createDiagnostic(Diagnostics.UnknownField, identifier.span, [name], hint));
    return null;
  }

  /** In `where`, a name must be a property of every event type tested (else it is missing for some). */
  private property(identifier: Identifier, types: string[]): Binding | null {
    let found: Binding | null = null;
    for (const type of types) {
      const event = this.symbols.events.get(type)!;
      const property = event.properties.get(identifier.name);
      if (!property) {
        let hint = didYouMean(identifier.name, event.properties.keys());
        if (!hint && this.symbols.lead.has(identifier.name)) {
          hint = `\`${identifier.name}\` is a lead field: test it in the fit section or the model's \`when\``;
        }
        this.report(
          createDiagnostic(Diagnostics.UnknownProperty, identifier.span, [identifier.name, type], hint),
        );
        return null;
      }
      found ??= { scope: "event", name: property.name, type: property.type, ...valuesOf(property.values) };
    }
    return found;
  }
}

function valuesOf(values: string[] | undefined): { values?: string[] } {
  return values === undefined ? {} : { values };
}

/** Binds every name in every condition to what it stands for, reporting the names that stand for nothing. */
export const resolveNames: CheckPass = {
  name: "resolve-names",
  run(program: Program, report) {
    const resolver = new NameResolver(program.symbols, program.bindings, report);
    for (const scoped of conditionsOf(program.symbols)) {
      if (scoped.kind === "rule") resolver.condition(scoped.condition);
      else resolver.expr(scoped.expr, scoped.scope);
    }
  },
};
