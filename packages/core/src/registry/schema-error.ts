import type { TSchema } from "@sinclair/typebox";
import { Errors, ValueErrorType, type ValueError } from "@sinclair/typebox/errors";
import { SpecError, type SpecErrorCode } from "./spec-error.js";

// TypeBox says what failed in its own words ("Expected union value"); a SpecError says it in the
// spec's: the JSON path, the value given, and the accepted values when there is a finite list.

function formatValue(value: unknown): string {
  return typeof value === "number" || value === undefined ? String(value) : JSON.stringify(value);
}

function decodePointerSegment(segment: string): string {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

/** A JSON pointer into `value` ("/layers/0/type") as a JSON path suffix (".layers[0].type"). */
function jsonPathOf(pointer: string, value: unknown): string {
  let path = "";
  let current = value;
  for (const segment of pointer.split("/").slice(1).map(decodePointerSegment)) {
    path += Array.isArray(current) ? `[${segment}]` : `.${segment}`;
    current = typeof current === "object" && current !== null && Object.hasOwn(current, segment) ? Reflect.get(current, segment) : undefined;
  }
  return path;
}

function lastKey(pointer: string): string {
  return decodePointerSegment(pointer.slice(pointer.lastIndexOf("/") + 1));
}

function describeRange(schema: TSchema): string {
  const low =
    schema.exclusiveMinimum !== undefined ? `> ${schema.exclusiveMinimum}` : schema.minimum !== undefined ? `≥ ${schema.minimum}` : "";
  const high =
    schema.exclusiveMaximum !== undefined ? `< ${schema.exclusiveMaximum}` : schema.maximum !== undefined ? `≤ ${schema.maximum}` : "";
  return [low, high].filter(Boolean).join(" and ");
}

function typeLabel(schema: TSchema): string {
  return typeof schema.type === "string" ? `${schema.type} ` : "";
}

function constantsOf(schema: TSchema): string[] | undefined {
  const variants: unknown = schema.anyOf;
  if (!Array.isArray(variants) || !variants.every((variant) => variant && typeof variant === "object" && "const" in variant)) return undefined;
  return variants.map((variant) => String(variant.const));
}

function describe(error: ValueError, noun: string): { problem: string; available?: readonly string[] } {
  const got = formatValue(error.value);
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties:
      return { problem: `unexpected ${noun} "${lastKey(error.path)}"`, available: Object.keys(error.schema.properties ?? {}) };
    case ValueErrorType.ObjectRequiredProperty:
      return { problem: `required ${typeLabel(error.schema)}${noun} "${lastKey(error.path)}" is missing` };
    case ValueErrorType.Integer:
      return { problem: `expected an integer, got ${got}` };
    case ValueErrorType.Number:
      return { problem: `expected a finite number, got ${got}` };
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.IntegerExclusiveMinimum:
    case ValueErrorType.IntegerExclusiveMaximum:
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.NumberExclusiveMinimum:
    case ValueErrorType.NumberExclusiveMaximum:
      return { problem: `${got} is out of range: must be ${describeRange(error.schema)}` };
    case ValueErrorType.Boolean:
      return { problem: `expected a boolean, got ${got}` };
    case ValueErrorType.String:
      return { problem: `expected a string, got ${got}` };
    case ValueErrorType.StringMinLength:
      return { problem: `expected a string of at least ${error.schema.minLength} character(s), got ${got}` };
    case ValueErrorType.Object:
      return { problem: `expected an object, got ${got}` };
    case ValueErrorType.Array:
      return { problem: `expected an array, got ${got}` };
    case ValueErrorType.ArrayMinItems:
      return { problem: `expected at least ${error.schema.minItems} item(s), got ${got}` };
    case ValueErrorType.Literal:
      return { problem: `expected ${formatValue(error.schema.const)}, got ${got}`, available: [String(error.schema.const)] };
    case ValueErrorType.Union: {
      const accepted = constantsOf(error.schema);
      return accepted ? { problem: `${got} is not allowed`, available: accepted } : { problem: `${error.message}, got ${got}` };
    }
    default:
      return { problem: `${error.message}, got ${got}` };
  }
}

/**
 * What is wrong with `value` under `schema`, as a SpecError at the JSON path of the offending
 * value below `rootPath` (`noun` names a property: "field" of a spec, "option" of a component);
 * undefined when `value` is valid. An unexpected property is reported before anything else, as
 * a misspelt name also explains the required property reported missing.
 */
export function findSchemaError(schema: TSchema, value: unknown, rootPath: string, code: SpecErrorCode, noun: string): SpecError | undefined {
  const errors = [...Errors(schema, value)];
  const error = errors.find((e) => e.type === ValueErrorType.ObjectAdditionalProperties) ?? errors[0];
  if (!error) return undefined;
  const { problem, available } = describe(error, noun);
  return new SpecError(code, rootPath + jsonPathOf(error.path, value), problem, available);
}
