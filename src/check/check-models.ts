import { Diagnostics } from "../diagnostics/codes.js";
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import type { ClampDecl, ModelDecl } from "../syntax/ast.js";
import type { CheckPass, Report } from "./program.js";
import { fileStart } from "./symbol-table.js";

function checkClamp(clamp: ClampDecl, report: Report): void {
  if (clamp.min.value > clamp.max.value) {
    report(createDiagnostic(Diagnostics.ClampBoundsReversed, clamp.span, [clamp.min.raw, clamp.max.raw]));
  }
}

function checkModelItems(model: ModelDecl, report: Report): void {
  const sections = new Set<string>();
  let clamp: ClampDecl | undefined;
  let rules = 0;
  for (const item of model.items) {
    if (item.kind === "Section") {
      if (sections.has(item.name)) {
        report(createDiagnostic(Diagnostics.DuplicateSection, item.keyword, [item.name, model.name.name]));
      }
      sections.add(item.name);
      rules += item.items.filter((rule) => rule.kind === "Rule").length;
    } else if (item.kind === "Clamp") {
      if (clamp) report(createDiagnostic(Diagnostics.DuplicateClamp, item.span));
      clamp ??= item;
      checkClamp(item, report);
    }
  }
  if (rules === 0) report(createDiagnostic(Diagnostics.EmptyModel, model.name.span, [model.name.name]));
}

/** Model choice is well defined: at most one default; without one, some leads go unscored (warning). */
export const checkModels: CheckPass = {
  name: "check-models",
  run(program, report) {
    const { symbols } = program;
    let defaultModel: ModelDecl | undefined;
    for (const model of symbols.models) {
      checkModelItems(model, report);
      if (model.when) continue;
      if (defaultModel) {
        report(
          createDiagnostic(Diagnostics.MultipleDefaultModels, model.name.span, [
            model.name.name,
            defaultModel.name.name,
          ]),
        );
      } else defaultModel = model;
    }
    if (symbols.clamp) checkClamp(symbols.clamp, report);
    const first = program.files[0];
    if (!defaultModel && first) {
      const span = symbols.models[0]?.name.span ?? fileStart(first);
      report(createDiagnostic(Diagnostics.NoDefaultModel, span));
    }
  },
};
