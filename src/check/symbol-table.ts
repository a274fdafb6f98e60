import { createDiagnostic, withRelated, type Diagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics, type DiagnosticDefinition } from "../diagnostics/codes.js";
import type {
  BucketDecl,
  ClampDecl,
  EventDecl,
  ExcludeDecl,
  FieldDecl,
  GradeDecl,
  Identifier,
  LeadDecl,
  ListDecl,
  ModelDecl,
  RulesetHeader,
  SectionName,
  SourceFile,
  Span,
} from "../syntax/ast.js";
import type { FieldType } from "./field-type.js";
import type { Report } from "../diagnostics/diagnostic.js";
import { RESULT_METRICS } from "./result-metrics.js";

export interface FieldSymbol {
  name: string;
  type: FieldType;
  /** Enumeration members as declared. */
  values?: string[];
  optional: boolean;
  decl: FieldDecl;
}

export interface EventSymbol {
  name: string;
  properties: Map<string, FieldSymbol>;
  decl: EventDecl;
}

export interface ListSymbol {
  name: string;
  decl: ListDecl;
  /** Set by the condition checker when a rule uses the list. */
  used: boolean;
}

/** Every global declaration, first declaration wins where a name is declared twice. */
export interface SymbolTable {
  header: RulesetHeader | null;
  leadDecl: LeadDecl | null;
  lead: Map<string, FieldSymbol>;
  events: Map<string, EventSymbol>;
  lists: Map<string, ListSymbol>;
  models: ModelDecl[];
  modelsByName: Map<string, ModelDecl>;
  grades: Record<SectionName, GradeDecl | null>;
  buckets: BucketDecl[];
  clamp: ClampDecl | null;
  exclusions: ExcludeDecl[];
}

/** Names that a bucket condition uses for results; a lead field may not take them. */
export const RESERVED_FIELD_NAMES = new Set([...Object.keys(RESULT_METRICS), "event", "model"]);

/**
 * The columns the SQL engines keep beside the lead fields and event properties, in the same tables and
 * steps (row numbers, counts of an id, outcomes, event sequence, segments): a field of one of these names
 * would be read as the engine's column, or fail the statement.
 */
export const ENGINE_COLUMN_NAMES = new Set(["__row", "__n", "__outcome", "__seq", "__segment"]);

function fieldSymbols(fields: readonly FieldDecl[], report: Report): Map<string, FieldSymbol> {
  const symbols = new Map<string, FieldSymbol>();
  for (const field of fields) {
    const name = field.name.name;
    if (ENGINE_COLUMN_NAMES.has(name))
      report(createDiagnostic(Diagnostics.ReservedColumnName, field.name.span, [name]));
    if (symbols.has(name)) {
      const first = symbols.get(name)!.decl.span;
      report(
        firstDeclaredAt(
          createDiagnostic(Diagnostics.DuplicateField, field.name.span, [name], firstAt(first)),
          first,
        ),
      );
      continue;
    }
    const symbol: FieldSymbol =
      field.type.kind === "PrimitiveType"
        ? { name, type: field.type.name, optional: field.optional, decl: field }
        : { name, type: "enum", values: enumMembers(field, report), optional: field.optional, decl: field };
    symbols.set(name, symbol);
  }
  return symbols;
}

function enumMembers(field: FieldDecl, report: Report): string[] {
  if (field.type.kind !== "EnumType") return [];
  const seen = new Set<string>();
  const members: string[] = [];
  for (const member of field.type.members) {
    const text = member.kind === "Identifier" ? member.name : member.value;
    // Input text is trimmed before it is compared, so a value with spaces at its ends matches nothing.
    if (text.trim() !== text || text === "") {
      report(createDiagnostic(Diagnostics.EnumMemberNotTrimmed, member.span, [JSON.stringify(text)]));
      continue;
    }
    const key = text.toLowerCase();
    if (seen.has(key)) {
      report(createDiagnostic(Diagnostics.DuplicateEnumMember, member.span, [text]));
      continue;
    }
    seen.add(key);
    members.push(text);
  }
  return members;
}

/** Where the declaration that wins was written, for the hint on the one that is reported. */
/** A duplicate's diagnostic, with the first declaration as its related location. */
function firstDeclaredAt(diagnostic: Diagnostic, first: Span): Diagnostic {
  return withRelated(diagnostic, first, "the first declaration");
}

