import type { FieldType } from "./field-type.js";
import type { Value } from "../syntax/ast.js";
import { printValue } from "../syntax/print.js";

/** How a field's type reads in a message: "`employees` is a number". */
export function describeType(type: FieldType, values?: readonly string[]): string {
  switch (type) {
    case "string":
      return "text";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    case "date":
      return "a date";
    case "enum":
      return `one of ${(values ?? []).join(", ")}`;
  }
}

/** How a written value reads in a message: `the text "abc"`, `the number 5`. */
export function describeValue(value: Value): string {
  switch (value.kind) {
    case "String":
      return `the text ${printValue(value)}`;
    case "Number":
      return `the number ${value.raw}`;
    case "Word":
      return `the word \`${value.value}\``;
    case "Date":
      return `the date ${value.raw}`;
  }
}
