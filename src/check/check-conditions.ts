import { Diagnostics } from "../diagnostics/codes.js";
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import { closestName, didYouMean } from "../diagnostics/suggest.js";
import type {
  EventTypeTest,
  Expr,
  Identifier,
  InlineList,
  ListReference,
  RuleCondition,
  Span,
  Value,
  WordLiteral,
} from "../syntax/ast.js";
import { describeType, describeValue } from "./describe-type.js";
import type { CheckPass, Program, Report } from "./program.js";
import type { Binding } from "./bindings.js";
import { conditionsOf } from "./resolve-names.js";
import { possibleGrades } from "./grades.js";

/**
 * Checks every condition: event types and lists exist, and values fit the types they are compared with.
 * Names were bound by resolve-names (in the scope each condition is written in); a name it could not bind
 * was reported there and is skipped here.
 */
type Subject = Binding;

const ORDERING = new Set(["<", "<=", ">", ">="]);

class ConditionChecker {
  constructor(
    private readonly program: Program,
    private readonly report: Report,
  ) {}

  checkRuleCondition(condition: RuleCondition): void {
    switch (condition.kind) {
      case "ProfileCondition":
        this.checkExpr(condition.expr);
        break;
      case "EventCondition": {
        this.checkEventTypes(condition.test);
        if (condition.where) this.checkExpr(condition.where);
        break;
      }
      case "NoEventCondition":
        if (condition.test) this.checkEventTypes(condition.test);
        break;
    }
  }

  /** Reports unknown event types. */
  checkEventTypes(test: EventTypeTest): void {
    for (const type of test.types) {
      if (!this.program.symbols.events.has(type.name))
        this.report(
          createDiagnostic(
            Diagnostics.UnknownEvent,
            type.span,
            [type.name],
            didYouMean(type.name, this.program.symbols.events.keys()),
          ),
        );
    }
  }

  checkExpr(expr: Expr): void {
    switch (expr.kind) {
      case "And":
      case "Or":
        for (const operand of expr.operands) this.checkExpr(operand);
        return;
      case "Not":
        this.checkExpr(expr.operand);
        return;
      case "Group":
        this.checkExpr(expr.expr);
        return;
      case "Presence":
        this.resolve(expr.subject);
        return;
      case "Compare": {
        const subject = this.resolve(expr.subject);
        if (!subject) return;
        if (ORDERING.has(expr.operator) && subject.type !== "number" && subject.type !== "date") {
          this.operatorMismatch(expr.operator, expr.subject, subject, expr.span);
          return;
        }
        this.checkValue(subject, expr.value, expr.subject);
        this.warnListNameAsValue(subject, expr.value);
        return;
      }
      case "Between": {
        const subject = this.resolve(expr.subject);
        if (!subject) return;
        if (subject.type !== "number" && subject.type !== "date") {
          this.operatorMismatch("between", expr.subject, subject, expr.span);
          return;
        }
        const lowOk = this.checkValue(subject, expr.low, expr.subject);
        const highOk = this.checkValue(subject, expr.high, expr.subject);
        const low = numericValue(expr.low);
        const high = numericValue(expr.high);
        if (lowOk && highOk && low !== undefined && high !== undefined && low > high) {
          this.report(
            createDiagnostic(Diagnostics.BetweenBoundsReversed, expr.span, [
              textOf(expr.low),
              textOf(expr.high),
            ]),
          );
        }
        return;
      }
      case "Within": {
        const subject = this.resolve(expr.subject);
        if (subject && subject.type !== "date") {
          this.report(
            createDiagnostic(Diagnostics.WithinNeedsDate, expr.span, [
              expr.subject.name,
              describeType(subject.type, subject.values),
            ]),
          );
        }
        return;
      }
      case "In": {
        const subject = this.resolve(expr.subject);
        if (expr.target.kind === "ListReference") this.checkListReference(expr.target, subject);
        else if (subject) this.checkInlineList(subject, expr.target, expr.subject);
        return;
      }
      case "Text": {
        const subject = this.resolve(expr.subject);
        const target = expr.target;
        if (target.kind === "ListReference") this.checkListReference(target, null);
        else if (target.kind === "Word" && this.program.bindings.listWords.has(target)) {
          // A list by name: resolve-names bound it.
        } else if (target.kind === "InlineList") {
          for (const item of target.items) this.checkTextValue(item);
        } else {
          this.checkTextValue(target);
          if (target.kind === "Word") this.checkListNameTypo(target);
        }
        if (subject && subject.type !== "string" && subject.type !== "enum") {
          const words = { contains: "contains", starts_with: "starts with", ends_with: "ends with" };
          this.operatorMismatch(words[expr.operator], expr.subject, subject, expr.span);
        }
        return;
      }
    }
  }

  private resolve(identifier: Identifier): Subject | null {
    return this.program.bindings.names.get(identifier) ?? null;
  }

  private operatorMismatch(operator: string, identifier: Identifier, subject: Subject, span: Span): void {
    const hint =
      subject.type === "string" || subject.type === "enum"
        ? "compare text with =, !=, in, contains, starts with or ends with"
        : subject.type === "boolean"
          ? `test it with \`${subject.name} = true\` or \`${subject.name} = false\``
          : "compare numbers and dates with =, !=, <, <=, >, >= or between";
    this.report(
      createDiagnostic(
        Diagnostics.OperatorNotForType,
        span,
        [operator, identifier.name, describeType(subject.type, subject.values)],
        hint,
      ),
    );
  }

