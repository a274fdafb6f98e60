import { Diagnostics } from "../diagnostics/codes.js";
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import type { BucketDecl } from "../syntax/ast.js";
import type { CheckPass, Report } from "./program.js";

/** A bucket list is tried top to bottom: nothing may follow `otherwise`, and names are unique. */
function checkBucketList(buckets: readonly BucketDecl[], report: Report): void {
  const names = new Set<string>();
  let otherwise: BucketDecl | undefined;
  for (const bucket of buckets) {
    if (names.has(bucket.name.name)) {
      report(createDiagnostic(Diagnostics.DuplicateBucket, bucket.name.span, [bucket.name.name]));
    }
    names.add(bucket.name.name);
    if (otherwise) {
      report(
        createDiagnostic(Diagnostics.UnreachableBucket, bucket.name.span, [
          bucket.name.name,
          `${otherwise.name.name} otherwise`,
        ]),
      );
    } else if (bucket.test.kind === "Otherwise") {
      otherwise = bucket;
    }
  }
  const last = buckets[buckets.length - 1];
  if (last && !otherwise) report(createDiagnostic(Diagnostics.NoOtherwiseBucket, last.name.span));
}

export const checkBuckets: CheckPass = {
  name: "check-buckets",
  run(program, report) {
    const { symbols } = program;
    checkBucketList(symbols.buckets, report);
    for (const model of symbols.models) {
      const own = model.items.filter((item): item is BucketDecl => item.kind === "Bucket");
      checkBucketList(own, report);
      if (own.length === 0 && symbols.buckets.length === 0) {
        report(createDiagnostic(Diagnostics.NoBuckets, model.name.span, [model.name.name]));
      }
    }
  },
};
