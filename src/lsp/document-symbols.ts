import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { Declaration, FieldDecl, SourceFile, Span } from "../syntax/ast.js";
import {
  printBucketTest,
  printCondition,
  printDecay,
  printExclude,
  printGrade,
  printType,
} from "../syntax/print.js";
import { toRange } from "./ranges.js";

/** The outline of one file: declarations, a model's sections with their rules, buckets. */
export function documentSymbols(file: SourceFile): DocumentSymbol[] {
  return file.declarations.map(declarationSymbol);
}

function symbol(
  name: string,
  kind: SymbolKind,
  span: Span,
  selection: Span,
  detail?: string,
  children?: DocumentSymbol[],
): DocumentSymbol {
  return {
    name: name === "" ? "?" : name,
    kind,
    range: toRange(span),
    selectionRange: toRange(selection),
    ...(detail === undefined ? {} : { detail }),
    ...(children === undefined ? {} : { children }),
  };
}

function declarationSymbol(decl: Declaration): DocumentSymbol {
  switch (decl.kind) {
    case "RulesetHeader":
      return symbol(`ruleset ${decl.name.value}`, SymbolKind.Package, decl.span, decl.name.span);
    case "Lead":
      return symbol(
        "lead",
        SymbolKind.Struct,
        decl.span,
        decl.span,
        `${decl.fields.length} fields`,
        decl.fields.map((field) =>
          symbol(field.name.name, SymbolKind.Field, field.span, field.name.span, fieldType(field)),
        ),
      );
    case "Event":
      return symbol(
        decl.name.name,
        SymbolKind.Event,
        decl.span,
        decl.name.span,
        "event",
        decl.properties.map((property) =>
          symbol(
            property.name.name,
            SymbolKind.Property,
            property.span,
            property.name.span,
            fieldType(property),
          ),
        ),
      );
    case "List":
      return symbol(
        decl.name.name,
        SymbolKind.Array,
        decl.span,
        decl.name.span,
        `list of ${decl.items.items.length}`,
      );
    case "Exclude":
      return symbol(
        `exclude "${decl.reason.value}"`,
        SymbolKind.Boolean,
        decl.span,
        decl.reason.span,
        printExclude(decl),
      );
    case "Grade":
      return symbol(`grade ${decl.dimension}`, SymbolKind.Enum, decl.span, decl.span, printGrade(decl));
    case "Bucket":
      return symbol(
        decl.name.name,
        SymbolKind.EnumMember,
        decl.span,
        decl.name.span,
        `bucket ${printBucketTest(decl.test)}`,
      );
    case "Clamp":
      return symbol("clamp", SymbolKind.Constant, decl.span, decl.span, `${decl.min.raw} to ${decl.max.raw}`);
    case "Model":
      return symbol(
        decl.name.name,
        SymbolKind.Class,
        decl.span,
        decl.name.span,
        decl.label?.value ?? "model",
        decl.items.map((item) => {
          if (item.kind === "Bucket") return declarationSymbol(item);
          if (item.kind === "Clamp") return declarationSymbol(item);
          return symbol(
            item.name,
            SymbolKind.Namespace,
            item.span,
            item.keyword,
            `${item.items.filter((rule) => rule.kind === "Rule").length} rules`,
            item.items.map((rule) =>
              rule.kind === "Decay"
                ? symbol(printDecay(rule), SymbolKind.Operator, rule.span, rule.span)
                : symbol(
                    printCondition(rule.condition),
                    SymbolKind.Method,
                    rule.span,
                    rule.condition.span,
                    `${rule.effect.verb} ${rule.effect.points.raw}`,
                  ),
            ),
          );
        }),
      );
  }
}

function fieldType(field: FieldDecl): string {
  return `${printType(field.type)}${field.optional ? "?" : ""}`;
}
