// @ts-nocheck
// Generated from schema/config.schema.json by scripts/generate-validators.ts (ajv standalone code): do not edit.
// Regenerate with `npx tsx scripts/generate-validators.ts`.
import ajvRuntime0Module from "ajv/dist/runtime/ucs2length.js";
import { fullFormats } from "ajv-formats/dist/formats.js";
const ajvRuntime0 = ajvRuntime0Module.default ?? ajvRuntime0Module;
export const validate = validate52;
export default validate52;
const schema19 = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://leadscore.dev/schema/config.schema.json",
  title: "leadscore project configuration (leadscore.yaml)",
  type: "object",
  additionalProperties: false,
  properties: {
    version: { const: 1, description: "Configuration format version." },
    rules: { type: "string", minLength: 1, description: "Directory holding the .score files." },
    fixtures: {
      type: "array",
      items: { type: "string", minLength: 1 },
      description: "Globs of fixture files (*.test.yaml), relative to the configuration file.",
    },
    population: {
      type: "array",
      description: "Lead files that `leadscore diff` scores under both rulesets, besides the fixture leads.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["leads"],
        properties: {
          leads: { type: "string", minLength: 1 },
          events: { type: "string", minLength: 1 },
          format: {
            enum: ["csv", "ndjson"],
            description: "How the leads file is read (default: from its extension).",
          },
          delimiter: {
            type: "string",
            minLength: 1,
            description: "CSV field separator: , ; | or tab (default: detected from the header line).",
          },
          columns: {
            type: "object",
            additionalProperties: { type: "string", minLength: 1 },
            description: "CSV header → lead field.",
          },
          missing_values: {
            oneOf: [
              { type: "array", items: { type: "string" } },
              { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
            ],
            description:
              'Values read as missing: a list for every field, or per field ("*" for every field).',
          },
          epoch: {
            enum: ["s", "ms"],
            description: "Unit of timestamps written as numbers (default: numbers are not timestamps).",
          },
          on_duplicate: {
            enum: ["keep-first", "keep-last", "reject"],
            description: "What to do with records that repeat a lead id (default keep-first).",
          },
          strict_keys: {
            type: "boolean",
            description: "Reject records with keys (or CSV columns) that are no lead field.",
          },
          outcome: {
            oneOf: [
              { type: "string", minLength: 1 },
              {
                type: "object",
                additionalProperties: false,
                required: ["column"],
                properties: {
                  column: { type: "string", minLength: 1 },
                  converted: { type: "array", items: { type: "string" } },
                  not_converted: { type: "array", items: { type: "string" } },
                },
              },
            ],
            description:
              "The column holding each lead's historical outcome, and optionally the values read as converted / not converted.",
          },
        },
      },
    },
    redact: {
      type: "array",
      items: { type: "string", minLength: 1 },
      description:
        "Lead text fields `leadscore fixture add` replaces with stable placeholders (as --redact does).",
    },
    as_of: {
      type: "string",
      format: "date-time",
      description: "The instant `leadscore diff` scores the population as of (default: the time of the run).",
    },
    input: {
      $ref: "#/$defs/input",
      description:
        "How every command reads lead files in this project (a population entry may override each key).",
    },
  },
  $defs: {
    input: {
      type: "object",
      additionalProperties: false,
      properties: {
        format: {
          enum: ["csv", "ndjson"],
          description: "How the leads file is read (default: from its extension).",
        },
        delimiter: {
          type: "string",
          minLength: 1,
          description: "CSV field separator: , ; | or tab (default: detected from the header line).",
        },
        columns: {
          type: "object",
          additionalProperties: { type: "string", minLength: 1 },
          description: "CSV header → lead field.",
        },
        missing_values: {
          oneOf: [
            { type: "array", items: { type: "string" } },
            { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
          ],
          description: 'Values read as missing: a list for every field, or per field ("*" for every field).',
        },
        epoch: {
          enum: ["s", "ms"],
          description: "Unit of timestamps written as numbers (default: numbers are not timestamps).",
        },
        on_duplicate: {
          enum: ["keep-first", "keep-last", "reject"],
          description: "What to do with records that repeat a lead id (default keep-first).",
        },
        strict_keys: {
          type: "boolean",
          description: "Reject records with keys (or CSV columns) that are no lead field.",
        },
        outcome: {
          oneOf: [
            { type: "string", minLength: 1 },
            {
              type: "object",
              additionalProperties: false,
              required: ["column"],
              properties: {
                column: { type: "string", minLength: 1 },
                converted: { type: "array", items: { type: "string" } },
                not_converted: { type: "array", items: { type: "string" } },
              },
            },
          ],
          description:
            "The column holding each lead's historical outcome, and optionally the values read as converted / not converted.",
        },
      },
    },
  },
};
const func1 = ajvRuntime0;
const func3 = Object.prototype.hasOwnProperty;
const formats0 = fullFormats["date-time"];
const schema20 = {
  type: "object",
  additionalProperties: false,
  properties: {
    format: {
      enum: ["csv", "ndjson"],
      description: "How the leads file is read (default: from its extension).",
    },
    delimiter: {
      type: "string",
      minLength: 1,
      description: "CSV field separator: , ; | or tab (default: detected from the header line).",
    },
    columns: {
      type: "object",
      additionalProperties: { type: "string", minLength: 1 },
      description: "CSV header → lead field.",
    },
    missing_values: {
      oneOf: [
        { type: "array", items: { type: "string" } },
        { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
      ],
      description: 'Values read as missing: a list for every field, or per field ("*" for every field).',
    },
    epoch: {
      enum: ["s", "ms"],
      description: "Unit of timestamps written as numbers (default: numbers are not timestamps).",
    },
    on_duplicate: {
      enum: ["keep-first", "keep-last", "reject"],
      description: "What to do with records that repeat a lead id (default keep-first).",
    },
    strict_keys: {
      type: "boolean",
      description: "Reject records with keys (or CSV columns) that are no lead field.",
    },
    outcome: {
      oneOf: [
        { type: "string", minLength: 1 },
        {
          type: "object",
          additionalProperties: false,
          required: ["column"],
          properties: {
            column: { type: "string", minLength: 1 },
            converted: { type: "array", items: { type: "string" } },
            not_converted: { type: "array", items: { type: "string" } },
          },
        },
      ],
      description:
        "The column holding each lead's historical outcome, and optionally the values read as converted / not converted.",
    },
  },
};
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
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(
        key0 === "format" ||
        key0 === "delimiter" ||
        key0 === "columns" ||
        key0 === "missing_values" ||
        key0 === "epoch" ||
        key0 === "on_duplicate" ||
        key0 === "strict_keys" ||
        key0 === "outcome"
      )) {
        const err0 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.format !== undefined) {
      let data0 = data.format;
      if (!(data0 === "csv" || data0 === "ndjson")) {
        const err1 = {
          instancePath: instancePath + "/format",
          schemaPath: "#/properties/format/enum",
          keyword: "enum",
          params: { allowedValues: schema20.properties.format.enum },
          message: "must be equal to one of the allowed values",
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.delimiter !== undefined) {
      let data1 = data.delimiter;
      if (typeof data1 === "string") {
        if (func1(data1) < 1) {
          const err2 = {
            instancePath: instancePath + "/delimiter",
            schemaPath: "#/properties/delimiter/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = {
          instancePath: instancePath + "/delimiter",
          schemaPath: "#/properties/delimiter/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.columns !== undefined) {
      let data2 = data.columns;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        for (const key1 in data2) {
          let data3 = data2[key1];
          if (typeof data3 === "string") {
            if (func1(data3) < 1) {
              const err4 = {
                instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),
                schemaPath: "#/properties/columns/additionalProperties/minLength",
                keyword: "minLength",
                params: { limit: 1 },
                message: "must NOT have fewer than 1 characters",
              };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
          } else {
            const err5 = {
              instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),
              schemaPath: "#/properties/columns/additionalProperties/type",
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
        }
      } else {
        const err6 = {
          instancePath: instancePath + "/columns",
          schemaPath: "#/properties/columns/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.missing_values !== undefined) {
      let data4 = data.missing_values;
      const _errs11 = errors;
      let valid2 = false;
      let passing0 = null;
      const _errs12 = errors;
      if (Array.isArray(data4)) {
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (typeof data4[i0] !== "string") {
            const err7 = {
              instancePath: instancePath + "/missing_values/" + i0,
              schemaPath: "#/properties/missing_values/oneOf/0/items/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
      } else {
        const err8 = {
          instancePath: instancePath + "/missing_values",
          schemaPath: "#/properties/missing_values/oneOf/0/type",
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
      var _valid0 = _errs12 === errors;
      if (_valid0) {
        valid2 = true;
        passing0 = 0;
      }
      const _errs16 = errors;
      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
        for (const key2 in data4) {
          let data6 = data4[key2];
          if (Array.isArray(data6)) {
            const len1 = data6.length;
            for (let i1 = 0; i1 < len1; i1++) {
              if (typeof data6[i1] !== "string") {
                const err9 = {
                  instancePath:
                    instancePath +
                    "/missing_values/" +
                    key2.replace(/~/g, "~0").replace(/\//g, "~1") +
                    "/" +
                    i1,
                  schemaPath: "#/properties/missing_values/oneOf/1/additionalProperties/items/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
          } else {
            const err10 = {
              instancePath: instancePath + "/missing_values/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),
              schemaPath: "#/properties/missing_values/oneOf/1/additionalProperties/type",
              keyword: "type",
              params: { type: "array" },
              message: "must be array",
            };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      } else {
        const err11 = {
          instancePath: instancePath + "/missing_values",
          schemaPath: "#/properties/missing_values/oneOf/1/type",
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
      var _valid0 = _errs16 === errors;
      if (_valid0 && valid2) {
        valid2 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid2 = true;
          passing0 = 1;
        }
      }
      if (!valid2) {
        const err12 = {
          instancePath: instancePath + "/missing_values",
          schemaPath: "#/properties/missing_values/oneOf",
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
      } else {
        errors = _errs11;
        if (vErrors !== null) {
          if (_errs11) {
            vErrors.length = _errs11;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.epoch !== undefined) {
      let data8 = data.epoch;
      if (!(data8 === "s" || data8 === "ms")) {
        const err13 = {
          instancePath: instancePath + "/epoch",
          schemaPath: "#/properties/epoch/enum",
          keyword: "enum",
          params: { allowedValues: schema20.properties.epoch.enum },
          message: "must be equal to one of the allowed values",
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.on_duplicate !== undefined) {
      let data9 = data.on_duplicate;
      if (!(data9 === "keep-first" || data9 === "keep-last" || data9 === "reject")) {
        const err14 = {
          instancePath: instancePath + "/on_duplicate",
          schemaPath: "#/properties/on_duplicate/enum",
          keyword: "enum",
          params: { allowedValues: schema20.properties.on_duplicate.enum },
          message: "must be equal to one of the allowed values",
        };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.strict_keys !== undefined) {
      if (typeof data.strict_keys !== "boolean") {
        const err15 = {
          instancePath: instancePath + "/strict_keys",
          schemaPath: "#/properties/strict_keys/type",
          keyword: "type",
          params: { type: "boolean" },
          message: "must be boolean",
        };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.outcome !== undefined) {
      let data11 = data.outcome;
      const _errs28 = errors;
      let valid8 = false;
      let passing1 = null;
      const _errs29 = errors;
      if (typeof data11 === "string") {
        if (func1(data11) < 1) {
          const err16 = {
            instancePath: instancePath + "/outcome",
            schemaPath: "#/properties/outcome/oneOf/0/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = {
          instancePath: instancePath + "/outcome",
          schemaPath: "#/properties/outcome/oneOf/0/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
      var _valid1 = _errs29 === errors;
      if (_valid1) {
        valid8 = true;
        passing1 = 0;
      }
      const _errs31 = errors;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        if (data11.column === undefined) {
          const err18 = {
            instancePath: instancePath + "/outcome",
            schemaPath: "#/properties/outcome/oneOf/1/required",
            keyword: "required",
            params: { missingProperty: "column" },
            message: "must have required property '" + "column" + "'",
          };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        for (const key3 in data11) {
          if (!(key3 === "column" || key3 === "converted" || key3 === "not_converted")) {
            const err19 = {
              instancePath: instancePath + "/outcome",
              schemaPath: "#/properties/outcome/oneOf/1/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key3 },
              message: "must NOT have additional properties",
            };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        if (data11.column !== undefined) {
          let data12 = data11.column;
          if (typeof data12 === "string") {
            if (func1(data12) < 1) {
              const err20 = {
                instancePath: instancePath + "/outcome/column",
                schemaPath: "#/properties/outcome/oneOf/1/properties/column/minLength",
                keyword: "minLength",
                params: { limit: 1 },
                message: "must NOT have fewer than 1 characters",
              };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          } else {
            const err21 = {
              instancePath: instancePath + "/outcome/column",
              schemaPath: "#/properties/outcome/oneOf/1/properties/column/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data11.converted !== undefined) {
          let data13 = data11.converted;
          if (Array.isArray(data13)) {
            const len2 = data13.length;
            for (let i2 = 0; i2 < len2; i2++) {
              if (typeof data13[i2] !== "string") {
                const err22 = {
                  instancePath: instancePath + "/outcome/converted/" + i2,
                  schemaPath: "#/properties/outcome/oneOf/1/properties/converted/items/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
          } else {
            const err23 = {
              instancePath: instancePath + "/outcome/converted",
              schemaPath: "#/properties/outcome/oneOf/1/properties/converted/type",
              keyword: "type",
              params: { type: "array" },
              message: "must be array",
            };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data11.not_converted !== undefined) {
          let data15 = data11.not_converted;
          if (Array.isArray(data15)) {
            const len3 = data15.length;
            for (let i3 = 0; i3 < len3; i3++) {
              if (typeof data15[i3] !== "string") {
                const err24 = {
                  instancePath: instancePath + "/outcome/not_converted/" + i3,
                  schemaPath: "#/properties/outcome/oneOf/1/properties/not_converted/items/type",
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
            }
          } else {
            const err25 = {
              instancePath: instancePath + "/outcome/not_converted",
              schemaPath: "#/properties/outcome/oneOf/1/properties/not_converted/type",
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
      } else {
        const err26 = {
          instancePath: instancePath + "/outcome",
          schemaPath: "#/properties/outcome/oneOf/1/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
      var _valid1 = _errs31 === errors;
      if (_valid1 && valid8) {
        valid8 = false;
        passing1 = [passing1, 1];
      } else {
        if (_valid1) {
          valid8 = true;
          passing1 = 1;
        }
      }
      if (!valid8) {
        const err27 = {
          instancePath: instancePath + "/outcome",
          schemaPath: "#/properties/outcome/oneOf",
          keyword: "oneOf",
          params: { passingSchemas: passing1 },
          message: "must match exactly one schema in oneOf",
        };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      } else {
        errors = _errs28;
        if (vErrors !== null) {
          if (_errs28) {
            vErrors.length = _errs28;
          } else {
            vErrors = null;
          }
        }
      }
    }
  } else {
    const err28 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err28];
    } else {
      vErrors.push(err28);
    }
    errors++;
  }
  validate53.errors = vErrors;
  return errors === 0;
}
validate53.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
function validate52(
  data,
  { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  /*# sourceURL="https://leadscore.dev/schema/config.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate52.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(
        key0 === "version" ||
        key0 === "rules" ||
        key0 === "fixtures" ||
        key0 === "population" ||
        key0 === "redact" ||
        key0 === "as_of" ||
        key0 === "input"
      )) {
        const err0 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.version !== undefined) {
      if (1 !== data.version) {
        const err1 = {
          instancePath: instancePath + "/version",
          schemaPath: "#/properties/version/const",
          keyword: "const",
          params: { allowedValue: 1 },
          message: "must be equal to constant",
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.rules !== undefined) {
      let data1 = data.rules;
      if (typeof data1 === "string") {
        if (func1(data1) < 1) {
          const err2 = {
            instancePath: instancePath + "/rules",
            schemaPath: "#/properties/rules/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = {
          instancePath: instancePath + "/rules",
          schemaPath: "#/properties/rules/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.fixtures !== undefined) {
      let data2 = data.fixtures;
      if (Array.isArray(data2)) {
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (typeof data3 === "string") {
            if (func1(data3) < 1) {
              const err4 = {
                instancePath: instancePath + "/fixtures/" + i0,
                schemaPath: "#/properties/fixtures/items/minLength",
                keyword: "minLength",
                params: { limit: 1 },
                message: "must NOT have fewer than 1 characters",
              };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
          } else {
            const err5 = {
              instancePath: instancePath + "/fixtures/" + i0,
              schemaPath: "#/properties/fixtures/items/type",
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
        }
      } else {
        const err6 = {
          instancePath: instancePath + "/fixtures",
          schemaPath: "#/properties/fixtures/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.population !== undefined) {
      let data4 = data.population;
      if (Array.isArray(data4)) {
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data5 = data4[i1];
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5.leads === undefined) {
              const err7 = {
                instancePath: instancePath + "/population/" + i1,
                schemaPath: "#/properties/population/items/required",
                keyword: "required",
                params: { missingProperty: "leads" },
                message: "must have required property '" + "leads" + "'",
              };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            for (const key1 in data5) {
              if (!func3.call(schema19.properties.population.items.properties, key1)) {
                const err8 = {
                  instancePath: instancePath + "/population/" + i1,
                  schemaPath: "#/properties/population/items/additionalProperties",
                  keyword: "additionalProperties",
                  params: { additionalProperty: key1 },
                  message: "must NOT have additional properties",
                };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data5.leads !== undefined) {
              let data6 = data5.leads;
              if (typeof data6 === "string") {
                if (func1(data6) < 1) {
                  const err9 = {
                    instancePath: instancePath + "/population/" + i1 + "/leads",
                    schemaPath: "#/properties/population/items/properties/leads/minLength",
                    keyword: "minLength",
                    params: { limit: 1 },
                    message: "must NOT have fewer than 1 characters",
                  };
                  if (vErrors === null) {
                    vErrors = [err9];
                  } else {
                    vErrors.push(err9);
                  }
                  errors++;
                }
              } else {
                const err10 = {
                  instancePath: instancePath + "/population/" + i1 + "/leads",
                  schemaPath: "#/properties/population/items/properties/leads/type",
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
            }
            if (data5.events !== undefined) {
              let data7 = data5.events;
              if (typeof data7 === "string") {
                if (func1(data7) < 1) {
                  const err11 = {
                    instancePath: instancePath + "/population/" + i1 + "/events",
                    schemaPath: "#/properties/population/items/properties/events/minLength",
                    keyword: "minLength",
                    params: { limit: 1 },
                    message: "must NOT have fewer than 1 characters",
                  };
                  if (vErrors === null) {
                    vErrors = [err11];
                  } else {
                    vErrors.push(err11);
                  }
                  errors++;
                }
              } else {
                const err12 = {
                  instancePath: instancePath + "/population/" + i1 + "/events",
                  schemaPath: "#/properties/population/items/properties/events/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            if (data5.format !== undefined) {
              let data8 = data5.format;
              if (!(data8 === "csv" || data8 === "ndjson")) {
                const err13 = {
                  instancePath: instancePath + "/population/" + i1 + "/format",
                  schemaPath: "#/properties/population/items/properties/format/enum",
                  keyword: "enum",
                  params: { allowedValues: schema19.properties.population.items.properties.format.enum },
                  message: "must be equal to one of the allowed values",
                };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
            }
            if (data5.delimiter !== undefined) {
              let data9 = data5.delimiter;
              if (typeof data9 === "string") {
                if (func1(data9) < 1) {
                  const err14 = {
                    instancePath: instancePath + "/population/" + i1 + "/delimiter",
                    schemaPath: "#/properties/population/items/properties/delimiter/minLength",
                    keyword: "minLength",
                    params: { limit: 1 },
                    message: "must NOT have fewer than 1 characters",
                  };
                  if (vErrors === null) {
                    vErrors = [err14];
                  } else {
                    vErrors.push(err14);
                  }
                  errors++;
                }
              } else {
                const err15 = {
                  instancePath: instancePath + "/population/" + i1 + "/delimiter",
                  schemaPath: "#/properties/population/items/properties/delimiter/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
            if (data5.columns !== undefined) {
              let data10 = data5.columns;
              if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                for (const key2 in data10) {
                  let data11 = data10[key2];
                  if (typeof data11 === "string") {
                    if (func1(data11) < 1) {
                      const err16 = {
                        instancePath:
                          instancePath +
                          "/population/" +
                          i1 +
                          "/columns/" +
                          key2.replace(/~/g, "~0").replace(/\//g, "~1"),
                        schemaPath:
                          "#/properties/population/items/properties/columns/additionalProperties/minLength",
                        keyword: "minLength",
                        params: { limit: 1 },
                        message: "must NOT have fewer than 1 characters",
                      };
                      if (vErrors === null) {
                        vErrors = [err16];
                      } else {
                        vErrors.push(err16);
                      }
                      errors++;
                    }
                  } else {
                    const err17 = {
                      instancePath:
                        instancePath +
                        "/population/" +
                        i1 +
                        "/columns/" +
                        key2.replace(/~/g, "~0").replace(/\//g, "~1"),
                      schemaPath:
                        "#/properties/population/items/properties/columns/additionalProperties/type",
                      keyword: "type",
                      params: { type: "string" },
                      message: "must be string",
                    };
                    if (vErrors === null) {
                      vErrors = [err17];
                    } else {
                      vErrors.push(err17);
                    }
                    errors++;
                  }
                }
              } else {
                const err18 = {
                  instancePath: instancePath + "/population/" + i1 + "/columns",
                  schemaPath: "#/properties/population/items/properties/columns/type",
                  keyword: "type",
                  params: { type: "object" },
                  message: "must be object",
                };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
            if (data5.missing_values !== undefined) {
              let data12 = data5.missing_values;
              const _errs27 = errors;
              let valid7 = false;
              let passing0 = null;
              const _errs28 = errors;
              if (Array.isArray(data12)) {
                const len2 = data12.length;
                for (let i2 = 0; i2 < len2; i2++) {
                  if (typeof data12[i2] !== "string") {
                    const err19 = {
                      instancePath: instancePath + "/population/" + i1 + "/missing_values/" + i2,
                      schemaPath:
                        "#/properties/population/items/properties/missing_values/oneOf/0/items/type",
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
                }
              } else {
                const err20 = {
                  instancePath: instancePath + "/population/" + i1 + "/missing_values",
                  schemaPath: "#/properties/population/items/properties/missing_values/oneOf/0/type",
                  keyword: "type",
                  params: { type: "array" },
                  message: "must be array",
                };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
              var _valid0 = _errs28 === errors;
              if (_valid0) {
                valid7 = true;
                passing0 = 0;
              }
              const _errs32 = errors;
              if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                for (const key3 in data12) {
                  let data14 = data12[key3];
                  if (Array.isArray(data14)) {
                    const len3 = data14.length;
                    for (let i3 = 0; i3 < len3; i3++) {
                      if (typeof data14[i3] !== "string") {
                        const err21 = {
                          instancePath:
                            instancePath +
                            "/population/" +
                            i1 +
                            "/missing_values/" +
                            key3.replace(/~/g, "~0").replace(/\//g, "~1") +
                            "/" +
                            i3,
                          schemaPath:
                            "#/properties/population/items/properties/missing_values/oneOf/1/additionalProperties/items/type",
                          keyword: "type",
                          params: { type: "string" },
                          message: "must be string",
                        };
                        if (vErrors === null) {
                          vErrors = [err21];
                        } else {
                          vErrors.push(err21);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err22 = {
                      instancePath:
                        instancePath +
                        "/population/" +
                        i1 +
                        "/missing_values/" +
                        key3.replace(/~/g, "~0").replace(/\//g, "~1"),
                      schemaPath:
                        "#/properties/population/items/properties/missing_values/oneOf/1/additionalProperties/type",
                      keyword: "type",
                      params: { type: "array" },
                      message: "must be array",
                    };
                    if (vErrors === null) {
                      vErrors = [err22];
                    } else {
                      vErrors.push(err22);
                    }
                    errors++;
                  }
                }
              } else {
                const err23 = {
                  instancePath: instancePath + "/population/" + i1 + "/missing_values",
                  schemaPath: "#/properties/population/items/properties/missing_values/oneOf/1/type",
                  keyword: "type",
                  params: { type: "object" },
                  message: "must be object",
                };
                if (vErrors === null) {
                  vErrors = [err23];
                } else {
                  vErrors.push(err23);
                }
                errors++;
              }
              var _valid0 = _errs32 === errors;
              if (_valid0 && valid7) {
                valid7 = false;
                passing0 = [passing0, 1];
              } else {
                if (_valid0) {
                  valid7 = true;
                  passing0 = 1;
                }
              }
              if (!valid7) {
                const err24 = {
                  instancePath: instancePath + "/population/" + i1 + "/missing_values",
                  schemaPath: "#/properties/population/items/properties/missing_values/oneOf",
                  keyword: "oneOf",
                  params: { passingSchemas: passing0 },
                  message: "must match exactly one schema in oneOf",
                };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              } else {
                errors = _errs27;
                if (vErrors !== null) {
                  if (_errs27) {
                    vErrors.length = _errs27;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data5.epoch !== undefined) {
              let data16 = data5.epoch;
              if (!(data16 === "s" || data16 === "ms")) {
                const err25 = {
                  instancePath: instancePath + "/population/" + i1 + "/epoch",
                  schemaPath: "#/properties/population/items/properties/epoch/enum",
                  keyword: "enum",
                  params: { allowedValues: schema19.properties.population.items.properties.epoch.enum },
                  message: "must be equal to one of the allowed values",
                };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
              }
            }
            if (data5.on_duplicate !== undefined) {
              let data17 = data5.on_duplicate;
              if (!(data17 === "keep-first" || data17 === "keep-last" || data17 === "reject")) {
                const err26 = {
                  instancePath: instancePath + "/population/" + i1 + "/on_duplicate",
                  schemaPath: "#/properties/population/items/properties/on_duplicate/enum",
                  keyword: "enum",
                  params: {
                    allowedValues: schema19.properties.population.items.properties.on_duplicate.enum,
                  },
                  message: "must be equal to one of the allowed values",
                };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
            if (data5.strict_keys !== undefined) {
              if (typeof data5.strict_keys !== "boolean") {
                const err27 = {
                  instancePath: instancePath + "/population/" + i1 + "/strict_keys",
                  schemaPath: "#/properties/population/items/properties/strict_keys/type",
                  keyword: "type",
                  params: { type: "boolean" },
                  message: "must be boolean",
                };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
            if (data5.outcome !== undefined) {
              let data19 = data5.outcome;
              const _errs44 = errors;
              let valid13 = false;
              let passing1 = null;
              const _errs45 = errors;
              if (typeof data19 === "string") {
                if (func1(data19) < 1) {
                  const err28 = {
                    instancePath: instancePath + "/population/" + i1 + "/outcome",
                    schemaPath: "#/properties/population/items/properties/outcome/oneOf/0/minLength",
                    keyword: "minLength",
                    params: { limit: 1 },
                    message: "must NOT have fewer than 1 characters",
                  };
                  if (vErrors === null) {
                    vErrors = [err28];
                  } else {
                    vErrors.push(err28);
                  }
                  errors++;
                }
              } else {
                const err29 = {
                  instancePath: instancePath + "/population/" + i1 + "/outcome",
                  schemaPath: "#/properties/population/items/properties/outcome/oneOf/0/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
              var _valid1 = _errs45 === errors;
              if (_valid1) {
                valid13 = true;
                passing1 = 0;
              }
              const _errs47 = errors;
              if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
                if (data19.column === undefined) {
                  const err30 = {
                    instancePath: instancePath + "/population/" + i1 + "/outcome",
                    schemaPath: "#/properties/population/items/properties/outcome/oneOf/1/required",
                    keyword: "required",
                    params: { missingProperty: "column" },
                    message: "must have required property '" + "column" + "'",
                  };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
                for (const key4 in data19) {
                  if (!(key4 === "column" || key4 === "converted" || key4 === "not_converted")) {
                    const err31 = {
                      instancePath: instancePath + "/population/" + i1 + "/outcome",
                      schemaPath:
                        "#/properties/population/items/properties/outcome/oneOf/1/additionalProperties",
                      keyword: "additionalProperties",
                      params: { additionalProperty: key4 },
                      message: "must NOT have additional properties",
                    };
                    if (vErrors === null) {
                      vErrors = [err31];
                    } else {
                      vErrors.push(err31);
                    }
                    errors++;
                  }
                }
                if (data19.column !== undefined) {
                  let data20 = data19.column;
                  if (typeof data20 === "string") {
                    if (func1(data20) < 1) {
                      const err32 = {
                        instancePath: instancePath + "/population/" + i1 + "/outcome/column",
                        schemaPath:
                          "#/properties/population/items/properties/outcome/oneOf/1/properties/column/minLength",
                        keyword: "minLength",
                        params: { limit: 1 },
                        message: "must NOT have fewer than 1 characters",
                      };
                      if (vErrors === null) {
                        vErrors = [err32];
                      } else {
                        vErrors.push(err32);
                      }
                      errors++;
                    }
                  } else {
                    const err33 = {
                      instancePath: instancePath + "/population/" + i1 + "/outcome/column",
                      schemaPath:
                        "#/properties/population/items/properties/outcome/oneOf/1/properties/column/type",
                      keyword: "type",
                      params: { type: "string" },
                      message: "must be string",
                    };
                    if (vErrors === null) {
                      vErrors = [err33];
                    } else {
                      vErrors.push(err33);
                    }
                    errors++;
                  }
                }
                if (data19.converted !== undefined) {
                  let data21 = data19.converted;
                  if (Array.isArray(data21)) {
                    const len4 = data21.length;
                    for (let i4 = 0; i4 < len4; i4++) {
                      if (typeof data21[i4] !== "string") {
                        const err34 = {
                          instancePath: instancePath + "/population/" + i1 + "/outcome/converted/" + i4,
                          schemaPath:
                            "#/properties/population/items/properties/outcome/oneOf/1/properties/converted/items/type",
                          keyword: "type",
                          params: { type: "string" },
                          message: "must be string",
                        };
                        if (vErrors === null) {
                          vErrors = [err34];
                        } else {
                          vErrors.push(err34);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err35 = {
                      instancePath: instancePath + "/population/" + i1 + "/outcome/converted",
                      schemaPath:
                        "#/properties/population/items/properties/outcome/oneOf/1/properties/converted/type",
                      keyword: "type",
                      params: { type: "array" },
                      message: "must be array",
                    };
                    if (vErrors === null) {
                      vErrors = [err35];
                    } else {
                      vErrors.push(err35);
                    }
                    errors++;
                  }
                }
                if (data19.not_converted !== undefined) {
                  let data23 = data19.not_converted;
                  if (Array.isArray(data23)) {
                    const len5 = data23.length;
                    for (let i5 = 0; i5 < len5; i5++) {
                      if (typeof data23[i5] !== "string") {
                        const err36 = {
                          instancePath: instancePath + "/population/" + i1 + "/outcome/not_converted/" + i5,
                          schemaPath:
                            "#/properties/population/items/properties/outcome/oneOf/1/properties/not_converted/items/type",
                          keyword: "type",
                          params: { type: "string" },
                          message: "must be string",
                        };
                        if (vErrors === null) {
                          vErrors = [err36];
                        } else {
                          vErrors.push(err36);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err37 = {
                      instancePath: instancePath + "/population/" + i1 + "/outcome/not_converted",
                      schemaPath:
                        "#/properties/population/items/properties/outcome/oneOf/1/properties/not_converted/type",
                      keyword: "type",
                      params: { type: "array" },
                      message: "must be array",
                    };
                    if (vErrors === null) {
                      vErrors = [err37];
                    } else {
                      vErrors.push(err37);
                    }
                    errors++;
                  }
                }
              } else {
                const err38 = {
                  instancePath: instancePath + "/population/" + i1 + "/outcome",
                  schemaPath: "#/properties/population/items/properties/outcome/oneOf/1/type",
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
              var _valid1 = _errs47 === errors;
              if (_valid1 && valid13) {
                valid13 = false;
                passing1 = [passing1, 1];
              } else {
                if (_valid1) {
                  valid13 = true;
                  passing1 = 1;
                }
              }
              if (!valid13) {
                const err39 = {
                  instancePath: instancePath + "/population/" + i1 + "/outcome",
                  schemaPath: "#/properties/population/items/properties/outcome/oneOf",
                  keyword: "oneOf",
                  params: { passingSchemas: passing1 },
                  message: "must match exactly one schema in oneOf",
                };
                if (vErrors === null) {
                  vErrors = [err39];
                } else {
                  vErrors.push(err39);
                }
                errors++;
              } else {
                errors = _errs44;
                if (vErrors !== null) {
                  if (_errs44) {
                    vErrors.length = _errs44;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
          } else {
            const err40 = {
              instancePath: instancePath + "/population/" + i1,
              schemaPath: "#/properties/population/items/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
            };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
      } else {
        const err41 = {
          instancePath: instancePath + "/population",
          schemaPath: "#/properties/population/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.redact !== undefined) {
      let data25 = data.redact;
      if (Array.isArray(data25)) {
        const len6 = data25.length;
        for (let i6 = 0; i6 < len6; i6++) {
          let data26 = data25[i6];
          if (typeof data26 === "string") {
            if (func1(data26) < 1) {
              const err42 = {
                instancePath: instancePath + "/redact/" + i6,
                schemaPath: "#/properties/redact/items/minLength",
                keyword: "minLength",
                params: { limit: 1 },
                message: "must NOT have fewer than 1 characters",
              };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
          } else {
            const err43 = {
              instancePath: instancePath + "/redact/" + i6,
              schemaPath: "#/properties/redact/items/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err43];
            } else {
              vErrors.push(err43);
            }
            errors++;
          }
        }
      } else {
        const err44 = {
          instancePath: instancePath + "/redact",
          schemaPath: "#/properties/redact/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err44];
        } else {
          vErrors.push(err44);
        }
        errors++;
      }
    }
    if (data.as_of !== undefined) {
      let data27 = data.as_of;
      if (typeof data27 === "string") {
        if (!formats0.validate(data27)) {
          const err45 = {
            instancePath: instancePath + "/as_of",
            schemaPath: "#/properties/as_of/format",
            keyword: "format",
            params: { format: "date-time" },
            message: 'must match format "' + "date-time" + '"',
          };
          if (vErrors === null) {
            vErrors = [err45];
          } else {
            vErrors.push(err45);
          }
          errors++;
        }
      } else {
        const err46 = {
          instancePath: instancePath + "/as_of",
          schemaPath: "#/properties/as_of/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err46];
        } else {
          vErrors.push(err46);
        }
        errors++;
      }
    }
    if (data.input !== undefined) {
      if (
        !validate53(data.input, {
          instancePath: instancePath + "/input",
          parentData: data,
          parentDataProperty: "input",
          rootData,
          dynamicAnchors,
        })
      ) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err47 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err47];
    } else {
      vErrors.push(err47);
    }
    errors++;
  }
  validate52.errors = vErrors;
  return errors === 0;
}
validate52.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
