import { SpecError } from "./spec-error.js";

/** One option of a component: its `type` ("number", "integer", "boolean" or "string"), bounds (`min`, `max`, `exclusiveMin`, `exclusiveMax`) or allowed values (`enum`), a `default` (none means required) and a `description`. */
export type OptionSpec =
  | { type: "number"; min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean; default?: number; description?: string }
  | { type: "integer"; min?: number; max?: number; default?: number; description?: string }
  | { type: "boolean"; default?: boolean; description?: string }
  | { type: "string"; enum?: readonly string[]; default?: string; description?: string };

/** The options a component accepts; an option without a default is required. */
export type OptionSchema = Readonly<Record<string, OptionSpec>>;

/** Options after validation: every declared option present, defaults filled in. */
export type ResolvedOptions = Record<string, number | boolean | string>;

function describeRange(spec: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean }): string {
  const low = spec.min === undefined ? "" : `${spec.exclusiveMin ? ">" : "≥"} ${spec.min}`;
  const high = spec.max === undefined ? "" : `${spec.exclusiveMax ? "<" : "≤"} ${spec.max}`;
  return [low, high].filter(Boolean).join(" and ");
}

/** Checks `value` against `schema` and returns it with defaults filled in; errors name `path`. */
export function validateOptions(schema: OptionSchema, value: unknown, path: string): ResolvedOptions {
  const given = value ?? {};
  if (typeof given !== "object" || Array.isArray(given)) {
    throw new SpecError("invalid-option", path, `options must be an object, got ${JSON.stringify(value)}`);
  }
  const known = Object.keys(schema);
  for (const key of Object.keys(given)) {
    if (!(key in schema)) {
      throw new SpecError("invalid-option", `${path}.${key}`, `unknown option "${key}"`, known.length ? known : ["(no options)"]);
    }
  }
  const resolved: ResolvedOptions = {};
  for (const [key, spec] of Object.entries(schema)) {
    const optionPath = `${path}.${key}`;
    const raw = (given as Record<string, unknown>)[key];
    if (raw === undefined) {
      if (spec.default === undefined) throw new SpecError("invalid-option", optionPath, `required ${spec.type} option "${key}" is missing`);
      resolved[key] = spec.default;
      continue;
    }
    switch (spec.type) {
      case "number":
      case "integer": {
        if (typeof raw !== "number" || !Number.isFinite(raw) || (spec.type === "integer" && !Number.isInteger(raw))) {
          throw new SpecError("invalid-option", optionPath, `expected ${spec.type === "integer" ? "an integer" : "a finite number"}, got ${JSON.stringify(raw)}`);
        }
        const exclusiveMin = spec.type === "number" && spec.exclusiveMin === true;
        const exclusiveMax = spec.type === "number" && spec.exclusiveMax === true;
        const tooLow = spec.min !== undefined && (exclusiveMin ? raw <= spec.min : raw < spec.min);
        const tooHigh = spec.max !== undefined && (exclusiveMax ? raw >= spec.max : raw > spec.max);
        if (tooLow || tooHigh) {
          throw new SpecError("invalid-option", optionPath, `${raw} is out of range: must be ${describeRange({ ...spec, exclusiveMin, exclusiveMax })}`);
        }
        break;
      }
      case "boolean":
        if (typeof raw !== "boolean") throw new SpecError("invalid-option", optionPath, `expected a boolean, got ${JSON.stringify(raw)}`);
        break;
      case "string":
        if (typeof raw !== "string") throw new SpecError("invalid-option", optionPath, `expected a string, got ${JSON.stringify(raw)}`);
        if (spec.enum && !spec.enum.includes(raw)) {
          throw new SpecError("invalid-option", optionPath, `"${raw}" is not allowed`, spec.enum);
        }
        break;
    }
    resolved[key] = raw as number | boolean | string;
  }
  return resolved;
}
