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
        properties: { leads: { type: "string", minLength: 1 }, events: { type: "string", minLength: 1 } },
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
  },
};
const func1 = ajvRuntime0;
const formats0 = fullFormats["date-time"];
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
        key0 === "as_of"
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
              if (!(key1 === "leads" || key1 === "events")) {
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
          } else {
            const err13 = {
              instancePath: instancePath + "/population/" + i1,
              schemaPath: "#/properties/population/items/type",
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
      } else {
        const err14 = {
          instancePath: instancePath + "/population",
          schemaPath: "#/properties/population/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.redact !== undefined) {
      let data8 = data.redact;
      if (Array.isArray(data8)) {
        const len2 = data8.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data9 = data8[i2];
          if (typeof data9 === "string") {
            if (func1(data9) < 1) {
              const err15 = {
                instancePath: instancePath + "/redact/" + i2,
                schemaPath: "#/properties/redact/items/minLength",
                keyword: "minLength",
                params: { limit: 1 },
                message: "must NOT have fewer than 1 characters",
              };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
          } else {
            const err16 = {
              instancePath: instancePath + "/redact/" + i2,
              schemaPath: "#/properties/redact/items/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
      } else {
        const err17 = {
          instancePath: instancePath + "/redact",
          schemaPath: "#/properties/redact/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.as_of !== undefined) {
      let data10 = data.as_of;
      if (typeof data10 === "string") {
        if (!formats0.validate(data10)) {
          const err18 = {
            instancePath: instancePath + "/as_of",
            schemaPath: "#/properties/as_of/format",
            keyword: "format",
            params: { format: "date-time" },
            message: 'must match format "' + "date-time" + '"',
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
          instancePath: instancePath + "/as_of",
          schemaPath: "#/properties/as_of/type",
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
      instancePath,
      schemaPath: "#/type",
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
  validate52.errors = vErrors;
  return errors === 0;
}
validate52.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