  /** Whether `value` can be compared with the subject; reports the mismatch when not. */
  private checkValue(subject: Subject, value: Value, identifier: Identifier): boolean {
    const mismatch = (hint?: string) => {
      this.report(
        createDiagnostic(
          Diagnostics.TypeMismatch,
          value.span,
          [identifier.name, describeType(subject.type, subject.values), describeValue(value)],
          hint,
        ),
      );
      return false;
    };
    switch (subject.type) {
      case "string":
        if (value.kind === "Date") return mismatch();
        if (subject.name === "grade" && value.kind !== "Number") this.checkGradeValue(value);
        return true;
      case "number":
        return value.kind === "Number" ? true : mismatch("write a number, like `500`");
      case "boolean":
        return value.kind === "Word" && /^(true|false)$/i.test(value.value)
          ? true
          : mismatch("write `true` or `false`");
      case "date":
        return value.kind === "Date" ? true : mismatch("write a date, like `2026-01-31`");
      case "enum": {
        if (value.kind !== "Word" && value.kind !== "String") return mismatch();
        const text = value.kind === "Word" ? value.value : value.value;
        const members = subject.values ?? [];
        if (members.some((member) => member.toLowerCase() === text.trim().toLowerCase())) return true;
        this.report(
          createDiagnostic(
            Diagnostics.NotInEnumeration,
            value.span,
            [text, identifier.name],
            didYouMean(text, members) ?? `the values are: ${members.join(", ")}`,
          ),
        );
        return false;
      }
    }
  }

  private checkGradeValue(value: Value): void {
    const text = value.kind === "String" || value.kind === "Word" ? value.value : textOf(value);
    const grades = possibleGrades(this.program.symbols);
    if (grades && !grades.has(text.toLowerCase())) {
      const declared = [...grades.values()];
      const shown = declared.length > 12 ? `${declared.slice(0, 12).join(", ")}, …` : declared.join(", ");
      this.report(
        createDiagnostic(
          Diagnostics.ImpossibleGrade,
          value.span,
          [text, shown],
          didYouMean(text, declared) ?? "a condition on it matches no lead",
        ),
      );
    }
  }

  private checkTextValue(value: Value): void {
    if (value.kind === "Date") {
      this.report(
        createDiagnostic(Diagnostics.TypeMismatch, value.span, [
          "the text test",
          "text",
          describeValue(value),
        ]),
      );
    }
  }

  private checkInlineList(subject: Subject, list: InlineList, identifier: Identifier): void {
    for (const item of list.items) {
      this.checkValue(subject, item, identifier);
    }
  }

  private checkListReference(reference: ListReference, subject: Subject | null): void {
    const list = this.program.symbols.lists.get(reference.name.name);
    if (!list) {
      this.report(
        createDiagnostic(
          Diagnostics.UnknownList,
          reference.name.span,
          [reference.name.name],
          didYouMean(reference.name.name, this.program.symbols.lists.keys()),
        ),
      );
      return;
    }
    list.used = true;
    if (!subject) return;
    const elementType = listElementKind(list.decl.items.items);
    const subjectKind = subject.type === "number" ? "number" : subject.type === "date" ? "date" : "text";
    if (elementType && elementType !== subjectKind && !(subjectKind === "text" && elementType === "number")) {
      this.report(
        createDiagnostic(Diagnostics.ListElementType, reference.span, [
          list.name,
          elementType === "number" ? "numbers" : elementType === "date" ? "dates" : "text",
          subject.name,
          describeType(subject.type, subject.values),
        ]),
      );
      return;
    }
    if (subject.type === "enum") {
      for (const item of list.decl.items.items) this.checkValue(subject, item, reference.name);
    }
  }

  private warnListNameAsValue(subject: Subject, value: Value): void {
    if (value.kind !== "Word" || subject.type === "enum") return;
    const lists = this.program.symbols.lists;
    if (lists.has(value.value)) {
      this.report(
        createDiagnostic(Diagnostics.ComparedWithListName, value.span, [subject.name, value.value]),
      );
      return;
    }
    const list = closestListName(value.value, lists.keys());
    if (list) {
      this.report(
        createDiagnostic(Diagnostics.ComparedWithListNameTypo, value.span, [subject.name, value.value, list]),
      );
    }
  }

  /**
   * A bare word after `starts with` / `ends with` / `contains` is a list when it names one, else text. A
   * word one typo away from a list name is almost certainly the list: matching it as text would quietly
   * switch the rule off (an exclusion of competitors that excludes nobody), so it is an error.
   */
  private checkListNameTypo(word: WordLiteral): void {
    const list = closestListName(word.value, this.program.symbols.lists.keys());
    if (list) this.report(createDiagnostic(Diagnostics.ListNameTypo, word.span, [word.value, list]));
  }
}

/** The kind of a list's elements: text, number or date; undefined when empty. */
export function listElementKind(items: readonly Value[]): "text" | "number" | "date" | undefined {
  const first = items[0];
  if (!first) return undefined;
  return first.kind === "Number" ? "number" : first.kind === "Date" ? "date" : "text";
}

function numericValue(value: Value): number | undefined {
  if (value.kind === "Number") return value.value;
  if (value.kind === "Date") return value.epochMs;
  return undefined;
}

function textOf(value: Value): string {
  return value.kind === "Number" || value.kind === "Date" ? value.raw : value.value;
}

export const checkConditions: CheckPass = {
  name: "check-conditions",
  run(program, report) {
    const checker = new ConditionChecker(program, report);
    for (const scoped of conditionsOf(program.symbols)) {
      if (scoped.kind === "rule") checker.checkRuleCondition(scoped.condition);
      else checker.checkExpr(scoped.expr);
    }
  },
};

/** A list name the word is a likely misspelling of (never the word itself, and not for short words). */
function closestListName(word: string, lists: Iterable<string>): string | undefined {
  if (word.length < 4) return undefined;
  const list = closestName(word, lists);
  return list !== undefined && list !== word ? list : undefined;
}
