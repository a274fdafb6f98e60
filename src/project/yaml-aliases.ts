import { visit, type Document } from "yaml";

/**
 * A YAML "billion laughs": a few lines of anchors and aliases that expand to millions of values. The YAML
 * library refuses to expand more than 100 aliases (a ReferenceError); this turns that into a problem
 * located at the first alias, for the file's reader to report like any other mistake in it.
 */
export function aliasExpansionProblem(document: Document): { offset: number; message: string } | null {
  try {
    document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return null;
  } catch (error) {
    if (!(error instanceof ReferenceError) && !(error instanceof RangeError)) throw error;
    let offset = 0;
    visit(document, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    return {
      offset,
      message: `YAML: aliases (\`*name\`) expand to too many values (more than ${MAX_ALIAS_COUNT} aliases); write the values out`,
    };
  }
}

const MAX_ALIAS_COUNT = 100;
