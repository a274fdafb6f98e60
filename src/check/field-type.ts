/**
 * The value types of the language: what a field or an event property holds. The checker gives names these
 * types; the artifact (compile/artifact.ts) records them for the evaluator.
 */
export type FieldType = "string" | "number" | "boolean" | "date" | "enum";
