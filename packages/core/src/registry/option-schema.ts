import type { Static, TObject } from "@sinclair/typebox";
import { Check, Default } from "@sinclair/typebox/value";
import { assertNoPrototypeKeys } from "./prototype-keys.js";
import { findSchemaError } from "./schema-error.js";
import { SpecError } from "./spec-error.js";

/**
 * The options a component accepts, declared once with TypeBox's `Type.Object`: each property's
 * type, range, `default` and `description`. A property without a default is required. The same
 * declaration gives the TypeScript type `create` receives, the check, and the JSON Schema.
 */
export type OptionSchema = TObject;

/** What a component's `create` receives for its option schema `S`: every option present, defaults filled in. */
export type ResolvedOptions<S extends OptionSchema = OptionSchema> = Static<S>;

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks `value` against `schema` and returns a copy with defaults filled in; errors are
 * SpecErrors naming `path`. Only own keys count: an option the schema does not declare is an
 * error listing the known ones, and `__proto__`, `constructor` or `prototype` keys are refused.
 */
export function validateOptions<S extends OptionSchema>(schema: S, value: unknown, path: string): ResolvedOptions<S> {
  const given = value ?? {};
  if (!isObject(given)) throw new SpecError("invalid-option", path, `options must be an object, got ${JSON.stringify(value)}`);
  assertNoPrototypeKeys(given, path, "invalid-option");
  const known = Object.keys(schema.properties);
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(schema.properties, key)) {
      throw new SpecError("invalid-option", `${path}.${key}`, `unknown option "${key}"`, known.length ? known : ["(no options)"]);
    }
  }
  const resolved = Default(schema, structuredClone(given));
  if (Check(schema, resolved)) return resolved;
  throw findSchemaError(schema, resolved, path, "invalid-option", "option") ?? new SpecError("invalid-option", path, "options do not match the schema");
}
