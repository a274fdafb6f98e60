import type { FieldType } from "./field-type.js";

/**
 * The results a bucket condition may read besides lead fields, and their types: the one list of them (the
 * resolver binds these names, lead fields may not take them, the artifact refers to them as `result`).
 */
export const RESULT_METRICS: Readonly<Record<string, FieldType>> = {
  score: "number",
  fit: "number",
  engagement: "number",
  grade: "string",
};