function firstAt(span: Span): string {
  return `the first is at ${span.file}:${span.start.line}`;
}

/** A zero-width span at the start of a file, for problems that belong to no particular line. */
export function fileStart(file: SourceFile): Span {
  const start = { line: 1, column: 1, offset: 0 };
  return { file: file.path, start, end: start };
}

export function buildSymbolTable(files: readonly SourceFile[], report: Report): SymbolTable {
  const table: SymbolTable = {
    header: null,
    leadDecl: null,
    lead: new Map(),
    events: new Map(),
    lists: new Map(),
    models: [],
    modelsByName: new Map(),
    grades: { fit: null, engagement: null },
    buckets: [],
    clamp: null,
    exclusions: [],
  };
  /** Reports a second declaration of a name, pointing at the first; true when `first` exists. */
  const isDuplicate = (
    name: Identifier,
    first: { span: Span } | undefined,
    definition: DiagnosticDefinition,
  ): boolean => {
    if (first) {
      report(
        firstDeclaredAt(
          createDiagnostic(definition, name.span, [name.name], firstAt(first.span)),
          first.span,
        ),
      );
    }
    return first !== undefined;
  };
  for (const file of files) {
    for (const decl of file.declarations) {
      switch (decl.kind) {
        case "RulesetHeader":
          if (table.header)
            report(
              firstDeclaredAt(
                createDiagnostic(
                  Diagnostics.DuplicateRulesetHeader,
                  decl.span,
                  [],
                  firstAt(table.header.span),
                ),
                table.header.span,
              ),
            );
          else table.header = decl;
          break;
        case "Lead":
          if (table.leadDecl) {
            report(
              firstDeclaredAt(
                createDiagnostic(
                  Diagnostics.DuplicateLead,
                  decl.span,
                  [],
                  `${firstAt(table.leadDecl.span)}: keep one \`lead { … }\` block with every field`,
                ),
                table.leadDecl.span,
              ),
            );
            break;
          }
          table.leadDecl = decl;
          table.lead = fieldSymbols(decl.fields, report);
          for (const field of decl.fields) {
            if (RESERVED_FIELD_NAMES.has(field.name.name)) {
              report(createDiagnostic(Diagnostics.ReservedName, field.name.span, [field.name.name]));
            }
          }
          break;
        case "Event":
          if (isDuplicate(decl.name, table.events.get(decl.name.name)?.decl, Diagnostics.DuplicateEvent))
            break;
          table.events.set(decl.name.name, {
            name: decl.name.name,
            properties: fieldSymbols(decl.properties, report),
            decl,
          });
          break;
        case "List":
          if (isDuplicate(decl.name, table.lists.get(decl.name.name)?.decl, Diagnostics.DuplicateList)) break;
          table.lists.set(decl.name.name, { name: decl.name.name, decl, used: false });
          break;
        case "Model":
          if (isDuplicate(decl.name, table.modelsByName.get(decl.name.name), Diagnostics.DuplicateModel))
            break;
          table.models.push(decl);
          table.modelsByName.set(decl.name.name, decl);
          break;
        case "Grade":
          if (table.grades[decl.dimension]) {
            const first = table.grades[decl.dimension]!.span;
            report(
              firstDeclaredAt(
                createDiagnostic(Diagnostics.DuplicateGrade, decl.span, [decl.dimension], firstAt(first)),
                first,
              ),
            );
            break;
          }
          table.grades[decl.dimension] = decl;
          break;
        case "Bucket":
          table.buckets.push(decl);
          break;
        case "Clamp":
          if (table.clamp)
            report(
              firstDeclaredAt(
                createDiagnostic(Diagnostics.DuplicateClamp, decl.span, [], firstAt(table.clamp.span)),
                table.clamp.span,
              ),
            );
          else table.clamp = decl;
          break;
        case "Exclude":
          table.exclusions.push(decl);
          break;
      }
    }
  }
  const first = files[0];
  if (first) {
    if (!table.leadDecl) report(createDiagnostic(Diagnostics.MissingLeadSchema, fileStart(first)));
    else if (!table.lead.has("id")) report(createDiagnostic(Diagnostics.MissingIdField, table.leadDecl.span));
    if (!table.header) report(createDiagnostic(Diagnostics.NoRulesetHeader, fileStart(first)));
  }
  return table;
}
