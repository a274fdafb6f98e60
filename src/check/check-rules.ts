import { Diagnostics } from "../diagnostics/codes.js";
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import type { Duration, ExcludeDecl, RuleDecl, SectionDecl } from "../syntax/ast.js";
import type { CheckPass, Report } from "./program.js";

function checkDuration(duration: Duration | null, report: Report): void {
  if (duration && duration.ms <= 0)
    report(createDiagnostic(Diagnostics.ZeroDuration, duration.span, [duration.raw]));
}

/**
 * What belongs where: event rules score engagement, never fit. Profile rules may score either: in
 * `engagement` they read behaviour an export carries as lead fields (visit counts, time on site).
 */
function checkRule(rule: RuleDecl, section: SectionDecl, report: Report): void {
  const { condition, effect } = rule;
  const isEventRule = condition.kind !== "ProfileCondition";
  if (section.name === "fit" && isEventRule) {
    report(createDiagnostic(Diagnostics.EventRuleInFit, condition.span));
  }
  if (effect.each && condition.kind !== "EventCondition") {
    report(createDiagnostic(Diagnostics.EachOutsideEngagement, effect.each));
  }
  if (effect.within && condition.kind !== "EventCondition") {
    report(
      createDiagnostic(
        Diagnostics.WithinOnProfileRule,
        effect.within.span,
        [],
        condition.kind === "NoEventCondition"
          ? "the window is already set by `no event within …`"
          : undefined,
      ),
    );
  }
  if (effect.points.value <= 0) report(createDiagnostic(Diagnostics.NonPositivePoints, effect.points.span));
  if (effect.max) {
    if (effect.max.value <= 0) report(createDiagnostic(Diagnostics.NonPositiveMax, effect.max.span));
    else if (!effect.each) report(createDiagnostic(Diagnostics.MaxOnOnceRule, effect.max.span));
  }
  checkDuration(effect.within, report);
  if (condition.kind === "NoEventCondition") checkDuration(condition.within, report);
}

function checkSection(section: SectionDecl, report: Report): void {
  let decayed = false;
  for (const item of section.items) {
    if (item.kind === "Rule") {
      checkRule(item, section, report);
      continue;
    }
    if (section.name === "fit") report(createDiagnostic(Diagnostics.DecayOutsideEngagement, item.span));
    if (decayed) report(createDiagnostic(Diagnostics.DuplicateDecay, item.span));
    decayed = true;
    const percent = item.percent.value;
    if (!(percent > 0 && percent <= 100)) {
      report(createDiagnostic(Diagnostics.DecayOutOfRange, item.percent.span, [item.percent.raw]));
    }
    if (item.every.ms <= 0)
      report(createDiagnostic(Diagnostics.DecayZeroPeriod, item.every.span, [item.every.raw]));
  }
}

function checkExclusion(exclusion: ExcludeDecl, report: Report): void {
  if (exclusion.within && exclusion.condition.kind !== "EventCondition") {
    report(createDiagnostic(Diagnostics.ExclusionWithinNeedsEvent, exclusion.within.span));
  }
  checkDuration(exclusion.within, report);
  if (exclusion.condition.kind === "NoEventCondition") checkDuration(exclusion.condition.within, report);
}

export const checkRules: CheckPass = {
  name: "check-rules",
  run(program, report) {
    for (const exclusion of program.symbols.exclusions) checkExclusion(exclusion, report);
    for (const model of program.symbols.models) {
      for (const item of model.items) if (item.kind === "Section") checkSection(item, report);
    }
  },
};
