// @ts-nocheck
// Generated from schema/ruleset.schema.json by scripts/generate-validators.ts (ajv standalone code): do not edit.
// Regenerate with `npx tsx scripts/generate-validators.ts`.
export const validate = validate52;
export default validate52;
const schema19 = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://leadscore.dev/schema/ruleset.schema.json",
  title: "leadscore compiled ruleset",
  description:
    "The artifact written by `leadscore compile`: pure data (expression trees, no code) that the JS evaluator and SQL generators execute.",
  type: "object",
  additionalProperties: false,
  required: [
    "format",
    "formatVersion",
    "name",
    "version",
    "contentHash",
    "sourceHash",
    "sources",
    "schema",
    "lists",
    "exclusions",
    "grades",
    "buckets",
    "clamp",
    "models",
    "defaultModel",
  ],
  properties: {
    format: { const: "leadscore.ruleset" },
    formatVersion: { const: 1 },
    name: { type: "string" },
    version: { type: ["number", "null"] },
    contentHash: { $ref: "#/$defs/hash" },
    sourceHash: { $ref: "#/$defs/hash" },
    sources: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["path", "sha256"],
        properties: { path: { type: "string" }, sha256: { type: "string", pattern: "^[0-9a-f]{64}$" } },
      },
    },
    schema: {
      type: "object",
      additionalProperties: false,
      required: ["lead", "events"],
      properties: {
        lead: { type: "array", items: { $ref: "#/$defs/field" } },
        events: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["name", "properties"],
            properties: {
              name: { $ref: "#/$defs/name" },
              properties: { type: "array", items: { $ref: "#/$defs/field" } },
            },
          },
        },
      },
    },
    lists: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name", "values"],
        properties: {
          name: { $ref: "#/$defs/name" },
          values: { type: "array", items: { $ref: "#/$defs/literal" } },
        },
      },
    },
    exclusions: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["reason", "text", "loc", "match", "withinMs", "within"],
        properties: {
          reason: { type: "string" },
          text: { type: "string" },
          loc: { $ref: "#/$defs/loc" },
          match: { $ref: "#/$defs/match" },
          withinMs: { $ref: "#/$defs/optionalMs" },
          within: { type: ["string", "null"] },
        },
      },
    },
    grades: {
      type: "object",
      additionalProperties: false,
      required: ["fit", "engagement"],
      properties: { fit: { $ref: "#/$defs/gradeScale" }, engagement: { $ref: "#/$defs/gradeScale" } },
    },
    buckets: { type: "array", items: { $ref: "#/$defs/bucket" } },
    clamp: { $ref: "#/$defs/clamp" },
    models: { type: "array", items: { $ref: "#/$defs/model" } },
    defaultModel: { type: ["string", "null"] },
  },
  $defs: {
    hash: { type: "string", pattern: "^sha256:[0-9a-f]{64}$" },
    name: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
    optionalMs: { type: ["number", "null"], minimum: 0 },
    literal: { type: ["string", "number", "boolean"] },
    loc: {
      type: "object",
      additionalProperties: false,
      required: ["file", "line", "column", "endLine", "endColumn"],
      properties: {
        file: { type: "string" },
        line: { type: "integer", minimum: 1 },
        column: { type: "integer", minimum: 1 },
        endLine: { type: "integer", minimum: 1 },
        endColumn: { type: "integer", minimum: 1 },
      },
    },
    field: {
      type: "object",
      additionalProperties: false,
      required: ["name", "type", "optional"],
      properties: {
        name: { $ref: "#/$defs/name" },
        type: { enum: ["string", "number", "boolean", "date", "enum"] },
        values: { type: "array", items: { type: "string" } },
        optional: { type: "boolean" },
      },
    },
    ref: {
      type: "object",
      additionalProperties: false,
      required: ["scope", "name", "type"],
      properties: {
        scope: { enum: ["lead", "event", "result"] },
        name: { $ref: "#/$defs/name" },
        type: { enum: ["string", "number", "boolean", "date", "enum"] },
      },
    },
    expr: {
      oneOf: [
        {
          type: "object",
          additionalProperties: false,
          required: ["op", "args"],
          properties: {
            op: { enum: ["and", "or"] },
            args: { type: "array", minItems: 2, items: { $ref: "#/$defs/expr" } },
          },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["op", "arg"],
          properties: { op: { const: "not" }, arg: { $ref: "#/$defs/expr" } },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["op", "cmp", "ref", "value"],
          properties: {
            op: { const: "compare" },
            cmp: { enum: ["=", "!=", "<", "<=", ">", ">="] },
            ref: { $ref: "#/$defs/ref" },
            value: { $ref: "#/$defs/literal" },
          },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["op", "ref", "values"],
          properties: {
            op: { const: "in" },
            ref: { $ref: "#/$defs/ref" },
            values: { type: "array", items: { $ref: "#/$defs/literal" } },
            list: { type: "string" },
          },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["op", "ref", "values"],
          properties: {
            op: { enum: ["contains", "starts_with", "ends_with"] },
            ref: { $ref: "#/$defs/ref" },
            values: { type: "array", items: { type: "string" } },
            list: { type: "string" },
          },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["op", "ref", "low", "high"],
          properties: {
            op: { const: "between" },
            ref: { $ref: "#/$defs/ref" },
            low: { $ref: "#/$defs/literal" },
            high: { $ref: "#/$defs/literal" },
          },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["op", "ref", "ms", "duration"],
          properties: {
            op: { const: "within" },
            ref: { $ref: "#/$defs/ref" },
            ms: { type: "integer", minimum: 0 },
            duration: { type: "string" },
          },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["op", "ref"],
          properties: { op: { enum: ["missing", "present"] }, ref: { $ref: "#/$defs/ref" } },
        },
      ],
    },
    match: {
      oneOf: [
        {
          type: "object",
          additionalProperties: false,
          required: ["kind", "expr"],
          properties: { kind: { const: "profile" }, expr: { $ref: "#/$defs/expr" } },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["kind", "types", "where"],
          properties: {
            kind: { const: "event" },
            types: { type: "array", minItems: 1, items: { $ref: "#/$defs/name" } },
            where: { oneOf: [{ type: "null" }, { $ref: "#/$defs/expr" }] },
          },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["kind", "types", "withinMs"],
          properties: {
            kind: { const: "no_event" },
            types: { oneOf: [{ type: "null" }, { type: "array", items: { $ref: "#/$defs/name" } }] },
            withinMs: { type: "number", exclusiveMinimum: 0 },
          },
        },
      ],
    },
    rule: {
      type: "object",
      additionalProperties: false,
      required: ["id", "section", "text", "loc", "match", "points", "each", "max", "withinMs", "within"],
      properties: {
        id: { type: "string" },
        section: { enum: ["fit", "engagement"] },
        text: { type: "string" },
        loc: { $ref: "#/$defs/loc" },
        match: { $ref: "#/$defs/match" },
        points: { type: "number" },
        each: { type: "boolean" },
        max: { type: ["number", "null"], exclusiveMinimum: 0 },
        withinMs: { $ref: "#/$defs/optionalMs" },
        within: { type: ["string", "null"] },
      },
    },
    gradeScale: {
      oneOf: [
        { type: "null" },
        {
          type: "object",
          additionalProperties: false,
          required: ["tiers", "fallback", "loc"],
          properties: {
            tiers: {
              type: "array",
              items: {
                type: "object",
                additionalProperties: false,
                required: ["label", "op", "threshold"],
                properties: {
                  label: { type: "string" },
                  op: { enum: [">=", ">"] },
                  threshold: { type: "number" },
                },
              },
            },
            fallback: { type: ["string", "null"] },
            loc: { $ref: "#/$defs/loc" },
          },
        },
      ],
    },
    action: {
      oneOf: [
        {
          type: "object",
          additionalProperties: false,
          required: ["route", "within", "withinMs", "say"],
          properties: {
            route: { type: "string" },
            within: { type: ["string", "null"] },
            withinMs: { $ref: "#/$defs/optionalMs" },
            say: { type: ["string", "null"] },
          },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["nurture"],
          properties: { nurture: { type: "string" } },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["disqualify"],
          properties: { disqualify: { const: true } },
        },
      ],
    },
    bucket: {
      type: "object",
      additionalProperties: false,
      required: ["name", "text", "loc", "test", "actions"],
      properties: {
        name: { type: "string" },
        text: { type: "string" },
        loc: { $ref: "#/$defs/loc" },
        test: {
          oneOf: [
            {
              type: "object",
              additionalProperties: false,
              required: ["kind", "cmp", "value"],
              properties: {
                kind: { const: "threshold" },
                cmp: { enum: ["=", "!=", "<", "<=", ">", ">="] },
                value: { type: "number" },
              },
            },
            {
              type: "object",
              additionalProperties: false,
              required: ["kind", "expr"],
              properties: { kind: { const: "when" }, expr: { $ref: "#/$defs/expr" } },
            },
            {
              type: "object",
              additionalProperties: false,
              required: ["kind"],
              properties: { kind: { const: "otherwise" } },
            },
          ],
        },
        actions: { type: "array", items: { $ref: "#/$defs/action" } },
      },
    },
    clamp: {
      oneOf: [
        { type: "null" },
        {
          type: "object",
          additionalProperties: false,
          required: ["min", "max", "loc"],
          properties: { min: { type: "number" }, max: { type: "number" }, loc: { $ref: "#/$defs/loc" } },
        },
      ],
    },
    model: {
      type: "object",
      additionalProperties: false,
      required: ["name", "label", "when", "loc", "rules", "decay", "buckets", "clamp"],
      properties: {
        name: { $ref: "#/$defs/name" },
        label: { type: ["string", "null"] },
        when: { oneOf: [{ type: "null" }, { $ref: "#/$defs/expr" }] },
        loc: { $ref: "#/$defs/loc" },
        rules: { type: "array", items: { $ref: "#/$defs/rule" } },
        decay: {
          oneOf: [
            { type: "null" },
            {
              type: "object",
              additionalProperties: false,
              required: ["percent", "everyMs", "every", "loc"],
              properties: {
                percent: { type: "number", exclusiveMinimum: 0, maximum: 100 },
                everyMs: { type: "number", exclusiveMinimum: 0 },
                every: { type: "string" },
                loc: { $ref: "#/$defs/loc" },
              },
            },
          ],
        },
        buckets: {
          oneOf: [{ type: "null" }, { type: "array", minItems: 1, items: { $ref: "#/$defs/bucket" } }],
        },
        clamp: { $ref: "#/$defs/clamp" },
      },
    },
  },
};
const func1 = Object.prototype.hasOwnProperty;
const schema20 = { type: "string", pattern: "^sha256:[0-9a-f]{64}$" };
const pattern3 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
function validate53(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate53.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (errors === 0) {
    if (typeof data === "string") {
      if (!pattern3.test(data)) {
        validate53.errors = [
          {
            instancePath,
            schemaPath: "#/pattern",
            keyword: "pattern",
            params: { pattern: "^sha256:[0-9a-f]{64}$" },
            message: 'must match pattern "' + "^sha256:[0-9a-f]{64}$" + '"',
          },
        ];
        return false;
      }
    } else {
      validate53.errors = [
        {
          instancePath,
          schemaPath: "#/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        },
      ];
      return false;
    }
  }
  validate53.errors = vErrors;
  return errors === 0;
}
validate53.evaluated = { dynamicProps: false, dynamicItems: false };
const schema21 = {
  type: "object",
  additionalProperties: false,
  required: ["name", "type", "optional"],
  properties: {
    name: { $ref: "#/$defs/name" },
    type: { enum: ["string", "number", "boolean", "date", "enum"] },
    values: { type: "array", items: { type: "string" } },
    optional: { type: "boolean" },
  },
};
const schema22 = { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" };
const pattern5 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
function validate57(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate57.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (errors === 0) {
    if (typeof data === "string") {
      if (!pattern5.test(data)) {
        validate57.errors = [
          {
            instancePath,
            schemaPath: "#/pattern",
            keyword: "pattern",
            params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
            message: 'must match pattern "' + "^[A-Za-z_][A-Za-z0-9_]*$" + '"',
          },
        ];
        return false;
      }
    } else {
      validate57.errors = [
        {
          instancePath,
          schemaPath: "#/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        },
      ];
      return false;
    }
  }
  validate57.errors = vErrors;
  return errors === 0;
}
validate57.evaluated = { dynamicProps: false, dynamicItems: false };
function validate56(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate56.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (
        (data.name === undefined && (missing0 = "name")) ||
        (data.type === undefined && (missing0 = "type")) ||
        (data.optional === undefined && (missing0 = "optional"))
      ) {
        validate56.errors = [
          {
            instancePath,
            schemaPath: "#/required",
            keyword: "required",
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "name" || key0 === "type" || key0 === "values" || key0 === "optional")) {
            validate56.errors = [
              {
                instancePath,
                schemaPath: "#/additionalProperties",
                keyword: "additionalProperties",
                params: { additionalProperty: key0 },
                message: "must NOT have additional properties",
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.name !== undefined) {
            const _errs2 = errors;
            if (
              !validate57(data.name, {
                instancePath: instancePath + "/name",
                parentData: data,
                parentDataProperty: "name",
                rootData,
                dynamicAnchors,
              })
            ) {
              vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
              errors = vErrors.length;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.type !== undefined) {
              let data1 = data.type;
              const _errs3 = errors;
              if (!(
                data1 === "string" ||
                data1 === "number" ||
                data1 === "boolean" ||
                data1 === "date" ||
                data1 === "enum"
              )) {
                validate56.errors = [
                  {
                    instancePath: instancePath + "/type",
                    schemaPath: "#/properties/type/enum",
                    keyword: "enum",
                    params: { allowedValues: schema21.properties.type.enum },
                    message: "must be equal to one of the allowed values",
                  },
                ];
                return false;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.values !== undefined) {
                let data2 = data.values;
                const _errs4 = errors;
                if (errors === _errs4) {
                  if (Array.isArray(data2)) {
                    var valid1 = true;
                    const len0 = data2.length;
                    for (let i0 = 0; i0 < len0; i0++) {
                      const _errs6 = errors;
                      if (typeof data2[i0] !== "string") {
                        validate56.errors = [
                          {
                            instancePath: instancePath + "/values/" + i0,
                            schemaPath: "#/properties/values/items/type",
                            keyword: "type",
                            params: { type: "string" },
                            message: "must be string",
                          },
                        ];
                        return false;
                      }
                      var valid1 = _errs6 === errors;
                      if (!valid1) {
                        break;
                      }
                    }
                  } else {
                    validate56.errors = [
                      {
                        instancePath: instancePath + "/values",
                        schemaPath: "#/properties/values/type",
                        keyword: "type",
                        params: { type: "array" },
                        message: "must be array",
                      },
                    ];
                    return false;
                  }
                }
                var valid0 = _errs4 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.optional !== undefined) {
                  const _errs8 = errors;
                  if (typeof data.optional !== "boolean") {
                    validate56.errors = [
                      {
                        instancePath: instancePath + "/optional",
                        schemaPath: "#/properties/optional/type",
                        keyword: "type",
                        params: { type: "boolean" },
                        message: "must be boolean",
                      },
                    ];
                    return false;
                  }
                  var valid0 = _errs8 === errors;
                } else {
                  var valid0 = true;
                }
              }
            }
          }
        }
      }
    } else {
      validate56.errors = [
        {
          instancePath,
          schemaPath: "#/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        },
      ];
      return false;
    }
  }
  validate56.errors = vErrors;
  return errors === 0;
}
validate56.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
const schema23 = { type: ["string", "number", "boolean"] };
function validate63(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate63.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (typeof data !== "string" && !(typeof data == "number" && isFinite(data)) && typeof data !== "boolean") {
    validate63.errors = [
      {
        instancePath,
        schemaPath: "#/type",
        keyword: "type",
        params: { type: schema23.type },
        message: "must be string,number,boolean",
      },
    ];
    return false;
  }
  validate63.errors = vErrors;
  return errors === 0;
}
validate63.evaluated = { dynamicProps: false, dynamicItems: false };
const schema24 = {
  type: "object",
  additionalProperties: false,
  required: ["file", "line", "column", "endLine", "endColumn"],
  properties: {
    file: { type: "string" },
    line: { type: "integer", minimum: 1 },
    column: { type: "integer", minimum: 1 },
    endLine: { type: "integer", minimum: 1 },
    endColumn: { type: "integer", minimum: 1 },
  },
};
function validate65(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate65.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (
        (data.file === undefined && (missing0 = "file")) ||
        (data.line === undefined && (missing0 = "line")) ||
        (data.column === undefined && (missing0 = "column")) ||
        (data.endLine === undefined && (missing0 = "endLine")) ||
        (data.endColumn === undefined && (missing0 = "endColumn"))
      ) {
        validate65.errors = [
          {
            instancePath,
            schemaPath: "#/required",
            keyword: "required",
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(
            key0 === "file" ||
            key0 === "line" ||
            key0 === "column" ||
            key0 === "endLine" ||
            key0 === "endColumn"
          )) {
            validate65.errors = [
              {
                instancePath,
                schemaPath: "#/additionalProperties",
                keyword: "additionalProperties",
                params: { additionalProperty: key0 },
                message: "must NOT have additional properties",
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.file !== undefined) {
            const _errs2 = errors;
            if (typeof data.file !== "string") {
              validate65.errors = [
                {
                  instancePath: instancePath + "/file",
                  schemaPath: "#/properties/file/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                },
              ];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.line !== undefined) {
              let data1 = data.line;
              const _errs4 = errors;
              if (!(typeof data1 == "number" && !(data1 % 1) && !isNaN(data1) && isFinite(data1))) {
                validate65.errors = [
                  {
                    instancePath: instancePath + "/line",
                    schemaPath: "#/properties/line/type",
                    keyword: "type",
                    params: { type: "integer" },
                    message: "must be integer",
                  },
                ];
                return false;
              }
              if (errors === _errs4) {
                if (typeof data1 == "number" && isFinite(data1)) {
                  if (data1 < 1 || isNaN(data1)) {
                    validate65.errors = [
                      {
                        instancePath: instancePath + "/line",
                        schemaPath: "#/properties/line/minimum",
                        keyword: "minimum",
                        params: { comparison: ">=", limit: 1 },
                        message: "must be >= 1",
                      },
                    ];
                    return false;
                  }
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.column !== undefined) {
                let data2 = data.column;
                const _errs6 = errors;
                if (!(typeof data2 == "number" && !(data2 % 1) && !isNaN(data2) && isFinite(data2))) {
                  validate65.errors = [
                    {
                      instancePath: instancePath + "/column",
                      schemaPath: "#/properties/column/type",
                      keyword: "type",
                      params: { type: "integer" },
                      message: "must be integer",
                    },
                  ];
                  return false;
                }
                if (errors === _errs6) {
                  if (typeof data2 == "number" && isFinite(data2)) {
                    if (data2 < 1 || isNaN(data2)) {
                      validate65.errors = [
                        {
                          instancePath: instancePath + "/column",
                          schemaPath: "#/properties/column/minimum",
                          keyword: "minimum",
                          params: { comparison: ">=", limit: 1 },
                          message: "must be >= 1",
                        },
                      ];
                      return false;
                    }
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.endLine !== undefined) {
                  let data3 = data.endLine;
                  const _errs8 = errors;
                  if (!(typeof data3 == "number" && !(data3 % 1) && !isNaN(data3) && isFinite(data3))) {
                    validate65.errors = [
                      {
                        instancePath: instancePath + "/endLine",
                        schemaPath: "#/properties/endLine/type",
                        keyword: "type",
                        params: { type: "integer" },
                        message: "must be integer",
                      },
                    ];
                    return false;
                  }
                  if (errors === _errs8) {
                    if (typeof data3 == "number" && isFinite(data3)) {
                      if (data3 < 1 || isNaN(data3)) {
                        validate65.errors = [
                          {
                            instancePath: instancePath + "/endLine",
                            schemaPath: "#/properties/endLine/minimum",
                            keyword: "minimum",
                            params: { comparison: ">=", limit: 1 },
                            message: "must be >= 1",
                          },
                        ];
                        return false;
                      }
                    }
                  }
                  var valid0 = _errs8 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.endColumn !== undefined) {
                    let data4 = data.endColumn;
                    const _errs10 = errors;
                    if (!(typeof data4 == "number" && !(data4 % 1) && !isNaN(data4) && isFinite(data4))) {
                      validate65.errors = [
                        {
                          instancePath: instancePath + "/endColumn",
                          schemaPath: "#/properties/endColumn/type",
                          keyword: "type",
                          params: { type: "integer" },
                          message: "must be integer",
                        },
                      ];
                      return false;
                    }
                    if (errors === _errs10) {
                      if (typeof data4 == "number" && isFinite(data4)) {
                        if (data4 < 1 || isNaN(data4)) {
                          validate65.errors = [
                            {
                              instancePath: instancePath + "/endColumn",
                              schemaPath: "#/properties/endColumn/minimum",
                              keyword: "minimum",
                              params: { comparison: ">=", limit: 1 },
                              message: "must be >= 1",
                            },
                          ];
                          return false;
                        }
                      }
                    }
                    var valid0 = _errs10 === errors;
                  } else {
                    var valid0 = true;
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate65.errors = [
        {
          instancePath,
          schemaPath: "#/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        },
      ];
      return false;
    }
  }
  validate65.errors = vErrors;
  return errors === 0;
}
validate65.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
const schema25 = {
  oneOf: [
    {
      type: "object",
      additionalProperties: false,
      required: ["kind", "expr"],
      properties: { kind: { const: "profile" }, expr: { $ref: "#/$defs/expr" } },
    },
    {
      type: "object",
      additionalProperties: false,
      required: ["kind", "types", "where"],
      properties: {
        kind: { const: "event" },
        types: { type: "array", minItems: 1, items: { $ref: "#/$defs/name" } },
        where: { oneOf: [{ type: "null" }, { $ref: "#/$defs/expr" }] },
      },
    },
    {
      type: "object",
      additionalProperties: false,
      required: ["kind", "types", "withinMs"],
      properties: {
        kind: { const: "no_event" },
        types: { oneOf: [{ type: "null" }, { type: "array", items: { $ref: "#/$defs/name" } }] },
        withinMs: { type: "number", exclusiveMinimum: 0 },
      },
    },
  ],
};
const schema26 = {
  oneOf: [
    {
      type: "object",
      additionalProperties: false,
      required: ["op", "args"],
      properties: {
        op: { enum: ["and", "or"] },
        args: { type: "array", minItems: 2, items: { $ref: "#/$defs/expr" } },
      },
    },
    {
      type: "object",
      additionalProperties: false,
      required: ["op", "arg"],
      properties: { op: { const: "not" }, arg: { $ref: "#/$defs/expr" } },
    },
    {
      type: "object",
      additionalProperties: false,
      required: ["op", "cmp", "ref", "value"],
      properties: {
        op: { const: "compare" },
        cmp: { enum: ["=", "!=", "<", "<=", ">", ">="] },
        ref: { $ref: "#/$defs/ref" },
        value: { $ref: "#/$defs/literal" },
      },
    },
    {
      type: "object",
      additionalProperties: false,
      required: ["op", "ref", "values"],
      properties: {
        op: { const: "in" },
        ref: { $ref: "#/$defs/ref" },
        values: { type: "array", items: { $ref: "#/$defs/literal" } },
        list: { type: "string" },
      },
    },
    {
      type: "object",
      additionalProperties: false,
      required: ["op", "ref", "values"],
      properties: {
        op: { enum: ["contains", "starts_with", "ends_with"] },
        ref: { $ref: "#/$defs/ref" },
        values: { type: "array", items: { type: "string" } },
        list: { type: "string" },
      },
    },
    {
      type: "object",
      additionalProperties: false,
      required: ["op", "ref", "low", "high"],
      properties: {
        op: { const: "between" },
        ref: { $ref: "#/$defs/ref" },
        low: { $ref: "#/$defs/literal" },
        high: { $ref: "#/$defs/literal" },
      },
    },
    {
      type: "object",
      additionalProperties: false,
      required: ["op", "ref", "ms", "duration"],
      properties: {
        op: { const: "within" },
        ref: { $ref: "#/$defs/ref" },
        ms: { type: "integer", minimum: 0 },
        duration: { type: "string" },
      },
    },
    {
      type: "object",
      additionalProperties: false,
      required: ["op", "ref"],
      properties: { op: { enum: ["missing", "present"] }, ref: { $ref: "#/$defs/ref" } },
    },
  ],
};
const wrapper0 = { validate: validate68 };
const schema27 = {
  type: "object",
  additionalProperties: false,
  required: ["scope", "name", "type"],
  properties: {
    scope: { enum: ["lead", "event", "result"] },
    name: { $ref: "#/$defs/name" },
    type: { enum: ["string", "number", "boolean", "date", "enum"] },
  },
};
function validate69(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate69.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (
        (data.scope === undefined && (missing0 = "scope")) ||
        (data.name === undefined && (missing0 = "name")) ||
        (data.type === undefined && (missing0 = "type"))
      ) {
        validate69.errors = [
          {
            instancePath,
            schemaPath: "#/required",
            keyword: "required",
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "scope" || key0 === "name" || key0 === "type")) {
            validate69.errors = [
              {
                instancePath,
                schemaPath: "#/additionalProperties",
                keyword: "additionalProperties",
                params: { additionalProperty: key0 },
                message: "must NOT have additional properties",
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.scope !== undefined) {
            let data0 = data.scope;
            const _errs2 = errors;
            if (!(data0 === "lead" || data0 === "event" || data0 === "result")) {
              validate69.errors = [
                {
                  instancePath: instancePath + "/scope",
                  schemaPath: "#/properties/scope/enum",
                  keyword: "enum",
                  params: { allowedValues: schema27.properties.scope.enum },
                  message: "must be equal to one of the allowed values",
                },
              ];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.name !== undefined) {
              const _errs3 = errors;
              if (
                !validate57(data.name, {
                  instancePath: instancePath + "/name",
                  parentData: data,
                  parentDataProperty: "name",
                  rootData,
                  dynamicAnchors,
                })
              ) {
                vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
                errors = vErrors.length;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.type !== undefined) {
                let data2 = data.type;
                const _errs4 = errors;
                if (!(
                  data2 === "string" ||
                  data2 === "number" ||
                  data2 === "boolean" ||
                  data2 === "date" ||
                  data2 === "enum"
                )) {
                  validate69.errors = [
                    {
                      instancePath: instancePath + "/type",
                      schemaPath: "#/properties/type/enum",
                      keyword: "enum",
                      params: { allowedValues: schema27.properties.type.enum },
                      message: "must be equal to one of the allowed values",
                    },
                  ];
                  return false;
                }
                var valid0 = _errs4 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate69.errors = [
        {
          instancePath,
          schemaPath: "#/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        },
      ];
      return false;
    }
  }
  validate69.errors = vErrors;
  return errors === 0;
}
validate69.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
function validate68(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate68.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (errors === _errs1) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if ((data.op === undefined && (missing0 = "op")) || (data.args === undefined && (missing0 = "args"))) {
        const err0 = {
          instancePath,
          schemaPath: "#/oneOf/0/required",
          keyword: "required",
          params: { missingProperty: missing0 },
          message: "must have required property '" + missing0 + "'",
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      } else {
        const _errs3 = errors;
        for (const key0 in data) {
          if (!(key0 === "op" || key0 === "args")) {
            const err1 = {
              instancePath,
              schemaPath: "#/oneOf/0/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key0 },
              message: "must NOT have additional properties",
            };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
            break;
          }
        }
        if (_errs3 === errors) {
          if (data.op !== undefined) {
            let data0 = data.op;
            const _errs4 = errors;
            if (!(data0 === "and" || data0 === "or")) {
              const err2 = {
                instancePath: instancePath + "/op",
                schemaPath: "#/oneOf/0/properties/op/enum",
                keyword: "enum",
                params: { allowedValues: schema26.oneOf[0].properties.op.enum },
                message: "must be equal to one of the allowed values",
              };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            var valid1 = _errs4 === errors;
          } else {
            var valid1 = true;
          }
          if (valid1) {
            if (data.args !== undefined) {
              let data1 = data.args;
              const _errs5 = errors;
              if (errors === _errs5) {
                if (Array.isArray(data1)) {
                  if (data1.length < 2) {
                    const err3 = {
                      instancePath: instancePath + "/args",
                      schemaPath: "#/oneOf/0/properties/args/minItems",
                      keyword: "minItems",
                      params: { limit: 2 },
                      message: "must NOT have fewer than 2 items",
                    };
                    if (vErrors === null) {
                      vErrors = [err3];
                    } else {
                      vErrors.push(err3);
                    }
                    errors++;
                  } else {
                    var valid2 = true;
                    const len0 = data1.length;
                    for (let i0 = 0; i0 < len0; i0++) {
                      const _errs7 = errors;
                      if (
                        !wrapper0.validate(data1[i0], {
                          instancePath: instancePath + "/args/" + i0,
                          parentData: data1,
                          parentDataProperty: i0,
                          rootData,
                          dynamicAnchors,
                        })
                      ) {
                        vErrors =
                          vErrors === null
                            ? wrapper0.validate.errors
                            : vErrors.concat(wrapper0.validate.errors);
                        errors = vErrors.length;
                      }
                      var valid2 = _errs7 === errors;
                      if (!valid2) {
                        break;
                      }
                    }
                  }
                } else {
                  const err4 = {
                    instancePath: instancePath + "/args",
                    schemaPath: "#/oneOf/0/properties/args/type",
                    keyword: "type",
                    params: { type: "array" },
                    message: "must be array",
                  };
                  if (vErrors === null) {
                    vErrors = [err4];
                  } else {
                    vErrors.push(err4);
                  }
                  errors++;
                }
              }
              var valid1 = _errs5 === errors;
            } else {
              var valid1 = true;
            }
          }
        }
      }
    } else {
      const err5 = {
        instancePath,
        schemaPath: "#/oneOf/0/type",
        keyword: "type",
        params: { type: "object" },
        message: "must be object",
      };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
    var props1 = true;
  }
  const _errs8 = errors;
  if (errors === _errs8) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing1;
      if ((data.op === undefined && (missing1 = "op")) || (data.arg === undefined && (missing1 = "arg"))) {
        const err6 = {
          instancePath,
          schemaPath: "#/oneOf/1/required",
          keyword: "required",
          params: { missingProperty: missing1 },
          message: "must have required property '" + missing1 + "'",
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      } else {
        const _errs10 = errors;
        for (const key1 in data) {
          if (!(key1 === "op" || key1 === "arg")) {
            const err7 = {
              instancePath,
              schemaPath: "#/oneOf/1/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key1 },
              message: "must NOT have additional properties",
            };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
            break;
          }
        }
        if (_errs10 === errors) {
          if (data.op !== undefined) {
            const _errs11 = errors;
            if ("not" !== data.op) {
              const err8 = {
                instancePath: instancePath + "/op",
                schemaPath: "#/oneOf/1/properties/op/const",
                keyword: "const",
                params: { allowedValue: "not" },
                message: "must be equal to constant",
              };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            var valid3 = _errs11 === errors;
          } else {
            var valid3 = true;
          }
          if (valid3) {
            if (data.arg !== undefined) {
              const _errs12 = errors;
              if (
                !wrapper0.validate(data.arg, {
                  instancePath: instancePath + "/arg",
                  parentData: data,
                  parentDataProperty: "arg",
                  rootData,
                  dynamicAnchors,
                })
              ) {
                vErrors =
                  vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
                errors = vErrors.length;
              }
              var valid3 = _errs12 === errors;
            } else {
              var valid3 = true;
            }
          }
        }
      }
    } else {
      const err9 = {
        instancePath,
        schemaPath: "#/oneOf/1/type",
        keyword: "type",
        params: { type: "object" },
        message: "must be object",
      };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
  }
  var _valid0 = _errs8 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
      if (props1 !== true) {
        props1 = true;
      }
    }
    const _errs13 = errors;
    if (errors === _errs13) {
      if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing2;
        if (
          (data.op === undefined && (missing2 = "op")) ||
          (data.cmp === undefined && (missing2 = "cmp")) ||
          (data.ref === undefined && (missing2 = "ref")) ||
          (data.value === undefined && (missing2 = "value"))
        ) {
          const err10 = {
            instancePath,
            schemaPath: "#/oneOf/2/required",
            keyword: "required",
            params: { missingProperty: missing2 },
            message: "must have required property '" + missing2 + "'",
          };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        } else {
          const _errs15 = errors;
          for (const key2 in data) {
            if (!(key2 === "op" || key2 === "cmp" || key2 === "ref" || key2 === "value")) {
              const err11 = {
                instancePath,
                schemaPath: "#/oneOf/2/additionalProperties",
                keyword: "additionalProperties",
                params: { additionalProperty: key2 },
                message: "must NOT have additional properties",
              };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
              break;
            }
          }
          if (_errs15 === errors) {
            if (data.op !== undefined) {
              const _errs16 = errors;
              if ("compare" !== data.op) {
                const err12 = {
                  instancePath: instancePath + "/op",
                  schemaPath: "#/oneOf/2/properties/op/const",
                  keyword: "const",
                  params: { allowedValue: "compare" },
                  message: "must be equal to constant",
                };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
              var valid4 = _errs16 === errors;
            } else {
              var valid4 = true;
            }
            if (valid4) {
              if (data.cmp !== undefined) {
                let data6 = data.cmp;
                const _errs17 = errors;
                if (!(
                  data6 === "=" ||
                  data6 === "!=" ||
                  data6 === "<" ||
                  data6 === "<=" ||
                  data6 === ">" ||
                  data6 === ">="
                )) {
                  const err13 = {
                    instancePath: instancePath + "/cmp",
                    schemaPath: "#/oneOf/2/properties/cmp/enum",
                    keyword: "enum",
                    params: { allowedValues: schema26.oneOf[2].properties.cmp.enum },
                    message: "must be equal to one of the allowed values",
                  };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors++;
                }
                var valid4 = _errs17 === errors;
              } else {
                var valid4 = true;
              }
              if (valid4) {
                if (data.ref !== undefined) {
                  const _errs18 = errors;
                  if (
                    !validate69(data.ref, {
                      instancePath: instancePath + "/ref",
                      parentData: data,
                      parentDataProperty: "ref",
                      rootData,
                      dynamicAnchors,
                    })
                  ) {
                    vErrors = vErrors === null ? validate69.errors : vErrors.concat(validate69.errors);
                    errors = vErrors.length;
                  }
                  var valid4 = _errs18 === errors;
                } else {
                  var valid4 = true;
                }
                if (valid4) {
                  if (data.value !== undefined) {
                    const _errs19 = errors;
                    if (
                      !validate63(data.value, {
                        instancePath: instancePath + "/value",
                        parentData: data,
                        parentDataProperty: "value",
                        rootData,
                        dynamicAnchors,
                      })
                    ) {
                      vErrors = vErrors === null ? validate63.errors : vErrors.concat(validate63.errors);
                      errors = vErrors.length;
                    }
                    var valid4 = _errs19 === errors;
                  } else {
                    var valid4 = true;
                  }
                }
              }
            }
          }
        }
      } else {
        const err14 = {
          instancePath,
          schemaPath: "#/oneOf/2/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    var _valid0 = _errs13 === errors;
    if (_valid0 && valid0) {
      valid0 = false;
      passing0 = [passing0, 2];
    } else {
      if (_valid0) {
        valid0 = true;
        passing0 = 2;
        if (props1 !== true) {
          props1 = true;
        }
      }
      const _errs20 = errors;
      if (errors === _errs20) {
        if (data && typeof data == "object" && !Array.isArray(data)) {
          let missing3;
          if (
            (data.op === undefined && (missing3 = "op")) ||
            (data.ref === undefined && (missing3 = "ref")) ||
            (data.values === undefined && (missing3 = "values"))
          ) {
            const err15 = {
              instancePath,
              schemaPath: "#/oneOf/3/required",
              keyword: "required",
              params: { missingProperty: missing3 },
              message: "must have required property '" + missing3 + "'",
            };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          } else {
            const _errs22 = errors;
            for (const key3 in data) {
              if (!(key3 === "op" || key3 === "ref" || key3 === "values" || key3 === "list")) {
                const err16 = {
                  instancePath,
                  schemaPath: "#/oneOf/3/additionalProperties",
                  keyword: "additionalProperties",
                  params: { additionalProperty: key3 },
                  message: "must NOT have additional properties",
                };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
                break;
              }
            }
            if (_errs22 === errors) {
              if (data.op !== undefined) {
                const _errs23 = errors;
                if ("in" !== data.op) {
                  const err17 = {
                    instancePath: instancePath + "/op",
                    schemaPath: "#/oneOf/3/properties/op/const",
                    keyword: "const",
                    params: { allowedValue: "in" },
                    message: "must be equal to constant",
                  };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                }
                var valid5 = _errs23 === errors;
              } else {
                var valid5 = true;
              }
              if (valid5) {
                if (data.ref !== undefined) {
                  const _errs24 = errors;
                  if (
                    !validate69(data.ref, {
                      instancePath: instancePath + "/ref",
                      parentData: data,
                      parentDataProperty: "ref",
                      rootData,
                      dynamicAnchors,
                    })
                  ) {
                    vErrors = vErrors === null ? validate69.errors : vErrors.concat(validate69.errors);
                    errors = vErrors.length;
                  }
                  var valid5 = _errs24 === errors;
                } else {
                  var valid5 = true;
                }
                if (valid5) {
                  if (data.values !== undefined) {
                    let data11 = data.values;
                    const _errs25 = errors;
                    if (errors === _errs25) {
                      if (Array.isArray(data11)) {
                        var valid6 = true;
                        const len1 = data11.length;
                        for (let i1 = 0; i1 < len1; i1++) {
                          const _errs27 = errors;
                          if (
                            !validate63(data11[i1], {
                              instancePath: instancePath + "/values/" + i1,
                              parentData: data11,
                              parentDataProperty: i1,
                              rootData,
                              dynamicAnchors,
                            })
                          ) {
                            vErrors =
                              vErrors === null ? validate63.errors : vErrors.concat(validate63.errors);
                            errors = vErrors.length;
                          }
                          var valid6 = _errs27 === errors;
                          if (!valid6) {
                            break;
                          }
                        }
                      } else {
                        const err18 = {
                          instancePath: instancePath + "/values",
                          schemaPath: "#/oneOf/3/properties/values/type",
                          keyword: "type",
                          params: { type: "array" },
                          message: "must be array",
                        };
                        if (vErrors === null) {
                          vErrors = [err18];
                        } else {
                          vErrors.push(err18);
                        }
                        errors++;
                      }
                    }
                    var valid5 = _errs25 === errors;
                  } else {
                    var valid5 = true;
                  }
                  if (valid5) {
                    if (data.list !== undefined) {
                      const _errs28 = errors;
                      if (typeof data.list !== "string") {
                        const err19 = {
                          instancePath: instancePath + "/list",
                          schemaPath: "#/oneOf/3/properties/list/type",
                          keyword: "type",
                          params: { type: "string" },
                          message: "must be string",
                        };
                        if (vErrors === null) {
                          vErrors = [err19];
                        } else {
                          vErrors.push(err19);
                        }
                        errors++;
                      }
                      var valid5 = _errs28 === errors;
                    } else {
                      var valid5 = true;
                    }
                  }
                }
              }
            }
          }
        } else {
          const err20 = {
            instancePath,
            schemaPath: "#/oneOf/3/type",
            keyword: "type",
            params: { type: "object" },
            message: "must be object",
          };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      }
      var _valid0 = _errs20 === errors;
      if (_valid0 && valid0) {
        valid0 = false;
        passing0 = [passing0, 3];
      } else {
        if (_valid0) {
          valid0 = true;
          passing0 = 3;
          if (props1 !== true) {
            props1 = true;
          }
        }
        const _errs30 = errors;
        if (errors === _errs30) {
          if (data && typeof data == "object" && !Array.isArray(data)) {
            let missing4;
            if (
              (data.op === undefined && (missing4 = "op")) ||
              (data.ref === undefined && (missing4 = "ref")) ||
              (data.values === undefined && (missing4 = "values"))
            ) {
              const err21 = {
                instancePath,
                schemaPath: "#/oneOf/4/required",
                keyword: "required",
                params: { missingProperty: missing4 },
                message: "must have required property '" + missing4 + "'",
              };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            } else {
              const _errs32 = errors;
              for (const key4 in data) {
                if (!(key4 === "op" || key4 === "ref" || key4 === "values" || key4 === "list")) {
                  const err22 = {
                    instancePath,
                    schemaPath: "#/oneOf/4/additionalProperties",
                    keyword: "additionalProperties",
                    params: { additionalProperty: key4 },
                    message: "must NOT have additional properties",
                  };
                  if (vErrors === null) {
                    vErrors = [err22];
                  } else {
                    vErrors.push(err22);
                  }
                  errors++;
                  break;
                }
              }
              if (_errs32 === errors) {
                if (data.op !== undefined) {
                  let data14 = data.op;
                  const _errs33 = errors;
                  if (!(data14 === "contains" || data14 === "starts_with" || data14 === "ends_with")) {
                    const err23 = {
                      instancePath: instancePath + "/op",
                      schemaPath: "#/oneOf/4/properties/op/enum",
                      keyword: "enum",
                      params: { allowedValues: schema26.oneOf[4].properties.op.enum },
                      message: "must be equal to one of the allowed values",
                    };
                    if (vErrors === null) {
                      vErrors = [err23];
                    } else {
                      vErrors.push(err23);
                    }
                    errors++;
                  }
                  var valid7 = _errs33 === errors;
                } else {
                  var valid7 = true;
                }
                if (valid7) {
                  if (data.ref !== undefined) {
                    const _errs34 = errors;
                    if (
                      !validate69(data.ref, {
                        instancePath: instancePath + "/ref",
                        parentData: data,
                        parentDataProperty: "ref",
                        rootData,
                        dynamicAnchors,
                      })
                    ) {
                      vErrors = vErrors === null ? validate69.errors : vErrors.concat(validate69.errors);
                      errors = vErrors.length;
                    }
                    var valid7 = _errs34 === errors;
                  } else {
                    var valid7 = true;
                  }
                  if (valid7) {
                    if (data.values !== undefined) {
                      let data16 = data.values;
                      const _errs35 = errors;
                      if (errors === _errs35) {
                        if (Array.isArray(data16)) {
                          var valid8 = true;
                          const len2 = data16.length;
                          for (let i2 = 0; i2 < len2; i2++) {
                            const _errs37 = errors;
                            if (typeof data16[i2] !== "string") {
                              const err24 = {
                                instancePath: instancePath + "/values/" + i2,
                                schemaPath: "#/oneOf/4/properties/values/items/type",
                                keyword: "type",
                                params: { type: "string" },
                                message: "must be string",
                              };
                              if (vErrors === null) {
                                vErrors = [err24];
                              } else {
                                vErrors.push(err24);
                              }
                              errors++;
                            }
                            var valid8 = _errs37 === errors;
                            if (!valid8) {
                              break;
                            }
                          }
                        } else {
                          const err25 = {
                            instancePath: instancePath + "/values",
                            schemaPath: "#/oneOf/4/properties/values/type",
                            keyword: "type",
                            params: { type: "array" },
                            message: "must be array",
                          };
                          if (vErrors === null) {
                            vErrors = [err25];
                          } else {
                            vErrors.push(err25);
                          }
                          errors++;
                        }
                      }
                      var valid7 = _errs35 === errors;
                    } else {
                      var valid7 = true;
                    }
                    if (valid7) {
                      if (data.list !== undefined) {
                        const _errs39 = errors;
                        if (typeof data.list !== "string") {
                          const err26 = {
                            instancePath: instancePath + "/list",
                            schemaPath: "#/oneOf/4/properties/list/type",
                            keyword: "type",
                            params: { type: "string" },
                            message: "must be string",
                          };
                          if (vErrors === null) {
                            vErrors = [err26];
                          } else {
                            vErrors.push(err26);
                          }
                          errors++;
                        }
                        var valid7 = _errs39 === errors;
                      } else {
                        var valid7 = true;
                      }
                    }
                  }
                }
              }
            }
          } else {
            const err27 = {
              instancePath,
              schemaPath: "#/oneOf/4/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
            };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
        var _valid0 = _errs30 === errors;
        if (_valid0 && valid0) {
          valid0 = false;
          passing0 = [passing0, 4];
        } else {
          if (_valid0) {
            valid0 = true;
            passing0 = 4;
            if (props1 !== true) {
              props1 = true;
            }
          }
          const _errs41 = errors;
          if (errors === _errs41) {
            if (data && typeof data == "object" && !Array.isArray(data)) {
              let missing5;
              if (
                (data.op === undefined && (missing5 = "op")) ||
                (data.ref === undefined && (missing5 = "ref")) ||
                (data.low === undefined && (missing5 = "low")) ||
                (data.high === undefined && (missing5 = "high"))
              ) {
                const err28 = {
                  instancePath,
                  schemaPath: "#/oneOf/5/required",
                  keyword: "required",
                  params: { missingProperty: missing5 },
                  message: "must have required property '" + missing5 + "'",
                };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              } else {
                const _errs43 = errors;
                for (const key5 in data) {
                  if (!(key5 === "op" || key5 === "ref" || key5 === "low" || key5 === "high")) {
                    const err29 = {
                      instancePath,
                      schemaPath: "#/oneOf/5/additionalProperties",
                      keyword: "additionalProperties",
                      params: { additionalProperty: key5 },
                      message: "must NOT have additional properties",
                    };
                    if (vErrors === null) {
                      vErrors = [err29];
                    } else {
                      vErrors.push(err29);
                    }
                    errors++;
                    break;
                  }
                }
                if (_errs43 === errors) {
                  if (data.op !== undefined) {
                    const _errs44 = errors;
                    if ("between" !== data.op) {
                      const err30 = {
                        instancePath: instancePath + "/op",
                        schemaPath: "#/oneOf/5/properties/op/const",
                        keyword: "const",
                        params: { allowedValue: "between" },
                        message: "must be equal to constant",
                      };
                      if (vErrors === null) {
                        vErrors = [err30];
                      } else {
                        vErrors.push(err30);
                      }
                      errors++;
                    }
                    var valid9 = _errs44 === errors;
                  } else {
                    var valid9 = true;
                  }
                  if (valid9) {
                    if (data.ref !== undefined) {
                      const _errs45 = errors;
                      if (
                        !validate69(data.ref, {
                          instancePath: instancePath + "/ref",
                          parentData: data,
                          parentDataProperty: "ref",
                          rootData,
                          dynamicAnchors,
                        })
                      ) {
                        vErrors = vErrors === null ? validate69.errors : vErrors.concat(validate69.errors);
                        errors = vErrors.length;
                      }
                      var valid9 = _errs45 === errors;
                    } else {
                      var valid9 = true;
                    }
                    if (valid9) {
                      if (data.low !== undefined) {
                        const _errs46 = errors;
                        if (
                          !validate63(data.low, {
                            instancePath: instancePath + "/low",
                            parentData: data,
                            parentDataProperty: "low",
                            rootData,
                            dynamicAnchors,
                          })
                        ) {
                          vErrors = vErrors === null ? validate63.errors : vErrors.concat(validate63.errors);
                          errors = vErrors.length;
                        }
                        var valid9 = _errs46 === errors;
                      } else {
                        var valid9 = true;
                      }
                      if (valid9) {
                        if (data.high !== undefined) {
                          const _errs47 = errors;
                          if (
                            !validate63(data.high, {
                              instancePath: instancePath + "/high",
                              parentData: data,
                              parentDataProperty: "high",
                              rootData,
                              dynamicAnchors,
                            })
                          ) {
                            vErrors =
                              vErrors === null ? validate63.errors : vErrors.concat(validate63.errors);
                            errors = vErrors.length;
                          }
                          var valid9 = _errs47 === errors;
                        } else {
                          var valid9 = true;
                        }
                      }
                    }
                  }
                }
              }
            } else {
              const err31 = {
                instancePath,
                schemaPath: "#/oneOf/5/type",
                keyword: "type",
                params: { type: "object" },
                message: "must be object",
              };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          }
          var _valid0 = _errs41 === errors;
          if (_valid0 && valid0) {
            valid0 = false;
            passing0 = [passing0, 5];
          } else {
            if (_valid0) {
              valid0 = true;
              passing0 = 5;
              if (props1 !== true) {
                props1 = true;
              }
            }
            const _errs48 = errors;
            if (errors === _errs48) {
              if (data && typeof data == "object" && !Array.isArray(data)) {
                let missing6;
                if (
                  (data.op === undefined && (missing6 = "op")) ||
                  (data.ref === undefined && (missing6 = "ref")) ||
                  (data.ms === undefined && (missing6 = "ms")) ||
                  (data.duration === undefined && (missing6 = "duration"))
                ) {
                  const err32 = {
                    instancePath,
                    schemaPath: "#/oneOf/6/required",
                    keyword: "required",
                    params: { missingProperty: missing6 },
                    message: "must have required property '" + missing6 + "'",
                  };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                } else {
                  const _errs50 = errors;
                  for (const key6 in data) {
                    if (!(key6 === "op" || key6 === "ref" || key6 === "ms" || key6 === "duration")) {
                      const err33 = {
                        instancePath,
                        schemaPath: "#/oneOf/6/additionalProperties",
                        keyword: "additionalProperties",
                        params: { additionalProperty: key6 },
                        message: "must NOT have additional properties",
                      };
                      if (vErrors === null) {
                        vErrors = [err33];
                      } else {
                        vErrors.push(err33);
                      }
                      errors++;
                      break;
                    }
                  }
                  if (_errs50 === errors) {
                    if (data.op !== undefined) {
                      const _errs51 = errors;
                      if ("within" !== data.op) {
                        const err34 = {
                          instancePath: instancePath + "/op",
                          schemaPath: "#/oneOf/6/properties/op/const",
                          keyword: "const",
                          params: { allowedValue: "within" },
                          message: "must be equal to constant",
                        };
                        if (vErrors === null) {
                          vErrors = [err34];
                        } else {
                          vErrors.push(err34);
                        }
                        errors++;
                      }
                      var valid10 = _errs51 === errors;
                    } else {
                      var valid10 = true;
                    }
                    if (valid10) {
                      if (data.ref !== undefined) {
                        const _errs52 = errors;
                        if (
                          !validate69(data.ref, {
                            instancePath: instancePath + "/ref",
                            parentData: data,
                            parentDataProperty: "ref",
                            rootData,
                            dynamicAnchors,
                          })
                        ) {
                          vErrors = vErrors === null ? validate69.errors : vErrors.concat(validate69.errors);
                          errors = vErrors.length;
                        }
                        var valid10 = _errs52 === errors;
                      } else {
                        var valid10 = true;
                      }
                      if (valid10) {
                        if (data.ms !== undefined) {
                          let data25 = data.ms;
                          const _errs53 = errors;
                          if (!(
                            typeof data25 == "number" &&
                            !(data25 % 1) &&
                            !isNaN(data25) &&
                            isFinite(data25)
                          )) {
                            const err35 = {
                              instancePath: instancePath + "/ms",
                              schemaPath: "#/oneOf/6/properties/ms/type",
                              keyword: "type",
                              params: { type: "integer" },
                              message: "must be integer",
                            };
                            if (vErrors === null) {
                              vErrors = [err35];
                            } else {
                              vErrors.push(err35);
                            }
                            errors++;
                          }
                          if (errors === _errs53) {
                            if (typeof data25 == "number" && isFinite(data25)) {
                              if (data25 < 0 || isNaN(data25)) {
                                const err36 = {
                                  instancePath: instancePath + "/ms",
                                  schemaPath: "#/oneOf/6/properties/ms/minimum",
                                  keyword: "minimum",
                                  params: { comparison: ">=", limit: 0 },
                                  message: "must be >= 0",
                                };
                                if (vErrors === null) {
                                  vErrors = [err36];
                                } else {
                                  vErrors.push(err36);
                                }
                                errors++;
                              }
                            }
                          }
                          var valid10 = _errs53 === errors;
                        } else {
                          var valid10 = true;
                        }
                        if (valid10) {
                          if (data.duration !== undefined) {
                            const _errs55 = errors;
                            if (typeof data.duration !== "string") {
                              const err37 = {
                                instancePath: instancePath + "/duration",
                                schemaPath: "#/oneOf/6/properties/duration/type",
                                keyword: "type",
                                params: { type: "string" },
                                message: "must be string",
                              };
                              if (vErrors === null) {
                                vErrors = [err37];
                              } else {
                                vErrors.push(err37);
                              }
                              errors++;
                            }
                            var valid10 = _errs55 === errors;
                          } else {
                            var valid10 = true;
                          }
                        }
                      }
                    }
                  }
                }
              } else {
                const err38 = {
                  instancePath,
                  schemaPath: "#/oneOf/6/type",
                  keyword: "type",
                  params: { type: "object" },
                  message: "must be object",
                };
                if (vErrors === null) {
                  vErrors = [err38];
                } else {
                  vErrors.push(err38);
                }
                errors++;
              }
            }
            var _valid0 = _errs48 === errors;
            if (_valid0 && valid0) {
              valid0 = false;
              passing0 = [passing0, 6];
            } else {
              if (_valid0) {
                valid0 = true;
                passing0 = 6;
                if (props1 !== true) {
                  props1 = true;
                }
              }
              const _errs57 = errors;
              if (errors === _errs57) {
                if (data && typeof data == "object" && !Array.isArray(data)) {
                  let missing7;
                  if (
                    (data.op === undefined && (missing7 = "op")) ||
                    (data.ref === undefined && (missing7 = "ref"))
                  ) {
                    const err39 = {
                      instancePath,
                      schemaPath: "#/oneOf/7/required",
                      keyword: "required",
                      params: { missingProperty: missing7 },
                      message: "must have required property '" + missing7 + "'",
                    };
                    if (vErrors === null) {
                      vErrors = [err39];
                    } else {
                      vErrors.push(err39);
                    }
                    errors++;
                  } else {
                    const _errs59 = errors;
                    for (const key7 in data) {
                      if (!(key7 === "op" || key7 === "ref")) {
                        const err40 = {
                          instancePath,
                          schemaPath: "#/oneOf/7/additionalProperties",
                          keyword: "additionalProperties",
                          params: { additionalProperty: key7 },
                          message: "must NOT have additional properties",
                        };
                        if (vErrors === null) {
                          vErrors = [err40];
                        } else {
                          vErrors.push(err40);
                        }
                        errors++;
                        break;
                      }
                    }
                    if (_errs59 === errors) {
                      if (data.op !== undefined) {
                        let data27 = data.op;
                        const _errs60 = errors;
                        if (!(data27 === "missing" || data27 === "present")) {
                          const err41 = {
                            instancePath: instancePath + "/op",
                            schemaPath: "#/oneOf/7/properties/op/enum",
                            keyword: "enum",
                            params: { allowedValues: schema26.oneOf[7].properties.op.enum },
                            message: "must be equal to one of the allowed values",
                          };
                          if (vErrors === null) {
                            vErrors = [err41];
                          } else {
                            vErrors.push(err41);
                          }
                          errors++;
                        }
                        var valid11 = _errs60 === errors;
                      } else {
                        var valid11 = true;
                      }
                      if (valid11) {
                        if (data.ref !== undefined) {
                          const _errs61 = errors;
                          if (
                            !validate69(data.ref, {
                              instancePath: instancePath + "/ref",
                              parentData: data,
                              parentDataProperty: "ref",
                              rootData,
                              dynamicAnchors,
                            })
                          ) {
                            vErrors =
                              vErrors === null ? validate69.errors : vErrors.concat(validate69.errors);
                            errors = vErrors.length;
                          }
                          var valid11 = _errs61 === errors;
                        } else {
                          var valid11 = true;
                        }
                      }
                    }
                  }
                } else {
                  const err42 = {
                    instancePath,
                    schemaPath: "#/oneOf/7/type",
                    keyword: "type",
                    params: { type: "object" },
                    message: "must be object",
                  };
                  if (vErrors === null) {
                    vErrors = [err42];
                  } else {
                    vErrors.push(err42);
                  }
                  errors++;
                }
              }
              var _valid0 = _errs57 === errors;
              if (_valid0 && valid0) {
                valid0 = false;
                passing0 = [passing0, 7];
              } else {
                if (_valid0) {
                  valid0 = true;
                  passing0 = 7;
                  if (props1 !== true) {
                    props1 = true;
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  if (!valid0) {
    const err43 = {
      instancePath,
      schemaPath: "#/oneOf",
      keyword: "oneOf",
      params: { passingSchemas: passing0 },
      message: "must match exactly one schema in oneOf",
    };
    if (vErrors === null) {
      vErrors = [err43];
    } else {
      vErrors.push(err43);
    }
    errors++;
    validate68.errors = vErrors;
    return false;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate68.errors = vErrors;
  evaluated0.props = props1;
  return errors === 0;
}
validate68.evaluated = { dynamicProps: true, dynamicItems: false };
function validate67(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate67.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (errors === _errs1) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (
        (data.kind === undefined && (missing0 = "kind")) ||
        (data.expr === undefined && (missing0 = "expr"))
      ) {
        const err0 = {
          instancePath,
          schemaPath: "#/oneOf/0/required",
          keyword: "required",
          params: { missingProperty: missing0 },
          message: "must have required property '" + missing0 + "'",
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      } else {
        const _errs3 = errors;
        for (const key0 in data) {
          if (!(key0 === "kind" || key0 === "expr")) {
            const err1 = {
              instancePath,
              schemaPath: "#/oneOf/0/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key0 },
              message: "must NOT have additional properties",
            };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
            break;
          }
        }
        if (_errs3 === errors) {
          if (data.kind !== undefined) {
            const _errs4 = errors;
            if ("profile" !== data.kind) {
              const err2 = {
                instancePath: instancePath + "/kind",
                schemaPath: "#/oneOf/0/properties/kind/const",
                keyword: "const",
                params: { allowedValue: "profile" },
                message: "must be equal to constant",
              };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            var valid1 = _errs4 === errors;
          } else {
            var valid1 = true;
          }
          if (valid1) {
            if (data.expr !== undefined) {
              const _errs5 = errors;
              if (
                !validate68(data.expr, {
                  instancePath: instancePath + "/expr",
                  parentData: data,
                  parentDataProperty: "expr",
                  rootData,
                  dynamicAnchors,
                })
              ) {
                vErrors = vErrors === null ? validate68.errors : vErrors.concat(validate68.errors);
                errors = vErrors.length;
              }
              var valid1 = _errs5 === errors;
            } else {
              var valid1 = true;
            }
          }
        }
      }
    } else {
      const err3 = {
        instancePath,
        schemaPath: "#/oneOf/0/type",
        keyword: "type",
        params: { type: "object" },
        message: "must be object",
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
    var props1 = true;
  }
  const _errs6 = errors;
  if (errors === _errs6) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing1;
      if (
        (data.kind === undefined && (missing1 = "kind")) ||
        (data.types === undefined && (missing1 = "types")) ||
        (data.where === undefined && (missing1 = "where"))
      ) {
        const err4 = {
          instancePath,
          schemaPath: "#/oneOf/1/required",
          keyword: "required",
          params: { missingProperty: missing1 },
          message: "must have required property '" + missing1 + "'",
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      } else {
        const _errs8 = errors;
        for (const key1 in data) {
          if (!(key1 === "kind" || key1 === "types" || key1 === "where")) {
            const err5 = {
              instancePath,
              schemaPath: "#/oneOf/1/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key1 },
              message: "must NOT have additional properties",
            };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
            break;
          }
        }
        if (_errs8 === errors) {
          if (data.kind !== undefined) {
            const _errs9 = errors;
            if ("event" !== data.kind) {
              const err6 = {
                instancePath: instancePath + "/kind",
                schemaPath: "#/oneOf/1/properties/kind/const",
                keyword: "const",
                params: { allowedValue: "event" },
                message: "must be equal to constant",
              };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            var valid2 = _errs9 === errors;
          } else {
            var valid2 = true;
          }
          if (valid2) {
            if (data.types !== undefined) {
              let data3 = data.types;
              const _errs10 = errors;
              if (errors === _errs10) {
                if (Array.isArray(data3)) {
                  if (data3.length < 1) {
                    const err7 = {
                      instancePath: instancePath + "/types",
                      schemaPath: "#/oneOf/1/properties/types/minItems",
                      keyword: "minItems",
                      params: { limit: 1 },
                      message: "must NOT have fewer than 1 items",
                    };
                    if (vErrors === null) {
                      vErrors = [err7];
                    } else {
                      vErrors.push(err7);
                    }
                    errors++;
                  } else {
                    var valid3 = true;
                    const len0 = data3.length;
                    for (let i0 = 0; i0 < len0; i0++) {
                      const _errs12 = errors;
                      if (
                        !validate57(data3[i0], {
                          instancePath: instancePath + "/types/" + i0,
                          parentData: data3,
                          parentDataProperty: i0,
                          rootData,
                          dynamicAnchors,
                        })
                      ) {
                        vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
                        errors = vErrors.length;
                      }
                      var valid3 = _errs12 === errors;
                      if (!valid3) {
                        break;
                      }
                    }
                  }
                } else {
                  const err8 = {
                    instancePath: instancePath + "/types",
                    schemaPath: "#/oneOf/1/properties/types/type",
                    keyword: "type",
                    params: { type: "array" },
                    message: "must be array",
                  };
                  if (vErrors === null) {
                    vErrors = [err8];
                  } else {
                    vErrors.push(err8);
                  }
                  errors++;
                }
              }
              var valid2 = _errs10 === errors;
            } else {
              var valid2 = true;
            }
            if (valid2) {
              if (data.where !== undefined) {
                let data5 = data.where;
                const _errs13 = errors;
                const _errs14 = errors;
                let valid4 = false;
                let passing1 = null;
                const _errs15 = errors;
                if (data5 !== null) {
                  const err9 = {
                    instancePath: instancePath + "/where",
                    schemaPath: "#/oneOf/1/properties/where/oneOf/0/type",
                    keyword: "type",
                    params: { type: "null" },
                    message: "must be null",
                  };
                  if (vErrors === null) {
                    vErrors = [err9];
                  } else {
                    vErrors.push(err9);
                  }
                  errors++;
                }
                var _valid1 = _errs15 === errors;
                if (_valid1) {
                  valid4 = true;
                  passing1 = 0;
                }
                const _errs17 = errors;
                if (
                  !validate68(data5, {
                    instancePath: instancePath + "/where",
                    parentData: data,
                    parentDataProperty: "where",
                    rootData,
                    dynamicAnchors,
                  })
                ) {
                  vErrors = vErrors === null ? validate68.errors : vErrors.concat(validate68.errors);
                  errors = vErrors.length;
                }
                var _valid1 = _errs17 === errors;
                if (_valid1 && valid4) {
                  valid4 = false;
                  passing1 = [passing1, 1];
                } else {
                  if (_valid1) {
                    valid4 = true;
                    passing1 = 1;
                  }
                }
                if (!valid4) {
                  const err10 = {
                    instancePath: instancePath + "/where",
                    schemaPath: "#/oneOf/1/properties/where/oneOf",
                    keyword: "oneOf",
                    params: { passingSchemas: passing1 },
                    message: "must match exactly one schema in oneOf",
                  };
                  if (vErrors === null) {
                    vErrors = [err10];
                  } else {
                    vErrors.push(err10);
                  }
                  errors++;
                } else {
                  errors = _errs14;
                  if (vErrors !== null) {
                    if (_errs14) {
                      vErrors.length = _errs14;
                    } else {
                      vErrors = null;
                    }
                  }
                }
                var valid2 = _errs13 === errors;
              } else {
                var valid2 = true;
              }
            }
          }
        }
      }
    } else {
      const err11 = {
        instancePath,
        schemaPath: "#/oneOf/1/type",
        keyword: "type",
        params: { type: "object" },
        message: "must be object",
      };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
  }
  var _valid0 = _errs6 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
      if (props1 !== true) {
        props1 = true;
      }
    }
    const _errs18 = errors;
    if (errors === _errs18) {
      if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing2;
        if (
          (data.kind === undefined && (missing2 = "kind")) ||
          (data.types === undefined && (missing2 = "types")) ||
          (data.withinMs === undefined && (missing2 = "withinMs"))
        ) {
          const err12 = {
            instancePath,
            schemaPath: "#/oneOf/2/required",
            keyword: "required",
            params: { missingProperty: missing2 },
            message: "must have required property '" + missing2 + "'",
          };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        } else {
          const _errs20 = errors;
          for (const key2 in data) {
            if (!(key2 === "kind" || key2 === "types" || key2 === "withinMs")) {
              const err13 = {
                instancePath,
                schemaPath: "#/oneOf/2/additionalProperties",
                keyword: "additionalProperties",
                params: { additionalProperty: key2 },
                message: "must NOT have additional properties",
              };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
              break;
            }
          }
          if (_errs20 === errors) {
            if (data.kind !== undefined) {
              const _errs21 = errors;
              if ("no_event" !== data.kind) {
                const err14 = {
                  instancePath: instancePath + "/kind",
                  schemaPath: "#/oneOf/2/properties/kind/const",
                  keyword: "const",
                  params: { allowedValue: "no_event" },
                  message: "must be equal to constant",
                };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
              var valid5 = _errs21 === errors;
            } else {
              var valid5 = true;
            }
            if (valid5) {
              if (data.types !== undefined) {
                let data7 = data.types;
                const _errs22 = errors;
                const _errs23 = errors;
                let valid6 = false;
                let passing2 = null;
                const _errs24 = errors;
                if (data7 !== null) {
                  const err15 = {
                    instancePath: instancePath + "/types",
                    schemaPath: "#/oneOf/2/properties/types/oneOf/0/type",
                    keyword: "type",
                    params: { type: "null" },
                    message: "must be null",
                  };
                  if (vErrors === null) {
                    vErrors = [err15];
                  } else {
                    vErrors.push(err15);
                  }
                  errors++;
                }
                var _valid2 = _errs24 === errors;
                if (_valid2) {
                  valid6 = true;
                  passing2 = 0;
                }
                const _errs26 = errors;
                if (errors === _errs26) {
                  if (Array.isArray(data7)) {
                    var valid7 = true;
                    const len1 = data7.length;
                    for (let i1 = 0; i1 < len1; i1++) {
                      const _errs28 = errors;
                      if (
                        !validate57(data7[i1], {
                          instancePath: instancePath + "/types/" + i1,
                          parentData: data7,
                          parentDataProperty: i1,
                          rootData,
                          dynamicAnchors,
                        })
                      ) {
                        vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
                        errors = vErrors.length;
                      }
                      var valid7 = _errs28 === errors;
                      if (!valid7) {
                        break;
                      }
                    }
                  } else {
                    const err16 = {
                      instancePath: instancePath + "/types",
                      schemaPath: "#/oneOf/2/properties/types/oneOf/1/type",
                      keyword: "type",
                      params: { type: "array" },
                      message: "must be array",
                    };
                    if (vErrors === null) {
                      vErrors = [err16];
                    } else {
                      vErrors.push(err16);
                    }
                    errors++;
                  }
                }
                var _valid2 = _errs26 === errors;
                if (_valid2 && valid6) {
                  valid6 = false;
                  passing2 = [passing2, 1];
                } else {
                  if (_valid2) {
                    valid6 = true;
                    passing2 = 1;
                  }
                }
                if (!valid6) {
                  const err17 = {
                    instancePath: instancePath + "/types",
                    schemaPath: "#/oneOf/2/properties/types/oneOf",
                    keyword: "oneOf",
                    params: { passingSchemas: passing2 },
                    message: "must match exactly one schema in oneOf",
                  };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                } else {
                  errors = _errs23;
                  if (vErrors !== null) {
                    if (_errs23) {
                      vErrors.length = _errs23;
                    } else {
                      vErrors = null;
                    }
                  }
                }
                var valid5 = _errs22 === errors;
              } else {
                var valid5 = true;
              }
              if (valid5) {
                if (data.withinMs !== undefined) {
                  let data9 = data.withinMs;
                  const _errs29 = errors;
                  if (errors === _errs29) {
                    if (typeof data9 == "number" && isFinite(data9)) {
                      if (data9 <= 0 || isNaN(data9)) {
                        const err18 = {
                          instancePath: instancePath + "/withinMs",
                          schemaPath: "#/oneOf/2/properties/withinMs/exclusiveMinimum",
                          keyword: "exclusiveMinimum",
                          params: { comparison: ">", limit: 0 },
                          message: "must be > 0",
                        };
                        if (vErrors === null) {
                          vErrors = [err18];
                        } else {
                          vErrors.push(err18);
                        }
                        errors++;
                      }
                    } else {
                      const err19 = {
                        instancePath: instancePath + "/withinMs",
                        schemaPath: "#/oneOf/2/properties/withinMs/type",
                        keyword: "type",
                        params: { type: "number" },
                        message: "must be number",
                      };
                      if (vErrors === null) {
                        vErrors = [err19];
                      } else {
                        vErrors.push(err19);
                      }
                      errors++;
                    }
                  }
                  var valid5 = _errs29 === errors;
                } else {
                  var valid5 = true;
                }
              }
            }
          }
        }
      } else {
        const err20 = {
          instancePath,
          schemaPath: "#/oneOf/2/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    var _valid0 = _errs18 === errors;
    if (_valid0 && valid0) {
      valid0 = false;
      passing0 = [passing0, 2];
    } else {
      if (_valid0) {
        valid0 = true;
        passing0 = 2;
        if (props1 !== true) {
          props1 = true;
        }
      }
    }
  }
  if (!valid0) {
    const err21 = {
      instancePath,
      schemaPath: "#/oneOf",
      keyword: "oneOf",
      params: { passingSchemas: passing0 },
      message: "must match exactly one schema in oneOf",
    };
    if (vErrors === null) {
      vErrors = [err21];
    } else {
      vErrors.push(err21);
    }
    errors++;
    validate67.errors = vErrors;
    return false;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate67.errors = vErrors;
  evaluated0.props = props1;
  return errors === 0;
}
validate67.evaluated = { dynamicProps: true, dynamicItems: false };
const schema28 = { type: ["number", "null"], minimum: 0 };
function validate86(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate86.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (!(typeof data == "number" && isFinite(data)) && data !== null) {
    validate86.errors = [
      {
        instancePath,
        schemaPath: "#/type",
        keyword: "type",
        params: { type: schema28.type },
        message: "must be number,null",
      },
    ];
    return false;
  }
  if (errors === 0) {
    if (typeof data == "number" && isFinite(data)) {
      if (data < 0 || isNaN(data)) {
        validate86.errors = [
          {
            instancePath,
            schemaPath: "#/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
          },
        ];
        return false;
      }
    }
  }
  validate86.errors = vErrors;
  return errors === 0;
}
validate86.evaluated = { dynamicProps: false, dynamicItems: false };
const schema29 = {
  oneOf: [
    { type: "null" },
    {
      type: "object",
      additionalProperties: false,
      required: ["tiers", "fallback", "loc"],
      properties: {
        tiers: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["label", "op", "threshold"],
            properties: {
              label: { type: "string" },
              op: { enum: [">=", ">"] },
              threshold: { type: "number" },
            },
          },
        },
        fallback: { type: ["string", "null"] },
        loc: { $ref: "#/$defs/loc" },
      },
    },
  ],
};
function validate88(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate88.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (data !== null) {
    const err0 = {
      instancePath,
      schemaPath: "#/oneOf/0/type",
      keyword: "type",
      params: { type: "null" },
      message: "must be null",
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs3 = errors;
  if (errors === _errs3) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (
        (data.tiers === undefined && (missing0 = "tiers")) ||
        (data.fallback === undefined && (missing0 = "fallback")) ||
        (data.loc === undefined && (missing0 = "loc"))
      ) {
        const err1 = {
          instancePath,
          schemaPath: "#/oneOf/1/required",
          keyword: "required",
          params: { missingProperty: missing0 },
          message: "must have required property '" + missing0 + "'",
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      } else {
        const _errs5 = errors;
        for (const key0 in data) {
          if (!(key0 === "tiers" || key0 === "fallback" || key0 === "loc")) {
            const err2 = {
              instancePath,
              schemaPath: "#/oneOf/1/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key0 },
              message: "must NOT have additional properties",
            };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
            break;
          }
        }
        if (_errs5 === errors) {
          if (data.tiers !== undefined) {
            let data0 = data.tiers;
            const _errs6 = errors;
            if (errors === _errs6) {
              if (Array.isArray(data0)) {
                var valid2 = true;
                const len0 = data0.length;
                for (let i0 = 0; i0 < len0; i0++) {
                  let data1 = data0[i0];
                  const _errs8 = errors;
                  if (errors === _errs8) {
                    if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
                      let missing1;
                      if (
                        (data1.label === undefined && (missing1 = "label")) ||
                        (data1.op === undefined && (missing1 = "op")) ||
                        (data1.threshold === undefined && (missing1 = "threshold"))
                      ) {
                        const err3 = {
                          instancePath: instancePath + "/tiers/" + i0,
                          schemaPath: "#/oneOf/1/properties/tiers/items/required",
                          keyword: "required",
                          params: { missingProperty: missing1 },
                          message: "must have required property '" + missing1 + "'",
                        };
                        if (vErrors === null) {
                          vErrors = [err3];
                        } else {
                          vErrors.push(err3);
                        }
                        errors++;
                      } else {
                        const _errs10 = errors;
                        for (const key1 in data1) {
                          if (!(key1 === "label" || key1 === "op" || key1 === "threshold")) {
                            const err4 = {
                              instancePath: instancePath + "/tiers/" + i0,
                              schemaPath: "#/oneOf/1/properties/tiers/items/additionalProperties",
                              keyword: "additionalProperties",
                              params: { additionalProperty: key1 },
                              message: "must NOT have additional properties",
                            };
                            if (vErrors === null) {
                              vErrors = [err4];
                            } else {
                              vErrors.push(err4);
                            }
                            errors++;
                            break;
                          }
                        }
                        if (_errs10 === errors) {
                          if (data1.label !== undefined) {
                            const _errs11 = errors;
                            if (typeof data1.label !== "string") {
                              const err5 = {
                                instancePath: instancePath + "/tiers/" + i0 + "/label",
                                schemaPath: "#/oneOf/1/properties/tiers/items/properties/label/type",
                                keyword: "type",
                                params: { type: "string" },
                                message: "must be string",
                              };
                              if (vErrors === null) {
                                vErrors = [err5];
                              } else {
                                vErrors.push(err5);
                              }
                              errors++;
                            }
                            var valid3 = _errs11 === errors;
                          } else {
                            var valid3 = true;
                          }
                          if (valid3) {
                            if (data1.op !== undefined) {
                              let data3 = data1.op;
                              const _errs13 = errors;
                              if (!(data3 === ">=" || data3 === ">")) {
                                const err6 = {
                                  instancePath: instancePath + "/tiers/" + i0 + "/op",
                                  schemaPath: "#/oneOf/1/properties/tiers/items/properties/op/enum",
                                  keyword: "enum",
                                  params: {
                                    allowedValues:
                                      schema29.oneOf[1].properties.tiers.items.properties.op.enum,
                                  },
                                  message: "must be equal to one of the allowed values",
                                };
                                if (vErrors === null) {
                                  vErrors = [err6];
                                } else {
                                  vErrors.push(err6);
                                }
                                errors++;
                              }
                              var valid3 = _errs13 === errors;
                            } else {
                              var valid3 = true;
                            }
                            if (valid3) {
                              if (data1.threshold !== undefined) {
                                let data4 = data1.threshold;
                                const _errs14 = errors;
                                if (!(typeof data4 == "number" && isFinite(data4))) {
                                  const err7 = {
                                    instancePath: instancePath + "/tiers/" + i0 + "/threshold",
                                    schemaPath: "#/oneOf/1/properties/tiers/items/properties/threshold/type",
                                    keyword: "type",
                                    params: { type: "number" },
                                    message: "must be number",
                                  };
                                  if (vErrors === null) {
                                    vErrors = [err7];
                                  } else {
                                    vErrors.push(err7);
                                  }
                                  errors++;
                                }
                                var valid3 = _errs14 === errors;
                              } else {
                                var valid3 = true;
                              }
                            }
                          }
                        }
                      }
                    } else {
                      const err8 = {
                        instancePath: instancePath + "/tiers/" + i0,
                        schemaPath: "#/oneOf/1/properties/tiers/items/type",
                        keyword: "type",
                        params: { type: "object" },
                        message: "must be object",
                      };
                      if (vErrors === null) {
                        vErrors = [err8];
                      } else {
                        vErrors.push(err8);
                      }
                      errors++;
                    }
                  }
                  var valid2 = _errs8 === errors;
                  if (!valid2) {
                    break;
                  }
                }
              } else {
                const err9 = {
                  instancePath: instancePath + "/tiers",
                  schemaPath: "#/oneOf/1/properties/tiers/type",
                  keyword: "type",
                  params: { type: "array" },
                  message: "must be array",
                };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
            var valid1 = _errs6 === errors;
          } else {
            var valid1 = true;
          }
          if (valid1) {
            if (data.fallback !== undefined) {
              let data5 = data.fallback;
              const _errs16 = errors;
              if (typeof data5 !== "string" && data5 !== null) {
                const err10 = {
                  instancePath: instancePath + "/fallback",
                  schemaPath: "#/oneOf/1/properties/fallback/type",
                  keyword: "type",
                  params: { type: schema29.oneOf[1].properties.fallback.type },
                  message: "must be string,null",
                };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
              var valid1 = _errs16 === errors;
            } else {
              var valid1 = true;
            }
            if (valid1) {
              if (data.loc !== undefined) {
                const _errs18 = errors;
                if (
                  !validate65(data.loc, {
                    instancePath: instancePath + "/loc",
                    parentData: data,
                    parentDataProperty: "loc",
                    rootData,
                    dynamicAnchors,
                  })
                ) {
                  vErrors = vErrors === null ? validate65.errors : vErrors.concat(validate65.errors);
                  errors = vErrors.length;
                }
                var valid1 = _errs18 === errors;
              } else {
                var valid1 = true;
              }
            }
          }
        }
      }
    } else {
      const err11 = {
        instancePath,
        schemaPath: "#/oneOf/1/type",
        keyword: "type",
        params: { type: "object" },
        message: "must be object",
      };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
  }
  var _valid0 = _errs3 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
      var props0 = true;
    }
  }
  if (!valid0) {
    const err12 = {
      instancePath,
      schemaPath: "#/oneOf",
      keyword: "oneOf",
      params: { passingSchemas: passing0 },
      message: "must match exactly one schema in oneOf",
    };
    if (vErrors === null) {
      vErrors = [err12];
    } else {
      vErrors.push(err12);
    }
    errors++;
    validate88.errors = vErrors;
    return false;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate88.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
}
validate88.evaluated = { dynamicProps: true, dynamicItems: false };
const schema30 = {
  type: "object",
  additionalProperties: false,
  required: ["name", "text", "loc", "test", "actions"],
  properties: {
    name: { type: "string" },
    text: { type: "string" },
    loc: { $ref: "#/$defs/loc" },
    test: {
      oneOf: [
        {
          type: "object",
          additionalProperties: false,
          required: ["kind", "cmp", "value"],
          properties: {
            kind: { const: "threshold" },
            cmp: { enum: ["=", "!=", "<", "<=", ">", ">="] },
            value: { type: "number" },
          },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["kind", "expr"],
          properties: { kind: { const: "when" }, expr: { $ref: "#/$defs/expr" } },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["kind"],
          properties: { kind: { const: "otherwise" } },
        },
      ],
    },
    actions: { type: "array", items: { $ref: "#/$defs/action" } },
  },
};
const schema31 = {
  oneOf: [
    {
      type: "object",
      additionalProperties: false,
      required: ["route", "within", "withinMs", "say"],
      properties: {
        route: { type: "string" },
        within: { type: ["string", "null"] },
        withinMs: { $ref: "#/$defs/optionalMs" },
        say: { type: ["string", "null"] },
      },
    },
    {
      type: "object",
      additionalProperties: false,
      required: ["nurture"],
      properties: { nurture: { type: "string" } },
    },
    {
      type: "object",
      additionalProperties: false,
      required: ["disqualify"],
      properties: { disqualify: { const: true } },
    },
  ],
};
function validate95(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate95.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (errors === _errs1) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (
        (data.route === undefined && (missing0 = "route")) ||
        (data.within === undefined && (missing0 = "within")) ||
        (data.withinMs === undefined && (missing0 = "withinMs")) ||
        (data.say === undefined && (missing0 = "say"))
      ) {
        const err0 = {
          instancePath,
          schemaPath: "#/oneOf/0/required",
          keyword: "required",
          params: { missingProperty: missing0 },
          message: "must have required property '" + missing0 + "'",
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      } else {
        const _errs3 = errors;
        for (const key0 in data) {
          if (!(key0 === "route" || key0 === "within" || key0 === "withinMs" || key0 === "say")) {
            const err1 = {
              instancePath,
              schemaPath: "#/oneOf/0/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key0 },
              message: "must NOT have additional properties",
            };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
            break;
          }
        }
        if (_errs3 === errors) {
          if (data.route !== undefined) {
            const _errs4 = errors;
            if (typeof data.route !== "string") {
              const err2 = {
                instancePath: instancePath + "/route",
                schemaPath: "#/oneOf/0/properties/route/type",
                keyword: "type",
                params: { type: "string" },
                message: "must be string",
              };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            var valid1 = _errs4 === errors;
          } else {
            var valid1 = true;
          }
          if (valid1) {
            if (data.within !== undefined) {
              let data1 = data.within;
              const _errs6 = errors;
              if (typeof data1 !== "string" && data1 !== null) {
                const err3 = {
                  instancePath: instancePath + "/within",
                  schemaPath: "#/oneOf/0/properties/within/type",
                  keyword: "type",
                  params: { type: schema31.oneOf[0].properties.within.type },
                  message: "must be string,null",
                };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
              var valid1 = _errs6 === errors;
            } else {
              var valid1 = true;
            }
            if (valid1) {
              if (data.withinMs !== undefined) {
                const _errs8 = errors;
                if (
                  !validate86(data.withinMs, {
                    instancePath: instancePath + "/withinMs",
                    parentData: data,
                    parentDataProperty: "withinMs",
                    rootData,
                    dynamicAnchors,
                  })
                ) {
                  vErrors = vErrors === null ? validate86.errors : vErrors.concat(validate86.errors);
                  errors = vErrors.length;
                }
                var valid1 = _errs8 === errors;
              } else {
                var valid1 = true;
              }
              if (valid1) {
                if (data.say !== undefined) {
                  let data3 = data.say;
                  const _errs9 = errors;
                  if (typeof data3 !== "string" && data3 !== null) {
                    const err4 = {
                      instancePath: instancePath + "/say",
                      schemaPath: "#/oneOf/0/properties/say/type",
                      keyword: "type",
                      params: { type: schema31.oneOf[0].properties.say.type },
                      message: "must be string,null",
                    };
                    if (vErrors === null) {
                      vErrors = [err4];
                    } else {
                      vErrors.push(err4);
                    }
                    errors++;
                  }
                  var valid1 = _errs9 === errors;
                } else {
                  var valid1 = true;
                }
              }
            }
          }
        }
      }
    } else {
      const err5 = {
        instancePath,
        schemaPath: "#/oneOf/0/type",
        keyword: "type",
        params: { type: "object" },
        message: "must be object",
      };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
    var props0 = true;
  }
  const _errs11 = errors;
  if (errors === _errs11) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing1;
      if (data.nurture === undefined && (missing1 = "nurture")) {
        const err6 = {
          instancePath,
          schemaPath: "#/oneOf/1/required",
          keyword: "required",
          params: { missingProperty: missing1 },
          message: "must have required property '" + missing1 + "'",
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      } else {
        const _errs13 = errors;
        for (const key1 in data) {
          if (!(key1 === "nurture")) {
            const err7 = {
              instancePath,
              schemaPath: "#/oneOf/1/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key1 },
              message: "must NOT have additional properties",
            };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
            break;
          }
        }
        if (_errs13 === errors) {
          if (data.nurture !== undefined) {
            if (typeof data.nurture !== "string") {
              const err8 = {
                instancePath: instancePath + "/nurture",
                schemaPath: "#/oneOf/1/properties/nurture/type",
                keyword: "type",
                params: { type: "string" },
                message: "must be string",
              };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          }
        }
      }
    } else {
      const err9 = {
        instancePath,
        schemaPath: "#/oneOf/1/type",
        keyword: "type",
        params: { type: "object" },
        message: "must be object",
      };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
  }
  var _valid0 = _errs11 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
      if (props0 !== true) {
        props0 = true;
      }
    }
    const _errs16 = errors;
    if (errors === _errs16) {
      if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing2;
        if (data.disqualify === undefined && (missing2 = "disqualify")) {
          const err10 = {
            instancePath,
            schemaPath: "#/oneOf/2/required",
            keyword: "required",
            params: { missingProperty: missing2 },
            message: "must have required property '" + missing2 + "'",
          };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        } else {
          const _errs18 = errors;
          for (const key2 in data) {
            if (!(key2 === "disqualify")) {
              const err11 = {
                instancePath,
                schemaPath: "#/oneOf/2/additionalProperties",
                keyword: "additionalProperties",
                params: { additionalProperty: key2 },
                message: "must NOT have additional properties",
              };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
              break;
            }
          }
          if (_errs18 === errors) {
            if (data.disqualify !== undefined) {
              if (true !== data.disqualify) {
                const err12 = {
                  instancePath: instancePath + "/disqualify",
                  schemaPath: "#/oneOf/2/properties/disqualify/const",
                  keyword: "const",
                  params: { allowedValue: true },
                  message: "must be equal to constant",
                };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
          }
        }
      } else {
        const err13 = {
          instancePath,
          schemaPath: "#/oneOf/2/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    var _valid0 = _errs16 === errors;
    if (_valid0 && valid0) {
      valid0 = false;
      passing0 = [passing0, 2];
    } else {
      if (_valid0) {
        valid0 = true;
        passing0 = 2;
        if (props0 !== true) {
          props0 = true;
        }
      }
    }
  }
  if (!valid0) {
    const err14 = {
      instancePath,
      schemaPath: "#/oneOf",
      keyword: "oneOf",
      params: { passingSchemas: passing0 },
      message: "must match exactly one schema in oneOf",
    };
    if (vErrors === null) {
      vErrors = [err14];
    } else {
      vErrors.push(err14);
    }
    errors++;
    validate95.errors = vErrors;
    return false;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate95.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
}
validate95.evaluated = { dynamicProps: true, dynamicItems: false };
function validate92(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate92.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (
        (data.name === undefined && (missing0 = "name")) ||
        (data.text === undefined && (missing0 = "text")) ||
        (data.loc === undefined && (missing0 = "loc")) ||
        (data.test === undefined && (missing0 = "test")) ||
        (data.actions === undefined && (missing0 = "actions"))
      ) {
        validate92.errors = [
          {
            instancePath,
            schemaPath: "#/required",
            keyword: "required",
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(
            key0 === "name" ||
            key0 === "text" ||
            key0 === "loc" ||
            key0 === "test" ||
            key0 === "actions"
          )) {
            validate92.errors = [
              {
                instancePath,
                schemaPath: "#/additionalProperties",
                keyword: "additionalProperties",
                params: { additionalProperty: key0 },
                message: "must NOT have additional properties",
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.name !== undefined) {
            const _errs2 = errors;
            if (typeof data.name !== "string") {
              validate92.errors = [
                {
                  instancePath: instancePath + "/name",
                  schemaPath: "#/properties/name/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                },
              ];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.text !== undefined) {
              const _errs4 = errors;
              if (typeof data.text !== "string") {
                validate92.errors = [
                  {
                    instancePath: instancePath + "/text",
                    schemaPath: "#/properties/text/type",
                    keyword: "type",
                    params: { type: "string" },
                    message: "must be string",
                  },
                ];
                return false;
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.loc !== undefined) {
                const _errs6 = errors;
                if (
                  !validate65(data.loc, {
                    instancePath: instancePath + "/loc",
                    parentData: data,
                    parentDataProperty: "loc",
                    rootData,
                    dynamicAnchors,
                  })
                ) {
                  vErrors = vErrors === null ? validate65.errors : vErrors.concat(validate65.errors);
                  errors = vErrors.length;
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.test !== undefined) {
                  let data3 = data.test;
                  const _errs7 = errors;
                  const _errs8 = errors;
                  let valid1 = false;
                  let passing0 = null;
                  const _errs9 = errors;
                  if (errors === _errs9) {
                    if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
                      let missing1;
                      if (
                        (data3.kind === undefined && (missing1 = "kind")) ||
                        (data3.cmp === undefined && (missing1 = "cmp")) ||
                        (data3.value === undefined && (missing1 = "value"))
                      ) {
                        const err0 = {
                          instancePath: instancePath + "/test",
                          schemaPath: "#/properties/test/oneOf/0/required",
                          keyword: "required",
                          params: { missingProperty: missing1 },
                          message: "must have required property '" + missing1 + "'",
                        };
                        if (vErrors === null) {
                          vErrors = [err0];
                        } else {
                          vErrors.push(err0);
                        }
                        errors++;
                      } else {
                        const _errs11 = errors;
                        for (const key1 in data3) {
                          if (!(key1 === "kind" || key1 === "cmp" || key1 === "value")) {
                            const err1 = {
                              instancePath: instancePath + "/test",
                              schemaPath: "#/properties/test/oneOf/0/additionalProperties",
                              keyword: "additionalProperties",
                              params: { additionalProperty: key1 },
                              message: "must NOT have additional properties",
                            };
                            if (vErrors === null) {
                              vErrors = [err1];
                            } else {
                              vErrors.push(err1);
                            }
                            errors++;
                            break;
                          }
                        }
                        if (_errs11 === errors) {
                          if (data3.kind !== undefined) {
                            const _errs12 = errors;
                            if ("threshold" !== data3.kind) {
                              const err2 = {
                                instancePath: instancePath + "/test/kind",
                                schemaPath: "#/properties/test/oneOf/0/properties/kind/const",
                                keyword: "const",
                                params: { allowedValue: "threshold" },
                                message: "must be equal to constant",
                              };
                              if (vErrors === null) {
                                vErrors = [err2];
                              } else {
                                vErrors.push(err2);
                              }
                              errors++;
                            }
                            var valid2 = _errs12 === errors;
                          } else {
                            var valid2 = true;
                          }
                          if (valid2) {
                            if (data3.cmp !== undefined) {
                              let data5 = data3.cmp;
                              const _errs13 = errors;
                              if (!(
                                data5 === "=" ||
                                data5 === "!=" ||
                                data5 === "<" ||
                                data5 === "<=" ||
                                data5 === ">" ||
                                data5 === ">="
                              )) {
                                const err3 = {
                                  instancePath: instancePath + "/test/cmp",
                                  schemaPath: "#/properties/test/oneOf/0/properties/cmp/enum",
                                  keyword: "enum",
                                  params: {
                                    allowedValues: schema30.properties.test.oneOf[0].properties.cmp.enum,
                                  },
                                  message: "must be equal to one of the allowed values",
                                };
                                if (vErrors === null) {
                                  vErrors = [err3];
                                } else {
                                  vErrors.push(err3);
                                }
                                errors++;
                              }
                              var valid2 = _errs13 === errors;
                            } else {
                              var valid2 = true;
                            }
                            if (valid2) {
                              if (data3.value !== undefined) {
                                let data6 = data3.value;
                                const _errs14 = errors;
                                if (!(typeof data6 == "number" && isFinite(data6))) {
                                  const err4 = {
                                    instancePath: instancePath + "/test/value",
                                    schemaPath: "#/properties/test/oneOf/0/properties/value/type",
                                    keyword: "type",
                                    params: { type: "number" },
                                    message: "must be number",
                                  };
                                  if (vErrors === null) {
                                    vErrors = [err4];
                                  } else {
                                    vErrors.push(err4);
                                  }
                                  errors++;
                                }
                                var valid2 = _errs14 === errors;
                              } else {
                                var valid2 = true;
                              }
                            }
                          }
                        }
                      }
                    } else {
                      const err5 = {
                        instancePath: instancePath + "/test",
                        schemaPath: "#/properties/test/oneOf/0/type",
                        keyword: "type",
                        params: { type: "object" },
                        message: "must be object",
                      };
                      if (vErrors === null) {
                        vErrors = [err5];
                      } else {
                        vErrors.push(err5);
                      }
                      errors++;
                    }
                  }
                  var _valid0 = _errs9 === errors;
                  if (_valid0) {
                    valid1 = true;
                    passing0 = 0;
                    var props0 = true;
                  }
                  const _errs16 = errors;
                  if (errors === _errs16) {
                    if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
                      let missing2;
                      if (
                        (data3.kind === undefined && (missing2 = "kind")) ||
                        (data3.expr === undefined && (missing2 = "expr"))
                      ) {
                        const err6 = {
                          instancePath: instancePath + "/test",
                          schemaPath: "#/properties/test/oneOf/1/required",
                          keyword: "required",
                          params: { missingProperty: missing2 },
                          message: "must have required property '" + missing2 + "'",
                        };
                        if (vErrors === null) {
                          vErrors = [err6];
                        } else {
                          vErrors.push(err6);
                        }
                        errors++;
                      } else {
                        const _errs18 = errors;
                        for (const key2 in data3) {
                          if (!(key2 === "kind" || key2 === "expr")) {
                            const err7 = {
                              instancePath: instancePath + "/test",
                              schemaPath: "#/properties/test/oneOf/1/additionalProperties",
                              keyword: "additionalProperties",
                              params: { additionalProperty: key2 },
                              message: "must NOT have additional properties",
                            };
                            if (vErrors === null) {
                              vErrors = [err7];
                            } else {
                              vErrors.push(err7);
                            }
                            errors++;
                            break;
                          }
                        }
                        if (_errs18 === errors) {
                          if (data3.kind !== undefined) {
                            const _errs19 = errors;
                            if ("when" !== data3.kind) {
                              const err8 = {
                                instancePath: instancePath + "/test/kind",
                                schemaPath: "#/properties/test/oneOf/1/properties/kind/const",
                                keyword: "const",
                                params: { allowedValue: "when" },
                                message: "must be equal to constant",
                              };
                              if (vErrors === null) {
                                vErrors = [err8];
                              } else {
                                vErrors.push(err8);
                              }
                              errors++;
                            }
                            var valid3 = _errs19 === errors;
                          } else {
                            var valid3 = true;
                          }
                          if (valid3) {
                            if (data3.expr !== undefined) {
                              const _errs20 = errors;
                              if (
                                !validate68(data3.expr, {
                                  instancePath: instancePath + "/test/expr",
                                  parentData: data3,
                                  parentDataProperty: "expr",
                                  rootData,
                                  dynamicAnchors,
                                })
                              ) {
                                vErrors =
                                  vErrors === null ? validate68.errors : vErrors.concat(validate68.errors);
                                errors = vErrors.length;
                              }
                              var valid3 = _errs20 === errors;
                            } else {
                              var valid3 = true;
                            }
                          }
                        }
                      }
                    } else {
                      const err9 = {
                        instancePath: instancePath + "/test",
                        schemaPath: "#/properties/test/oneOf/1/type",
                        keyword: "type",
                        params: { type: "object" },
                        message: "must be object",
                      };
                      if (vErrors === null) {
                        vErrors = [err9];
                      } else {
                        vErrors.push(err9);
                      }
                      errors++;
                    }
                  }
                  var _valid0 = _errs16 === errors;
                  if (_valid0 && valid1) {
                    valid1 = false;
                    passing0 = [passing0, 1];
                  } else {
                    if (_valid0) {
                      valid1 = true;
                      passing0 = 1;
                      if (props0 !== true) {
                        props0 = true;
                      }
                    }
                    const _errs21 = errors;
                    if (errors === _errs21) {
                      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
                        let missing3;
                        if (data3.kind === undefined && (missing3 = "kind")) {
                          const err10 = {
                            instancePath: instancePath + "/test",
                            schemaPath: "#/properties/test/oneOf/2/required",
                            keyword: "required",
                            params: { missingProperty: missing3 },
                            message: "must have required property '" + missing3 + "'",
                          };
                          if (vErrors === null) {
                            vErrors = [err10];
                          } else {
                            vErrors.push(err10);
                          }
                          errors++;
                        } else {
                          const _errs23 = errors;
                          for (const key3 in data3) {
                            if (!(key3 === "kind")) {
                              const err11 = {
                                instancePath: instancePath + "/test",
                                schemaPath: "#/properties/test/oneOf/2/additionalProperties",
                                keyword: "additionalProperties",
                                params: { additionalProperty: key3 },
                                message: "must NOT have additional properties",
                              };
                              if (vErrors === null) {
                                vErrors = [err11];
                              } else {
                                vErrors.push(err11);
                              }
                              errors++;
                              break;
                            }
                          }
                          if (_errs23 === errors) {
                            if (data3.kind !== undefined) {
                              if ("otherwise" !== data3.kind) {
                                const err12 = {
                                  instancePath: instancePath + "/test/kind",
                                  schemaPath: "#/properties/test/oneOf/2/properties/kind/const",
                                  keyword: "const",
                                  params: { allowedValue: "otherwise" },
                                  message: "must be equal to constant",
                                };
                                if (vErrors === null) {
                                  vErrors = [err12];
                                } else {
                                  vErrors.push(err12);
                                }
                                errors++;
                              }
                            }
                          }
                        }
                      } else {
                        const err13 = {
                          instancePath: instancePath + "/test",
                          schemaPath: "#/properties/test/oneOf/2/type",
                          keyword: "type",
                          params: { type: "object" },
                          message: "must be object",
                        };
                        if (vErrors === null) {
                          vErrors = [err13];
                        } else {
                          vErrors.push(err13);
                        }
                        errors++;
                      }
                    }
                    var _valid0 = _errs21 === errors;
                    if (_valid0 && valid1) {
                      valid1 = false;
                      passing0 = [passing0, 2];
                    } else {
                      if (_valid0) {
                        valid1 = true;
                        passing0 = 2;
                        if (props0 !== true) {
                          props0 = true;
                        }
                      }
                    }
                  }
                  if (!valid1) {
                    const err14 = {
                      instancePath: instancePath + "/test",
                      schemaPath: "#/properties/test/oneOf",
                      keyword: "oneOf",
                      params: { passingSchemas: passing0 },
                      message: "must match exactly one schema in oneOf",
                    };
                    if (vErrors === null) {
                      vErrors = [err14];
                    } else {
                      vErrors.push(err14);
                    }
                    errors++;
                    validate92.errors = vErrors;
                    return false;
                  } else {
                    errors = _errs8;
                    if (vErrors !== null) {
                      if (_errs8) {
                        vErrors.length = _errs8;
                      } else {
                        vErrors = null;
                      }
                    }
                  }
                  var valid0 = _errs7 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.actions !== undefined) {
                    let data10 = data.actions;
                    const _errs25 = errors;
                    if (errors === _errs25) {
                      if (Array.isArray(data10)) {
                        var valid5 = true;
                        const len0 = data10.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                          const _errs27 = errors;
                          if (
                            !validate95(data10[i0], {
                              instancePath: instancePath + "/actions/" + i0,
                              parentData: data10,
                              parentDataProperty: i0,
                              rootData,
                              dynamicAnchors,
                            })
                          ) {
                            vErrors =
                              vErrors === null ? validate95.errors : vErrors.concat(validate95.errors);
                            errors = vErrors.length;
                          }
                          var valid5 = _errs27 === errors;
                          if (!valid5) {
                            break;
                          }
                        }
                      } else {
                        validate92.errors = [
                          {
                            instancePath: instancePath + "/actions",
                            schemaPath: "#/properties/actions/type",
                            keyword: "type",
                            params: { type: "array" },
                            message: "must be array",
                          },
                        ];
                        return false;
                      }
                    }
                    var valid0 = _errs25 === errors;
                  } else {
                    var valid0 = true;
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate92.errors = [
        {
          instancePath,
          schemaPath: "#/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        },
      ];
      return false;
    }
  }
  validate92.errors = vErrors;
  return errors === 0;
}
validate92.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
const schema32 = {
  oneOf: [
    { type: "null" },
    {
      type: "object",
      additionalProperties: false,
      required: ["min", "max", "loc"],
      properties: { min: { type: "number" }, max: { type: "number" }, loc: { $ref: "#/$defs/loc" } },
    },
  ],
};
function validate99(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate99.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (data !== null) {
    const err0 = {
      instancePath,
      schemaPath: "#/oneOf/0/type",
      keyword: "type",
      params: { type: "null" },
      message: "must be null",
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs3 = errors;
  if (errors === _errs3) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (
        (data.min === undefined && (missing0 = "min")) ||
        (data.max === undefined && (missing0 = "max")) ||
        (data.loc === undefined && (missing0 = "loc"))
      ) {
        const err1 = {
          instancePath,
          schemaPath: "#/oneOf/1/required",
          keyword: "required",
          params: { missingProperty: missing0 },
          message: "must have required property '" + missing0 + "'",
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      } else {
        const _errs5 = errors;
        for (const key0 in data) {
          if (!(key0 === "min" || key0 === "max" || key0 === "loc")) {
            const err2 = {
              instancePath,
              schemaPath: "#/oneOf/1/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key0 },
              message: "must NOT have additional properties",
            };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
            break;
          }
        }
        if (_errs5 === errors) {
          if (data.min !== undefined) {
            let data0 = data.min;
            const _errs6 = errors;
            if (!(typeof data0 == "number" && isFinite(data0))) {
              const err3 = {
                instancePath: instancePath + "/min",
                schemaPath: "#/oneOf/1/properties/min/type",
                keyword: "type",
                params: { type: "number" },
                message: "must be number",
              };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
            var valid1 = _errs6 === errors;
          } else {
            var valid1 = true;
          }
          if (valid1) {
            if (data.max !== undefined) {
              let data1 = data.max;
              const _errs8 = errors;
              if (!(typeof data1 == "number" && isFinite(data1))) {
                const err4 = {
                  instancePath: instancePath + "/max",
                  schemaPath: "#/oneOf/1/properties/max/type",
                  keyword: "type",
                  params: { type: "number" },
                  message: "must be number",
                };
                if (vErrors === null) {
                  vErrors = [err4];
                } else {
                  vErrors.push(err4);
                }
                errors++;
              }
              var valid1 = _errs8 === errors;
            } else {
              var valid1 = true;
            }
            if (valid1) {
              if (data.loc !== undefined) {
                const _errs10 = errors;
                if (
                  !validate65(data.loc, {
                    instancePath: instancePath + "/loc",
                    parentData: data,
                    parentDataProperty: "loc",
                    rootData,
                    dynamicAnchors,
                  })
                ) {
                  vErrors = vErrors === null ? validate65.errors : vErrors.concat(validate65.errors);
                  errors = vErrors.length;
                }
                var valid1 = _errs10 === errors;
              } else {
                var valid1 = true;
              }
            }
          }
        }
      }
    } else {
      const err5 = {
        instancePath,
        schemaPath: "#/oneOf/1/type",
        keyword: "type",
        params: { type: "object" },
        message: "must be object",
      };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
  }
  var _valid0 = _errs3 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
      var props0 = true;
    }
  }
  if (!valid0) {
    const err6 = {
      instancePath,
      schemaPath: "#/oneOf",
      keyword: "oneOf",
      params: { passingSchemas: passing0 },
      message: "must match exactly one schema in oneOf",
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
    validate99.errors = vErrors;
    return false;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate99.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
}
validate99.evaluated = { dynamicProps: true, dynamicItems: false };
const schema33 = {
  type: "object",
  additionalProperties: false,
  required: ["name", "label", "when", "loc", "rules", "decay", "buckets", "clamp"],
  properties: {
    name: { $ref: "#/$defs/name" },
    label: { type: ["string", "null"] },
    when: { oneOf: [{ type: "null" }, { $ref: "#/$defs/expr" }] },
    loc: { $ref: "#/$defs/loc" },
    rules: { type: "array", items: { $ref: "#/$defs/rule" } },
    decay: {
      oneOf: [
        { type: "null" },
        {
          type: "object",
          additionalProperties: false,
          required: ["percent", "everyMs", "every", "loc"],
          properties: {
            percent: { type: "number", exclusiveMinimum: 0, maximum: 100 },
            everyMs: { type: "number", exclusiveMinimum: 0 },
            every: { type: "string" },
            loc: { $ref: "#/$defs/loc" },
          },
        },
      ],
    },
    buckets: { oneOf: [{ type: "null" }, { type: "array", minItems: 1, items: { $ref: "#/$defs/bucket" } }] },
    clamp: { $ref: "#/$defs/clamp" },
  },
};
const schema34 = {
  type: "object",
  additionalProperties: false,
  required: ["id", "section", "text", "loc", "match", "points", "each", "max", "withinMs", "within"],
  properties: {
    id: { type: "string" },
    section: { enum: ["fit", "engagement"] },
    text: { type: "string" },
    loc: { $ref: "#/$defs/loc" },
    match: { $ref: "#/$defs/match" },
    points: { type: "number" },
    each: { type: "boolean" },
    max: { type: ["number", "null"], exclusiveMinimum: 0 },
    withinMs: { $ref: "#/$defs/optionalMs" },
    within: { type: ["string", "null"] },
  },
};
function validate106(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate106.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (
        (data.id === undefined && (missing0 = "id")) ||
        (data.section === undefined && (missing0 = "section")) ||
        (data.text === undefined && (missing0 = "text")) ||
        (data.loc === undefined && (missing0 = "loc")) ||
        (data.match === undefined && (missing0 = "match")) ||
        (data.points === undefined && (missing0 = "points")) ||
        (data.each === undefined && (missing0 = "each")) ||
        (data.max === undefined && (missing0 = "max")) ||
        (data.withinMs === undefined && (missing0 = "withinMs")) ||
        (data.within === undefined && (missing0 = "within"))
      ) {
        validate106.errors = [
          {
            instancePath,
            schemaPath: "#/required",
            keyword: "required",
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!func1.call(schema34.properties, key0)) {
            validate106.errors = [
              {
                instancePath,
                schemaPath: "#/additionalProperties",
                keyword: "additionalProperties",
                params: { additionalProperty: key0 },
                message: "must NOT have additional properties",
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.id !== undefined) {
            const _errs2 = errors;
            if (typeof data.id !== "string") {
              validate106.errors = [
                {
                  instancePath: instancePath + "/id",
                  schemaPath: "#/properties/id/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                },
              ];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.section !== undefined) {
              let data1 = data.section;
              const _errs4 = errors;
              if (!(data1 === "fit" || data1 === "engagement")) {
                validate106.errors = [
                  {
                    instancePath: instancePath + "/section",
                    schemaPath: "#/properties/section/enum",
                    keyword: "enum",
                    params: { allowedValues: schema34.properties.section.enum },
                    message: "must be equal to one of the allowed values",
                  },
                ];
                return false;
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.text !== undefined) {
                const _errs5 = errors;
                if (typeof data.text !== "string") {
                  validate106.errors = [
                    {
                      instancePath: instancePath + "/text",
                      schemaPath: "#/properties/text/type",
                      keyword: "type",
                      params: { type: "string" },
                      message: "must be string",
                    },
                  ];
                  return false;
                }
                var valid0 = _errs5 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.loc !== undefined) {
                  const _errs7 = errors;
                  if (
                    !validate65(data.loc, {
                      instancePath: instancePath + "/loc",
                      parentData: data,
                      parentDataProperty: "loc",
                      rootData,
                      dynamicAnchors,
                    })
                  ) {
                    vErrors = vErrors === null ? validate65.errors : vErrors.concat(validate65.errors);
                    errors = vErrors.length;
                  }
                  var valid0 = _errs7 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.match !== undefined) {
                    const _errs8 = errors;
                    if (
                      !validate67(data.match, {
                        instancePath: instancePath + "/match",
                        parentData: data,
                        parentDataProperty: "match",
                        rootData,
                        dynamicAnchors,
                      })
                    ) {
                      vErrors = vErrors === null ? validate67.errors : vErrors.concat(validate67.errors);
                      errors = vErrors.length;
                    }
                    var valid0 = _errs8 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.points !== undefined) {
                      let data5 = data.points;
                      const _errs9 = errors;
                      if (!(typeof data5 == "number" && isFinite(data5))) {
                        validate106.errors = [
                          {
                            instancePath: instancePath + "/points",
                            schemaPath: "#/properties/points/type",
                            keyword: "type",
                            params: { type: "number" },
                            message: "must be number",
                          },
                        ];
                        return false;
                      }
                      var valid0 = _errs9 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.each !== undefined) {
                        const _errs11 = errors;
                        if (typeof data.each !== "boolean") {
                          validate106.errors = [
                            {
                              instancePath: instancePath + "/each",
                              schemaPath: "#/properties/each/type",
                              keyword: "type",
                              params: { type: "boolean" },
                              message: "must be boolean",
                            },
                          ];
                          return false;
                        }
                        var valid0 = _errs11 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.max !== undefined) {
                          let data7 = data.max;
                          const _errs13 = errors;
                          if (!(typeof data7 == "number" && isFinite(data7)) && data7 !== null) {
                            validate106.errors = [
                              {
                                instancePath: instancePath + "/max",
                                schemaPath: "#/properties/max/type",
                                keyword: "type",
                                params: { type: schema34.properties.max.type },
                                message: "must be number,null",
                              },
                            ];
                            return false;
                          }
                          if (errors === _errs13) {
                            if (typeof data7 == "number" && isFinite(data7)) {
                              if (data7 <= 0 || isNaN(data7)) {
                                validate106.errors = [
                                  {
                                    instancePath: instancePath + "/max",
                                    schemaPath: "#/properties/max/exclusiveMinimum",
                                    keyword: "exclusiveMinimum",
                                    params: { comparison: ">", limit: 0 },
                                    message: "must be > 0",
                                  },
                                ];
                                return false;
                              }
                            }
                          }
                          var valid0 = _errs13 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data.withinMs !== undefined) {
                            const _errs15 = errors;
                            if (
                              !validate86(data.withinMs, {
                                instancePath: instancePath + "/withinMs",
                                parentData: data,
                                parentDataProperty: "withinMs",
                                rootData,
                                dynamicAnchors,
                              })
                            ) {
                              vErrors =
                                vErrors === null ? validate86.errors : vErrors.concat(validate86.errors);
                              errors = vErrors.length;
                            }
                            var valid0 = _errs15 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data.within !== undefined) {
                              let data9 = data.within;
                              const _errs16 = errors;
                              if (typeof data9 !== "string" && data9 !== null) {
                                validate106.errors = [
                                  {
                                    instancePath: instancePath + "/within",
                                    schemaPath: "#/properties/within/type",
                                    keyword: "type",
                                    params: { type: schema34.properties.within.type },
                                    message: "must be string,null",
                                  },
                                ];
                                return false;
                              }
                              var valid0 = _errs16 === errors;
                            } else {
                              var valid0 = true;
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate106.errors = [
        {
          instancePath,
          schemaPath: "#/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        },
      ];
      return false;
    }
  }
  validate106.errors = vErrors;
  return errors === 0;
}
validate106.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
function validate102(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate102.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (
        (data.name === undefined && (missing0 = "name")) ||
        (data.label === undefined && (missing0 = "label")) ||
        (data.when === undefined && (missing0 = "when")) ||
        (data.loc === undefined && (missing0 = "loc")) ||
        (data.rules === undefined && (missing0 = "rules")) ||
        (data.decay === undefined && (missing0 = "decay")) ||
        (data.buckets === undefined && (missing0 = "buckets")) ||
        (data.clamp === undefined && (missing0 = "clamp"))
      ) {
        validate102.errors = [
          {
            instancePath,
            schemaPath: "#/required",
            keyword: "required",
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(
            key0 === "name" ||
            key0 === "label" ||
            key0 === "when" ||
            key0 === "loc" ||
            key0 === "rules" ||
            key0 === "decay" ||
            key0 === "buckets" ||
            key0 === "clamp"
          )) {
            validate102.errors = [
              {
                instancePath,
                schemaPath: "#/additionalProperties",
                keyword: "additionalProperties",
                params: { additionalProperty: key0 },
                message: "must NOT have additional properties",
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.name !== undefined) {
            const _errs2 = errors;
            if (
              !validate57(data.name, {
                instancePath: instancePath + "/name",
                parentData: data,
                parentDataProperty: "name",
                rootData,
                dynamicAnchors,
              })
            ) {
              vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
              errors = vErrors.length;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.label !== undefined) {
              let data1 = data.label;
              const _errs3 = errors;
              if (typeof data1 !== "string" && data1 !== null) {
                validate102.errors = [
                  {
                    instancePath: instancePath + "/label",
                    schemaPath: "#/properties/label/type",
                    keyword: "type",
                    params: { type: schema33.properties.label.type },
                    message: "must be string,null",
                  },
                ];
                return false;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.when !== undefined) {
                let data2 = data.when;
                const _errs5 = errors;
                const _errs6 = errors;
                let valid1 = false;
                let passing0 = null;
                const _errs7 = errors;
                if (data2 !== null) {
                  const err0 = {
                    instancePath: instancePath + "/when",
                    schemaPath: "#/properties/when/oneOf/0/type",
                    keyword: "type",
                    params: { type: "null" },
                    message: "must be null",
                  };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
                var _valid0 = _errs7 === errors;
                if (_valid0) {
                  valid1 = true;
                  passing0 = 0;
                }
                const _errs9 = errors;
                if (
                  !validate68(data2, {
                    instancePath: instancePath + "/when",
                    parentData: data,
                    parentDataProperty: "when",
                    rootData,
                    dynamicAnchors,
                  })
                ) {
                  vErrors = vErrors === null ? validate68.errors : vErrors.concat(validate68.errors);
                  errors = vErrors.length;
                }
                var _valid0 = _errs9 === errors;
                if (_valid0 && valid1) {
                  valid1 = false;
                  passing0 = [passing0, 1];
                } else {
                  if (_valid0) {
                    valid1 = true;
                    passing0 = 1;
                  }
                }
                if (!valid1) {
                  const err1 = {
                    instancePath: instancePath + "/when",
                    schemaPath: "#/properties/when/oneOf",
                    keyword: "oneOf",
                    params: { passingSchemas: passing0 },
                    message: "must match exactly one schema in oneOf",
                  };
                  if (vErrors === null) {
                    vErrors = [err1];
                  } else {
                    vErrors.push(err1);
                  }
                  errors++;
                  validate102.errors = vErrors;
                  return false;
                } else {
                  errors = _errs6;
                  if (vErrors !== null) {
                    if (_errs6) {
                      vErrors.length = _errs6;
                    } else {
                      vErrors = null;
                    }
                  }
                }
                var valid0 = _errs5 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.loc !== undefined) {
                  const _errs10 = errors;
                  if (
                    !validate65(data.loc, {
                      instancePath: instancePath + "/loc",
                      parentData: data,
                      parentDataProperty: "loc",
                      rootData,
                      dynamicAnchors,
                    })
                  ) {
                    vErrors = vErrors === null ? validate65.errors : vErrors.concat(validate65.errors);
                    errors = vErrors.length;
                  }
                  var valid0 = _errs10 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.rules !== undefined) {
                    let data4 = data.rules;
                    const _errs11 = errors;
                    if (errors === _errs11) {
                      if (Array.isArray(data4)) {
                        var valid2 = true;
                        const len0 = data4.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                          const _errs13 = errors;
                          if (
                            !validate106(data4[i0], {
                              instancePath: instancePath + "/rules/" + i0,
                              parentData: data4,
                              parentDataProperty: i0,
                              rootData,
                              dynamicAnchors,
                            })
                          ) {
                            vErrors =
                              vErrors === null ? validate106.errors : vErrors.concat(validate106.errors);
                            errors = vErrors.length;
                          }
                          var valid2 = _errs13 === errors;
                          if (!valid2) {
                            break;
                          }
                        }
                      } else {
                        validate102.errors = [
                          {
                            instancePath: instancePath + "/rules",
                            schemaPath: "#/properties/rules/type",
                            keyword: "type",
                            params: { type: "array" },
                            message: "must be array",
                          },
                        ];
                        return false;
                      }
                    }
                    var valid0 = _errs11 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.decay !== undefined) {
                      let data6 = data.decay;
                      const _errs14 = errors;
                      const _errs15 = errors;
                      let valid3 = false;
                      let passing1 = null;
                      const _errs16 = errors;
                      if (data6 !== null) {
                        const err2 = {
                          instancePath: instancePath + "/decay",
                          schemaPath: "#/properties/decay/oneOf/0/type",
                          keyword: "type",
                          params: { type: "null" },
                          message: "must be null",
                        };
                        if (vErrors === null) {
                          vErrors = [err2];
                        } else {
                          vErrors.push(err2);
                        }
                        errors++;
                      }
                      var _valid1 = _errs16 === errors;
                      if (_valid1) {
                        valid3 = true;
                        passing1 = 0;
                      }
                      const _errs18 = errors;
                      if (errors === _errs18) {
                        if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
                          let missing1;
                          if (
                            (data6.percent === undefined && (missing1 = "percent")) ||
                            (data6.everyMs === undefined && (missing1 = "everyMs")) ||
                            (data6.every === undefined && (missing1 = "every")) ||
                            (data6.loc === undefined && (missing1 = "loc"))
                          ) {
                            const err3 = {
                              instancePath: instancePath + "/decay",
                              schemaPath: "#/properties/decay/oneOf/1/required",
                              keyword: "required",
                              params: { missingProperty: missing1 },
                              message: "must have required property '" + missing1 + "'",
                            };
                            if (vErrors === null) {
                              vErrors = [err3];
                            } else {
                              vErrors.push(err3);
                            }
                            errors++;
                          } else {
                            const _errs20 = errors;
                            for (const key1 in data6) {
                              if (!(
                                key1 === "percent" ||
                                key1 === "everyMs" ||
                                key1 === "every" ||
                                key1 === "loc"
                              )) {
                                const err4 = {
                                  instancePath: instancePath + "/decay",
                                  schemaPath: "#/properties/decay/oneOf/1/additionalProperties",
                                  keyword: "additionalProperties",
                                  params: { additionalProperty: key1 },
                                  message: "must NOT have additional properties",
                                };
                                if (vErrors === null) {
                                  vErrors = [err4];
                                } else {
                                  vErrors.push(err4);
                                }
                                errors++;
                                break;
                              }
                            }
                            if (_errs20 === errors) {
                              if (data6.percent !== undefined) {
                                let data7 = data6.percent;
                                const _errs21 = errors;
                                if (errors === _errs21) {
                                  if (typeof data7 == "number" && isFinite(data7)) {
                                    if (data7 > 100 || isNaN(data7)) {
                                      const err5 = {
                                        instancePath: instancePath + "/decay/percent",
                                        schemaPath: "#/properties/decay/oneOf/1/properties/percent/maximum",
                                        keyword: "maximum",
                                        params: { comparison: "<=", limit: 100 },
                                        message: "must be <= 100",
                                      };
                                      if (vErrors === null) {
                                        vErrors = [err5];
                                      } else {
                                        vErrors.push(err5);
                                      }
                                      errors++;
                                    } else {
                                      if (data7 <= 0 || isNaN(data7)) {
                                        const err6 = {
                                          instancePath: instancePath + "/decay/percent",
                                          schemaPath:
                                            "#/properties/decay/oneOf/1/properties/percent/exclusiveMinimum",
                                          keyword: "exclusiveMinimum",
                                          params: { comparison: ">", limit: 0 },
                                          message: "must be > 0",
                                        };
                                        if (vErrors === null) {
                                          vErrors = [err6];
                                        } else {
                                          vErrors.push(err6);
                                        }
                                        errors++;
                                      }
                                    }
                                  } else {
                                    const err7 = {
                                      instancePath: instancePath + "/decay/percent",
                                      schemaPath: "#/properties/decay/oneOf/1/properties/percent/type",
                                      keyword: "type",
                                      params: { type: "number" },
                                      message: "must be number",
                                    };
                                    if (vErrors === null) {
                                      vErrors = [err7];
                                    } else {
                                      vErrors.push(err7);
                                    }
                                    errors++;
                                  }
                                }
                                var valid4 = _errs21 === errors;
                              } else {
                                var valid4 = true;
                              }
                              if (valid4) {
                                if (data6.everyMs !== undefined) {
                                  let data8 = data6.everyMs;
                                  const _errs23 = errors;
                                  if (errors === _errs23) {
                                    if (typeof data8 == "number" && isFinite(data8)) {
                                      if (data8 <= 0 || isNaN(data8)) {
                                        const err8 = {
                                          instancePath: instancePath + "/decay/everyMs",
                                          schemaPath:
                                            "#/properties/decay/oneOf/1/properties/everyMs/exclusiveMinimum",
                                          keyword: "exclusiveMinimum",
                                          params: { comparison: ">", limit: 0 },
                                          message: "must be > 0",
                                        };
                                        if (vErrors === null) {
                                          vErrors = [err8];
                                        } else {
                                          vErrors.push(err8);
                                        }
                                        errors++;
                                      }
                                    } else {
                                      const err9 = {
                                        instancePath: instancePath + "/decay/everyMs",
                                        schemaPath: "#/properties/decay/oneOf/1/properties/everyMs/type",
                                        keyword: "type",
                                        params: { type: "number" },
                                        message: "must be number",
                                      };
                                      if (vErrors === null) {
                                        vErrors = [err9];
                                      } else {
                                        vErrors.push(err9);
                                      }
                                      errors++;
                                    }
                                  }
                                  var valid4 = _errs23 === errors;
                                } else {
                                  var valid4 = true;
                                }
                                if (valid4) {
                                  if (data6.every !== undefined) {
                                    const _errs25 = errors;
                                    if (typeof data6.every !== "string") {
                                      const err10 = {
                                        instancePath: instancePath + "/decay/every",
                                        schemaPath: "#/properties/decay/oneOf/1/properties/every/type",
                                        keyword: "type",
                                        params: { type: "string" },
                                        message: "must be string",
                                      };
                                      if (vErrors === null) {
                                        vErrors = [err10];
                                      } else {
                                        vErrors.push(err10);
                                      }
                                      errors++;
                                    }
                                    var valid4 = _errs25 === errors;
                                  } else {
                                    var valid4 = true;
                                  }
                                  if (valid4) {
                                    if (data6.loc !== undefined) {
                                      const _errs27 = errors;
                                      if (
                                        !validate65(data6.loc, {
                                          instancePath: instancePath + "/decay/loc",
                                          parentData: data6,
                                          parentDataProperty: "loc",
                                          rootData,
                                          dynamicAnchors,
                                        })
                                      ) {
                                        vErrors =
                                          vErrors === null
                                            ? validate65.errors
                                            : vErrors.concat(validate65.errors);
                                        errors = vErrors.length;
                                      }
                                      var valid4 = _errs27 === errors;
                                    } else {
                                      var valid4 = true;
                                    }
                                  }
                                }
                              }
                            }
                          }
                        } else {
                          const err11 = {
                            instancePath: instancePath + "/decay",
                            schemaPath: "#/properties/decay/oneOf/1/type",
                            keyword: "type",
                            params: { type: "object" },
                            message: "must be object",
                          };
                          if (vErrors === null) {
                            vErrors = [err11];
                          } else {
                            vErrors.push(err11);
                          }
                          errors++;
                        }
                      }
                      var _valid1 = _errs18 === errors;
                      if (_valid1 && valid3) {
                        valid3 = false;
                        passing1 = [passing1, 1];
                      } else {
                        if (_valid1) {
                          valid3 = true;
                          passing1 = 1;
                        }
                      }
                      if (!valid3) {
                        const err12 = {
                          instancePath: instancePath + "/decay",
                          schemaPath: "#/properties/decay/oneOf",
                          keyword: "oneOf",
                          params: { passingSchemas: passing1 },
                          message: "must match exactly one schema in oneOf",
                        };
                        if (vErrors === null) {
                          vErrors = [err12];
                        } else {
                          vErrors.push(err12);
                        }
                        errors++;
                        validate102.errors = vErrors;
                        return false;
                      } else {
                        errors = _errs15;
                        if (vErrors !== null) {
                          if (_errs15) {
                            vErrors.length = _errs15;
                          } else {
                            vErrors = null;
                          }
                        }
                      }
                      var valid0 = _errs14 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.buckets !== undefined) {
                        let data11 = data.buckets;
                        const _errs28 = errors;
                        const _errs29 = errors;
                        let valid5 = false;
                        let passing2 = null;
                        const _errs30 = errors;
                        if (data11 !== null) {
                          const err13 = {
                            instancePath: instancePath + "/buckets",
                            schemaPath: "#/properties/buckets/oneOf/0/type",
                            keyword: "type",
                            params: { type: "null" },
                            message: "must be null",
                          };
                          if (vErrors === null) {
                            vErrors = [err13];
                          } else {
                            vErrors.push(err13);
                          }
                          errors++;
                        }
                        var _valid2 = _errs30 === errors;
                        if (_valid2) {
                          valid5 = true;
                          passing2 = 0;
                        }
                        const _errs32 = errors;
                        if (errors === _errs32) {
                          if (Array.isArray(data11)) {
                            if (data11.length < 1) {
                              const err14 = {
                                instancePath: instancePath + "/buckets",
                                schemaPath: "#/properties/buckets/oneOf/1/minItems",
                                keyword: "minItems",
                                params: { limit: 1 },
                                message: "must NOT have fewer than 1 items",
                              };
                              if (vErrors === null) {
                                vErrors = [err14];
                              } else {
                                vErrors.push(err14);
                              }
                              errors++;
                            } else {
                              var valid6 = true;
                              const len1 = data11.length;
                              for (let i1 = 0; i1 < len1; i1++) {
                                const _errs34 = errors;
                                if (
                                  !validate92(data11[i1], {
                                    instancePath: instancePath + "/buckets/" + i1,
                                    parentData: data11,
                                    parentDataProperty: i1,
                                    rootData,
                                    dynamicAnchors,
                                  })
                                ) {
                                  vErrors =
                                    vErrors === null ? validate92.errors : vErrors.concat(validate92.errors);
                                  errors = vErrors.length;
                                }
                                var valid6 = _errs34 === errors;
                                if (!valid6) {
                                  break;
                                }
                              }
                            }
                          } else {
                            const err15 = {
                              instancePath: instancePath + "/buckets",
                              schemaPath: "#/properties/buckets/oneOf/1/type",
                              keyword: "type",
                              params: { type: "array" },
                              message: "must be array",
                            };
                            if (vErrors === null) {
                              vErrors = [err15];
                            } else {
                              vErrors.push(err15);
                            }
                            errors++;
                          }
                        }
                        var _valid2 = _errs32 === errors;
                        if (_valid2 && valid5) {
                          valid5 = false;
                          passing2 = [passing2, 1];
                        } else {
                          if (_valid2) {
                            valid5 = true;
                            passing2 = 1;
                          }
                        }
                        if (!valid5) {
                          const err16 = {
                            instancePath: instancePath + "/buckets",
                            schemaPath: "#/properties/buckets/oneOf",
                            keyword: "oneOf",
                            params: { passingSchemas: passing2 },
                            message: "must match exactly one schema in oneOf",
                          };
                          if (vErrors === null) {
                            vErrors = [err16];
                          } else {
                            vErrors.push(err16);
                          }
                          errors++;
                          validate102.errors = vErrors;
                          return false;
                        } else {
                          errors = _errs29;
                          if (vErrors !== null) {
                            if (_errs29) {
                              vErrors.length = _errs29;
                            } else {
                              vErrors = null;
                            }
                          }
                        }
                        var valid0 = _errs28 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.clamp !== undefined) {
                          const _errs35 = errors;
                          if (
                            !validate99(data.clamp, {
                              instancePath: instancePath + "/clamp",
                              parentData: data,
                              parentDataProperty: "clamp",
                              rootData,
                              dynamicAnchors,
                            })
                          ) {
                            vErrors =
                              vErrors === null ? validate99.errors : vErrors.concat(validate99.errors);
                            errors = vErrors.length;
                          }
                          var valid0 = _errs35 === errors;
                        } else {
                          var valid0 = true;
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate102.errors = [
        {
          instancePath,
          schemaPath: "#/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        },
      ];
      return false;
    }
  }
  validate102.errors = vErrors;
  return errors === 0;
}
validate102.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
const pattern4 = new RegExp("^[0-9a-f]{64}$", "u");
function validate52(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  /*# sourceURL="https://leadscore.dev/schema/ruleset.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate52.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (
        (data.format === undefined && (missing0 = "format")) ||
        (data.formatVersion === undefined && (missing0 = "formatVersion")) ||
        (data.name === undefined && (missing0 = "name")) ||
        (data.version === undefined && (missing0 = "version")) ||
        (data.contentHash === undefined && (missing0 = "contentHash")) ||
        (data.sourceHash === undefined && (missing0 = "sourceHash")) ||
        (data.sources === undefined && (missing0 = "sources")) ||
        (data.schema === undefined && (missing0 = "schema")) ||
        (data.lists === undefined && (missing0 = "lists")) ||
        (data.exclusions === undefined && (missing0 = "exclusions")) ||
        (data.grades === undefined && (missing0 = "grades")) ||
        (data.buckets === undefined && (missing0 = "buckets")) ||
        (data.clamp === undefined && (missing0 = "clamp")) ||
        (data.models === undefined && (missing0 = "models")) ||
        (data.defaultModel === undefined && (missing0 = "defaultModel"))
      ) {
        validate52.errors = [
          {
            instancePath,
            schemaPath: "#/required",
            keyword: "required",
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!func1.call(schema19.properties, key0)) {
            validate52.errors = [
              {
                instancePath,
                schemaPath: "#/additionalProperties",
                keyword: "additionalProperties",
                params: { additionalProperty: key0 },
                message: "must NOT have additional properties",
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.format !== undefined) {
            const _errs2 = errors;
            if ("leadscore.ruleset" !== data.format) {
              validate52.errors = [
                {
                  instancePath: instancePath + "/format",
                  schemaPath: "#/properties/format/const",
                  keyword: "const",
                  params: { allowedValue: "leadscore.ruleset" },
                  message: "must be equal to constant",
                },
              ];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.formatVersion !== undefined) {
              const _errs3 = errors;
              if (1 !== data.formatVersion) {
                validate52.errors = [
                  {
                    instancePath: instancePath + "/formatVersion",
                    schemaPath: "#/properties/formatVersion/const",
                    keyword: "const",
                    params: { allowedValue: 1 },
                    message: "must be equal to constant",
                  },
                ];
                return false;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.name !== undefined) {
                const _errs4 = errors;
                if (typeof data.name !== "string") {
                  validate52.errors = [
                    {
                      instancePath: instancePath + "/name",
                      schemaPath: "#/properties/name/type",
                      keyword: "type",
                      params: { type: "string" },
                      message: "must be string",
                    },
                  ];
                  return false;
                }
                var valid0 = _errs4 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.version !== undefined) {
                  let data3 = data.version;
                  const _errs6 = errors;
                  if (!(typeof data3 == "number" && isFinite(data3)) && data3 !== null) {
                    validate52.errors = [
                      {
                        instancePath: instancePath + "/version",
                        schemaPath: "#/properties/version/type",
                        keyword: "type",
                        params: { type: schema19.properties.version.type },
                        message: "must be number,null",
                      },
                    ];
                    return false;
                  }
                  var valid0 = _errs6 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.contentHash !== undefined) {
                    const _errs8 = errors;
                    if (
                      !validate53(data.contentHash, {
                        instancePath: instancePath + "/contentHash",
                        parentData: data,
                        parentDataProperty: "contentHash",
                        rootData,
                        dynamicAnchors,
                      })
                    ) {
                      vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
                      errors = vErrors.length;
                    }
                    var valid0 = _errs8 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.sourceHash !== undefined) {
                      const _errs9 = errors;
                      if (
                        !validate53(data.sourceHash, {
                          instancePath: instancePath + "/sourceHash",
                          parentData: data,
                          parentDataProperty: "sourceHash",
                          rootData,
                          dynamicAnchors,
                        })
                      ) {
                        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
                        errors = vErrors.length;
                      }
                      var valid0 = _errs9 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.sources !== undefined) {
                        let data6 = data.sources;
                        const _errs10 = errors;
                        if (errors === _errs10) {
                          if (Array.isArray(data6)) {
                            var valid1 = true;
                            const len0 = data6.length;
                            for (let i0 = 0; i0 < len0; i0++) {
                              let data7 = data6[i0];
                              const _errs12 = errors;
                              if (errors === _errs12) {
                                if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
                                  let missing1;
                                  if (
                                    (data7.path === undefined && (missing1 = "path")) ||
                                    (data7.sha256 === undefined && (missing1 = "sha256"))
                                  ) {
                                    validate52.errors = [
                                      {
                                        instancePath: instancePath + "/sources/" + i0,
                                        schemaPath: "#/properties/sources/items/required",
                                        keyword: "required",
                                        params: { missingProperty: missing1 },
                                        message: "must have required property '" + missing1 + "'",
                                      },
                                    ];
                                    return false;
                                  } else {
                                    const _errs14 = errors;
                                    for (const key1 in data7) {
                                      if (!(key1 === "path" || key1 === "sha256")) {
                                        validate52.errors = [
                                          {
                                            instancePath: instancePath + "/sources/" + i0,
                                            schemaPath: "#/properties/sources/items/additionalProperties",
                                            keyword: "additionalProperties",
                                            params: { additionalProperty: key1 },
                                            message: "must NOT have additional properties",
                                          },
                                        ];
                                        return false;
                                        break;
                                      }
                                    }
                                    if (_errs14 === errors) {
                                      if (data7.path !== undefined) {
                                        const _errs15 = errors;
                                        if (typeof data7.path !== "string") {
                                          validate52.errors = [
                                            {
                                              instancePath: instancePath + "/sources/" + i0 + "/path",
                                              schemaPath: "#/properties/sources/items/properties/path/type",
                                              keyword: "type",
                                              params: { type: "string" },
                                              message: "must be string",
                                            },
                                          ];
                                          return false;
                                        }
                                        var valid2 = _errs15 === errors;
                                      } else {
                                        var valid2 = true;
                                      }
                                      if (valid2) {
                                        if (data7.sha256 !== undefined) {
                                          let data9 = data7.sha256;
                                          const _errs17 = errors;
                                          if (errors === _errs17) {
                                            if (typeof data9 === "string") {
                                              if (!pattern4.test(data9)) {
                                                validate52.errors = [
                                                  {
                                                    instancePath: instancePath + "/sources/" + i0 + "/sha256",
                                                    schemaPath:
                                                      "#/properties/sources/items/properties/sha256/pattern",
                                                    keyword: "pattern",
                                                    params: { pattern: "^[0-9a-f]{64}$" },
                                                    message: 'must match pattern "' + "^[0-9a-f]{64}$" + '"',
                                                  },
                                                ];
                                                return false;
                                              }
                                            } else {
                                              validate52.errors = [
                                                {
                                                  instancePath: instancePath + "/sources/" + i0 + "/sha256",
                                                  schemaPath:
                                                    "#/properties/sources/items/properties/sha256/type",
                                                  keyword: "type",
                                                  params: { type: "string" },
                                                  message: "must be string",
                                                },
                                              ];
                                              return false;
                                            }
                                          }
                                          var valid2 = _errs17 === errors;
                                        } else {
                                          var valid2 = true;
                                        }
                                      }
                                    }
                                  }
                                } else {
                                  validate52.errors = [
                                    {
                                      instancePath: instancePath + "/sources/" + i0,
                                      schemaPath: "#/properties/sources/items/type",
                                      keyword: "type",
                                      params: { type: "object" },
                                      message: "must be object",
                                    },
                                  ];
                                  return false;
                                }
                              }
                              var valid1 = _errs12 === errors;
                              if (!valid1) {
                                break;
                              }
                            }
                          } else {
                            validate52.errors = [
                              {
                                instancePath: instancePath + "/sources",
                                schemaPath: "#/properties/sources/type",
                                keyword: "type",
                                params: { type: "array" },
                                message: "must be array",
                              },
                            ];
                            return false;
                          }
                        }
                        var valid0 = _errs10 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.schema !== undefined) {
                          let data10 = data.schema;
                          const _errs19 = errors;
                          if (errors === _errs19) {
                            if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                              let missing2;
                              if (
                                (data10.lead === undefined && (missing2 = "lead")) ||
                                (data10.events === undefined && (missing2 = "events"))
                              ) {
                                validate52.errors = [
                                  {
                                    instancePath: instancePath + "/schema",
                                    schemaPath: "#/properties/schema/required",
                                    keyword: "required",
                                    params: { missingProperty: missing2 },
                                    message: "must have required property '" + missing2 + "'",
                                  },
                                ];
                                return false;
                              } else {
                                const _errs21 = errors;
                                for (const key2 in data10) {
                                  if (!(key2 === "lead" || key2 === "events")) {
                                    validate52.errors = [
                                      {
                                        instancePath: instancePath + "/schema",
                                        schemaPath: "#/properties/schema/additionalProperties",
                                        keyword: "additionalProperties",
                                        params: { additionalProperty: key2 },
                                        message: "must NOT have additional properties",
                                      },
                                    ];
                                    return false;
                                    break;
                                  }
                                }
                                if (_errs21 === errors) {
                                  if (data10.lead !== undefined) {
                                    let data11 = data10.lead;
                                    const _errs22 = errors;
                                    if (errors === _errs22) {
                                      if (Array.isArray(data11)) {
                                        var valid4 = true;
                                        const len1 = data11.length;
                                        for (let i1 = 0; i1 < len1; i1++) {
                                          const _errs24 = errors;
                                          if (
                                            !validate56(data11[i1], {
                                              instancePath: instancePath + "/schema/lead/" + i1,
                                              parentData: data11,
                                              parentDataProperty: i1,
                                              rootData,
                                              dynamicAnchors,
                                            })
                                          ) {
                                            vErrors =
                                              vErrors === null
                                                ? validate56.errors
                                                : vErrors.concat(validate56.errors);
                                            errors = vErrors.length;
                                          }
                                          var valid4 = _errs24 === errors;
                                          if (!valid4) {
                                            break;
                                          }
                                        }
                                      } else {
                                        validate52.errors = [
                                          {
                                            instancePath: instancePath + "/schema/lead",
                                            schemaPath: "#/properties/schema/properties/lead/type",
                                            keyword: "type",
                                            params: { type: "array" },
                                            message: "must be array",
                                          },
                                        ];
                                        return false;
                                      }
                                    }
                                    var valid3 = _errs22 === errors;
                                  } else {
                                    var valid3 = true;
                                  }
                                  if (valid3) {
                                    if (data10.events !== undefined) {
                                      let data13 = data10.events;
                                      const _errs25 = errors;
                                      if (errors === _errs25) {
                                        if (Array.isArray(data13)) {
                                          var valid5 = true;
                                          const len2 = data13.length;
                                          for (let i2 = 0; i2 < len2; i2++) {
                                            let data14 = data13[i2];
                                            const _errs27 = errors;
                                            if (errors === _errs27) {
                                              if (
                                                data14 &&
                                                typeof data14 == "object" &&
                                                !Array.isArray(data14)
                                              ) {
                                                let missing3;
                                                if (
                                                  (data14.name === undefined && (missing3 = "name")) ||
                                                  (data14.properties === undefined &&
                                                    (missing3 = "properties"))
                                                ) {
                                                  validate52.errors = [
                                                    {
                                                      instancePath: instancePath + "/schema/events/" + i2,
                                                      schemaPath:
                                                        "#/properties/schema/properties/events/items/required",
                                                      keyword: "required",
                                                      params: { missingProperty: missing3 },
                                                      message:
                                                        "must have required property '" + missing3 + "'",
                                                    },
                                                  ];
                                                  return false;
                                                } else {
                                                  const _errs29 = errors;
                                                  for (const key3 in data14) {
                                                    if (!(key3 === "name" || key3 === "properties")) {
                                                      validate52.errors = [
                                                        {
                                                          instancePath: instancePath + "/schema/events/" + i2,
                                                          schemaPath:
                                                            "#/properties/schema/properties/events/items/additionalProperties",
                                                          keyword: "additionalProperties",
                                                          params: { additionalProperty: key3 },
                                                          message: "must NOT have additional properties",
                                                        },
                                                      ];
                                                      return false;
                                                      break;
                                                    }
                                                  }
                                                  if (_errs29 === errors) {
                                                    if (data14.name !== undefined) {
                                                      const _errs30 = errors;
                                                      if (
                                                        !validate57(data14.name, {
                                                          instancePath:
                                                            instancePath + "/schema/events/" + i2 + "/name",
                                                          parentData: data14,
                                                          parentDataProperty: "name",
                                                          rootData,
                                                          dynamicAnchors,
                                                        })
                                                      ) {
                                                        vErrors =
                                                          vErrors === null
                                                            ? validate57.errors
                                                            : vErrors.concat(validate57.errors);
                                                        errors = vErrors.length;
                                                      }
                                                      var valid6 = _errs30 === errors;
                                                    } else {
                                                      var valid6 = true;
                                                    }
                                                    if (valid6) {
                                                      if (data14.properties !== undefined) {
                                                        let data16 = data14.properties;
                                                        const _errs31 = errors;
                                                        if (errors === _errs31) {
                                                          if (Array.isArray(data16)) {
                                                            var valid7 = true;
                                                            const len3 = data16.length;
                                                            for (let i3 = 0; i3 < len3; i3++) {
                                                              const _errs33 = errors;
                                                              if (
                                                                !validate56(data16[i3], {
                                                                  instancePath:
                                                                    instancePath +
                                                                    "/schema/events/" +
                                                                    i2 +
                                                                    "/properties/" +
                                                                    i3,
                                                                  parentData: data16,
                                                                  parentDataProperty: i3,
                                                                  rootData,
                                                                  dynamicAnchors,
                                                                })
                                                              ) {
                                                                vErrors =
                                                                  vErrors === null
                                                                    ? validate56.errors
                                                                    : vErrors.concat(validate56.errors);
                                                                errors = vErrors.length;
                                                              }
                                                              var valid7 = _errs33 === errors;
                                                              if (!valid7) {
                                                                break;
                                                              }
                                                            }
                                                          } else {
                                                            validate52.errors = [
                                                              {
                                                                instancePath:
                                                                  instancePath +
                                                                  "/schema/events/" +
                                                                  i2 +
                                                                  "/properties",
                                                                schemaPath:
                                                                  "#/properties/schema/properties/events/items/properties/properties/type",
                                                                keyword: "type",
                                                                params: { type: "array" },
                                                                message: "must be array",
                                                              },
                                                            ];
                                                            return false;
                                                          }
                                                        }
                                                        var valid6 = _errs31 === errors;
                                                      } else {
                                                        var valid6 = true;
                                                      }
                                                    }
                                                  }
                                                }
                                              } else {
                                                validate52.errors = [
                                                  {
                                                    instancePath: instancePath + "/schema/events/" + i2,
                                                    schemaPath:
                                                      "#/properties/schema/properties/events/items/type",
                                                    keyword: "type",
                                                    params: { type: "object" },
                                                    message: "must be object",
                                                  },
                                                ];
                                                return false;
                                              }
                                            }
                                            var valid5 = _errs27 === errors;
                                            if (!valid5) {
                                              break;
                                            }
                                          }
                                        } else {
                                          validate52.errors = [
                                            {
                                              instancePath: instancePath + "/schema/events",
                                              schemaPath: "#/properties/schema/properties/events/type",
                                              keyword: "type",
                                              params: { type: "array" },
                                              message: "must be array",
                                            },
                                          ];
                                          return false;
                                        }
                                      }
                                      var valid3 = _errs25 === errors;
                                    } else {
                                      var valid3 = true;
                                    }
                                  }
                                }
                              }
                            } else {
                              validate52.errors = [
                                {
                                  instancePath: instancePath + "/schema",
                                  schemaPath: "#/properties/schema/type",
                                  keyword: "type",
                                  params: { type: "object" },
                                  message: "must be object",
                                },
                              ];
                              return false;
                            }
                          }
                          var valid0 = _errs19 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data.lists !== undefined) {
                            let data18 = data.lists;
                            const _errs34 = errors;
                            if (errors === _errs34) {
                              if (Array.isArray(data18)) {
                                var valid8 = true;
                                const len4 = data18.length;
                                for (let i4 = 0; i4 < len4; i4++) {
                                  let data19 = data18[i4];
                                  const _errs36 = errors;
                                  if (errors === _errs36) {
                                    if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
                                      let missing4;
                                      if (
                                        (data19.name === undefined && (missing4 = "name")) ||
                                        (data19.values === undefined && (missing4 = "values"))
                                      ) {
                                        validate52.errors = [
                                          {
                                            instancePath: instancePath + "/lists/" + i4,
                                            schemaPath: "#/properties/lists/items/required",
                                            keyword: "required",
                                            params: { missingProperty: missing4 },
                                            message: "must have required property '" + missing4 + "'",
                                          },
                                        ];
                                        return false;
                                      } else {
                                        const _errs38 = errors;
                                        for (const key4 in data19) {
                                          if (!(key4 === "name" || key4 === "values")) {
                                            validate52.errors = [
                                              {
                                                instancePath: instancePath + "/lists/" + i4,
                                                schemaPath: "#/properties/lists/items/additionalProperties",
                                                keyword: "additionalProperties",
                                                params: { additionalProperty: key4 },
                                                message: "must NOT have additional properties",
                                              },
                                            ];
                                            return false;
                                            break;
                                          }
                                        }
                                        if (_errs38 === errors) {
                                          if (data19.name !== undefined) {
                                            const _errs39 = errors;
                                            if (
                                              !validate57(data19.name, {
                                                instancePath: instancePath + "/lists/" + i4 + "/name",
                                                parentData: data19,
                                                parentDataProperty: "name",
                                                rootData,
                                                dynamicAnchors,
                                              })
                                            ) {
                                              vErrors =
                                                vErrors === null
                                                  ? validate57.errors
                                                  : vErrors.concat(validate57.errors);
                                              errors = vErrors.length;
                                            }
                                            var valid9 = _errs39 === errors;
                                          } else {
                                            var valid9 = true;
                                          }
                                          if (valid9) {
                                            if (data19.values !== undefined) {
                                              let data21 = data19.values;
                                              const _errs40 = errors;
                                              if (errors === _errs40) {
                                                if (Array.isArray(data21)) {
                                                  var valid10 = true;
                                                  const len5 = data21.length;
                                                  for (let i5 = 0; i5 < len5; i5++) {
                                                    const _errs42 = errors;
                                                    if (
                                                      !validate63(data21[i5], {
                                                        instancePath:
                                                          instancePath + "/lists/" + i4 + "/values/" + i5,
                                                        parentData: data21,
                                                        parentDataProperty: i5,
                                                        rootData,
                                                        dynamicAnchors,
                                                      })
                                                    ) {
                                                      vErrors =
                                                        vErrors === null
                                                          ? validate63.errors
                                                          : vErrors.concat(validate63.errors);
                                                      errors = vErrors.length;
                                                    }
                                                    var valid10 = _errs42 === errors;
                                                    if (!valid10) {
                                                      break;
                                                    }
                                                  }
                                                } else {
                                                  validate52.errors = [
                                                    {
                                                      instancePath: instancePath + "/lists/" + i4 + "/values",
                                                      schemaPath:
                                                        "#/properties/lists/items/properties/values/type",
                                                      keyword: "type",
                                                      params: { type: "array" },
                                                      message: "must be array",
                                                    },
                                                  ];
                                                  return false;
                                                }
                                              }
                                              var valid9 = _errs40 === errors;
                                            } else {
                                              var valid9 = true;
                                            }
                                          }
                                        }
                                      }
                                    } else {
                                      validate52.errors = [
                                        {
                                          instancePath: instancePath + "/lists/" + i4,
                                          schemaPath: "#/properties/lists/items/type",
                                          keyword: "type",
                                          params: { type: "object" },
                                          message: "must be object",
                                        },
                                      ];
                                      return false;
                                    }
                                  }
                                  var valid8 = _errs36 === errors;
                                  if (!valid8) {
                                    break;
                                  }
                                }
                              } else {
                                validate52.errors = [
                                  {
                                    instancePath: instancePath + "/lists",
                                    schemaPath: "#/properties/lists/type",
                                    keyword: "type",
                                    params: { type: "array" },
                                    message: "must be array",
                                  },
                                ];
                                return false;
                              }
                            }
                            var valid0 = _errs34 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data.exclusions !== undefined) {
                              let data23 = data.exclusions;
                              const _errs43 = errors;
                              if (errors === _errs43) {
                                if (Array.isArray(data23)) {
                                  var valid11 = true;
                                  const len6 = data23.length;
                                  for (let i6 = 0; i6 < len6; i6++) {
                                    let data24 = data23[i6];
                                    const _errs45 = errors;
                                    if (errors === _errs45) {
                                      if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
                                        let missing5;
                                        if (
                                          (data24.reason === undefined && (missing5 = "reason")) ||
                                          (data24.text === undefined && (missing5 = "text")) ||
                                          (data24.loc === undefined && (missing5 = "loc")) ||
                                          (data24.match === undefined && (missing5 = "match")) ||
                                          (data24.withinMs === undefined && (missing5 = "withinMs")) ||
                                          (data24.within === undefined && (missing5 = "within"))
                                        ) {
                                          validate52.errors = [
                                            {
                                              instancePath: instancePath + "/exclusions/" + i6,
                                              schemaPath: "#/properties/exclusions/items/required",
                                              keyword: "required",
                                              params: { missingProperty: missing5 },
                                              message: "must have required property '" + missing5 + "'",
                                            },
                                          ];
                                          return false;
                                        } else {
                                          const _errs47 = errors;
                                          for (const key5 in data24) {
                                            if (!(
                                              key5 === "reason" ||
                                              key5 === "text" ||
                                              key5 === "loc" ||
                                              key5 === "match" ||
                                              key5 === "withinMs" ||
                                              key5 === "within"
                                            )) {
                                              validate52.errors = [
                                                {
                                                  instancePath: instancePath + "/exclusions/" + i6,
                                                  schemaPath:
                                                    "#/properties/exclusions/items/additionalProperties",
                                                  keyword: "additionalProperties",
                                                  params: { additionalProperty: key5 },
                                                  message: "must NOT have additional properties",
                                                },
                                              ];
                                              return false;
                                              break;
                                            }
                                          }
                                          if (_errs47 === errors) {
                                            if (data24.reason !== undefined) {
                                              const _errs48 = errors;
                                              if (typeof data24.reason !== "string") {
                                                validate52.errors = [
                                                  {
                                                    instancePath:
                                                      instancePath + "/exclusions/" + i6 + "/reason",
                                                    schemaPath:
                                                      "#/properties/exclusions/items/properties/reason/type",
                                                    keyword: "type",
                                                    params: { type: "string" },
                                                    message: "must be string",
                                                  },
                                                ];
                                                return false;
                                              }
                                              var valid12 = _errs48 === errors;
                                            } else {
                                              var valid12 = true;
                                            }
                                            if (valid12) {
                                              if (data24.text !== undefined) {
                                                const _errs50 = errors;
                                                if (typeof data24.text !== "string") {
                                                  validate52.errors = [
                                                    {
                                                      instancePath:
                                                        instancePath + "/exclusions/" + i6 + "/text",
                                                      schemaPath:
                                                        "#/properties/exclusions/items/properties/text/type",
                                                      keyword: "type",
                                                      params: { type: "string" },
                                                      message: "must be string",
                                                    },
                                                  ];
                                                  return false;
                                                }
                                                var valid12 = _errs50 === errors;
                                              } else {
                                                var valid12 = true;
                                              }
                                              if (valid12) {
                                                if (data24.loc !== undefined) {
                                                  const _errs52 = errors;
                                                  if (
                                                    !validate65(data24.loc, {
                                                      instancePath:
                                                        instancePath + "/exclusions/" + i6 + "/loc",
                                                      parentData: data24,
                                                      parentDataProperty: "loc",
                                                      rootData,
                                                      dynamicAnchors,
                                                    })
                                                  ) {
                                                    vErrors =
                                                      vErrors === null
                                                        ? validate65.errors
                                                        : vErrors.concat(validate65.errors);
                                                    errors = vErrors.length;
                                                  }
                                                  var valid12 = _errs52 === errors;
                                                } else {
                                                  var valid12 = true;
                                                }
                                                if (valid12) {
                                                  if (data24.match !== undefined) {
                                                    const _errs53 = errors;
                                                    if (
                                                      !validate67(data24.match, {
                                                        instancePath:
                                                          instancePath + "/exclusions/" + i6 + "/match",
                                                        parentData: data24,
                                                        parentDataProperty: "match",
                                                        rootData,
                                                        dynamicAnchors,
                                                      })
                                                    ) {
                                                      vErrors =
                                                        vErrors === null
                                                          ? validate67.errors
                                                          : vErrors.concat(validate67.errors);
                                                      errors = vErrors.length;
                                                    }
                                                    var valid12 = _errs53 === errors;
                                                  } else {
                                                    var valid12 = true;
                                                  }
                                                  if (valid12) {
                                                    if (data24.withinMs !== undefined) {
                                                      const _errs54 = errors;
                                                      if (
                                                        !validate86(data24.withinMs, {
                                                          instancePath:
                                                            instancePath + "/exclusions/" + i6 + "/withinMs",
                                                          parentData: data24,
                                                          parentDataProperty: "withinMs",
                                                          rootData,
                                                          dynamicAnchors,
                                                        })
                                                      ) {
                                                        vErrors =
                                                          vErrors === null
                                                            ? validate86.errors
                                                            : vErrors.concat(validate86.errors);
                                                        errors = vErrors.length;
                                                      }
                                                      var valid12 = _errs54 === errors;
                                                    } else {
                                                      var valid12 = true;
                                                    }
                                                    if (valid12) {
                                                      if (data24.within !== undefined) {
                                                        let data30 = data24.within;
                                                        const _errs55 = errors;
                                                        if (typeof data30 !== "string" && data30 !== null) {
                                                          validate52.errors = [
                                                            {
                                                              instancePath:
                                                                instancePath +
                                                                "/exclusions/" +
                                                                i6 +
                                                                "/within",
                                                              schemaPath:
                                                                "#/properties/exclusions/items/properties/within/type",
                                                              keyword: "type",
                                                              params: {
                                                                type: schema19.properties.exclusions.items
                                                                  .properties.within.type,
                                                              },
                                                              message: "must be string,null",
                                                            },
                                                          ];
                                                          return false;
                                                        }
                                                        var valid12 = _errs55 === errors;
                                                      } else {
                                                        var valid12 = true;
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        }
                                      } else {
                                        validate52.errors = [
                                          {
                                            instancePath: instancePath + "/exclusions/" + i6,
                                            schemaPath: "#/properties/exclusions/items/type",
                                            keyword: "type",
                                            params: { type: "object" },
                                            message: "must be object",
                                          },
                                        ];
                                        return false;
                                      }
                                    }
                                    var valid11 = _errs45 === errors;
                                    if (!valid11) {
                                      break;
                                    }
                                  }
                                } else {
                                  validate52.errors = [
                                    {
                                      instancePath: instancePath + "/exclusions",
                                      schemaPath: "#/properties/exclusions/type",
                                      keyword: "type",
                                      params: { type: "array" },
                                      message: "must be array",
                                    },
                                  ];
                                  return false;
                                }
                              }
                              var valid0 = _errs43 === errors;
                            } else {
                              var valid0 = true;
                            }
                            if (valid0) {
                              if (data.grades !== undefined) {
                                let data31 = data.grades;
                                const _errs57 = errors;
                                if (errors === _errs57) {
                                  if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
                                    let missing6;
                                    if (
                                      (data31.fit === undefined && (missing6 = "fit")) ||
                                      (data31.engagement === undefined && (missing6 = "engagement"))
                                    ) {
                                      validate52.errors = [
                                        {
                                          instancePath: instancePath + "/grades",
                                          schemaPath: "#/properties/grades/required",
                                          keyword: "required",
                                          params: { missingProperty: missing6 },
                                          message: "must have required property '" + missing6 + "'",
                                        },
                                      ];
                                      return false;
                                    } else {
                                      const _errs59 = errors;
                                      for (const key6 in data31) {
                                        if (!(key6 === "fit" || key6 === "engagement")) {
                                          validate52.errors = [
                                            {
                                              instancePath: instancePath + "/grades",
                                              schemaPath: "#/properties/grades/additionalProperties",
                                              keyword: "additionalProperties",
                                              params: { additionalProperty: key6 },
                                              message: "must NOT have additional properties",
                                            },
                                          ];
                                          return false;
                                          break;
                                        }
                                      }
                                      if (_errs59 === errors) {
                                        if (data31.fit !== undefined) {
                                          const _errs60 = errors;
                                          if (
                                            !validate88(data31.fit, {
                                              instancePath: instancePath + "/grades/fit",
                                              parentData: data31,
                                              parentDataProperty: "fit",
                                              rootData,
                                              dynamicAnchors,
                                            })
                                          ) {
                                            vErrors =
                                              vErrors === null
                                                ? validate88.errors
                                                : vErrors.concat(validate88.errors);
                                            errors = vErrors.length;
                                          }
                                          var valid13 = _errs60 === errors;
                                        } else {
                                          var valid13 = true;
                                        }
                                        if (valid13) {
                                          if (data31.engagement !== undefined) {
                                            const _errs61 = errors;
                                            if (
                                              !validate88(data31.engagement, {
                                                instancePath: instancePath + "/grades/engagement",
                                                parentData: data31,
                                                parentDataProperty: "engagement",
                                                rootData,
                                                dynamicAnchors,
                                              })
                                            ) {
                                              vErrors =
                                                vErrors === null
                                                  ? validate88.errors
                                                  : vErrors.concat(validate88.errors);
                                              errors = vErrors.length;
                                            }
                                            var valid13 = _errs61 === errors;
                                          } else {
                                            var valid13 = true;
                                          }
                                        }
                                      }
                                    }
                                  } else {
                                    validate52.errors = [
                                      {
                                        instancePath: instancePath + "/grades",
                                        schemaPath: "#/properties/grades/type",
                                        keyword: "type",
                                        params: { type: "object" },
                                        message: "must be object",
                                      },
                                    ];
                                    return false;
                                  }
                                }
                                var valid0 = _errs57 === errors;
                              } else {
                                var valid0 = true;
                              }
                              if (valid0) {
                                if (data.buckets !== undefined) {
                                  let data34 = data.buckets;
                                  const _errs62 = errors;
                                  if (errors === _errs62) {
                                    if (Array.isArray(data34)) {
                                      var valid14 = true;
                                      const len7 = data34.length;
                                      for (let i7 = 0; i7 < len7; i7++) {
                                        const _errs64 = errors;
                                        if (
                                          !validate92(data34[i7], {
                                            instancePath: instancePath + "/buckets/" + i7,
                                            parentData: data34,
                                            parentDataProperty: i7,
                                            rootData,
                                            dynamicAnchors,
                                          })
                                        ) {
                                          vErrors =
                                            vErrors === null
                                              ? validate92.errors
                                              : vErrors.concat(validate92.errors);
                                          errors = vErrors.length;
                                        }
                                        var valid14 = _errs64 === errors;
                                        if (!valid14) {
                                          break;
                                        }
                                      }
                                    } else {
                                      validate52.errors = [
                                        {
                                          instancePath: instancePath + "/buckets",
                                          schemaPath: "#/properties/buckets/type",
                                          keyword: "type",
                                          params: { type: "array" },
                                          message: "must be array",
                                        },
                                      ];
                                      return false;
                                    }
                                  }
                                  var valid0 = _errs62 === errors;
                                } else {
                                  var valid0 = true;
                                }
                                if (valid0) {
                                  if (data.clamp !== undefined) {
                                    const _errs65 = errors;
                                    if (
                                      !validate99(data.clamp, {
                                        instancePath: instancePath + "/clamp",
                                        parentData: data,
                                        parentDataProperty: "clamp",
                                        rootData,
                                        dynamicAnchors,
                                      })
                                    ) {
                                      vErrors =
                                        vErrors === null
                                          ? validate99.errors
                                          : vErrors.concat(validate99.errors);
                                      errors = vErrors.length;
                                    }
                                    var valid0 = _errs65 === errors;
                                  } else {
                                    var valid0 = true;
                                  }
                                  if (valid0) {
                                    if (data.models !== undefined) {
                                      let data37 = data.models;
                                      const _errs66 = errors;
                                      if (errors === _errs66) {
                                        if (Array.isArray(data37)) {
                                          var valid15 = true;
                                          const len8 = data37.length;
                                          for (let i8 = 0; i8 < len8; i8++) {
                                            const _errs68 = errors;
                                            if (
                                              !validate102(data37[i8], {
                                                instancePath: instancePath + "/models/" + i8,
                                                parentData: data37,
                                                parentDataProperty: i8,
                                                rootData,
                                                dynamicAnchors,
                                              })
                                            ) {
                                              vErrors =
                                                vErrors === null
                                                  ? validate102.errors
                                                  : vErrors.concat(validate102.errors);
                                              errors = vErrors.length;
                                            }
                                            var valid15 = _errs68 === errors;
                                            if (!valid15) {
                                              break;
                                            }
                                          }
                                        } else {
                                          validate52.errors = [
                                            {
                                              instancePath: instancePath + "/models",
                                              schemaPath: "#/properties/models/type",
                                              keyword: "type",
                                              params: { type: "array" },
                                              message: "must be array",
                                            },
                                          ];
                                          return false;
                                        }
                                      }
                                      var valid0 = _errs66 === errors;
                                    } else {
                                      var valid0 = true;
                                    }
                                    if (valid0) {
                                      if (data.defaultModel !== undefined) {
                                        let data39 = data.defaultModel;
                                        const _errs69 = errors;
                                        if (typeof data39 !== "string" && data39 !== null) {
                                          validate52.errors = [
                                            {
                                              instancePath: instancePath + "/defaultModel",
                                              schemaPath: "#/properties/defaultModel/type",
                                              keyword: "type",
                                              params: { type: schema19.properties.defaultModel.type },
                                              message: "must be string,null",
                                            },
                                          ];
                                          return false;
                                        }
                                        var valid0 = _errs69 === errors;
                                      } else {
                                        var valid0 = true;
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate52.errors = [
        {
          instancePath,
          schemaPath: "#/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        },
      ];
      return false;
    }
  }
  validate52.errors = vErrors;
  return errors === 0;
}
validate52.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
