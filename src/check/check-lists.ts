import { Diagnostics } from "../diagnostics/codes.js";
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import type { CheckPass } from "./program.js";

const KIND_NAMES = { String: "text", Word: "text", Number: "numbers", Date: "dates" } as const;

/** Lists hold values of one type and are used somewhere (runs after check-conditions marks uses). */
export const checkLists: CheckPass = {
  name: "check-lists",
  run(program, report) {
    for (const list of program.symbols.lists.values()) {
      const [first, ...rest] = list.decl.items.items;
      if (first) {
        const kind = KIND_NAMES[first.kind];
        const other = rest.find((item) => KIND_NAMES[item.kind] !== kind);
        if (other)
          report(createDiagnostic(Diagnostics.MixedList, other.span, [kind, KIND_NAMES[other.kind]]));
      }
      if (!list.used) report(createDiagnostic(Diagnostics.UnusedList, list.decl.name.span, [list.name]));
    }
  },
};
