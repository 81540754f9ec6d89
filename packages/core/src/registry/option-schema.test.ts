import { Type } from "@sinclair/typebox";
import { describe, expect, it } from "vitest";
import { validateOptions } from "./option-schema.js";
import { SpecError } from "./spec-error.js";

const schema = Type.Object({
  units: Type.Integer({ minimum: 1 }),
  rate: Type.Number({ minimum: 0, maximum: 1, default: 0.5 }),
  lr: Type.Number({ exclusiveMinimum: 0, default: 0.001 }),
  keep: Type.Number({ minimum: 0, exclusiveMaximum: 1, default: 0.5 }),
  mode: Type.Union([Type.Literal("a"), Type.Literal("b")], { default: "a" }),
  bias: Type.Boolean({ default: true }),
});

function errorOf(value: unknown): SpecError {
  try {
    validateOptions(schema, value, "$.layers[0].options");
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error("expected a SpecError");
}

describe("validateOptions", () => {
  it("fills defaults and keeps given values, typed by the schema", () => {
    const resolved = validateOptions(schema, { units: 4, rate: 0.25 }, "$");
    expect(resolved).toEqual({ units: 4, rate: 0.25, lr: 0.001, keep: 0.5, mode: "a", bias: true });
    const units: number = resolved.units;
    const mode: "a" | "b" = resolved.mode;
    expect([units, mode]).toEqual([4, "a"]);
  });

  it("does not change the object it was given", () => {
    const given = { units: 4 };
    validateOptions(schema, given, "$");
    expect(given).toEqual({ units: 4 });
  });

  it("names a missing required option", () => {
    const error = errorOf({});
    expect(error.path).toBe("$.layers[0].options.units");
    expect(error.problem).toMatch(/required integer option "units" is missing/);
  });

  it("rejects wrong types with the offending value", () => {
    expect(errorOf({ units: 2.5 }).problem).toMatch(/expected an integer, got 2.5/);
    expect(errorOf({ units: "4" }).problem).toMatch(/expected an integer, got "4"/);
    expect(errorOf({ units: 1, rate: Number.NaN }).problem).toMatch(/expected a finite number, got NaN/);
    expect(errorOf({ units: 1, bias: 1 }).path).toBe("$.layers[0].options.bias");
  });

  it("rejects values out of range, saying the range", () => {
    expect(errorOf({ units: 0 }).problem).toMatch(/must be ≥ 1/);
    expect(errorOf({ units: 1, rate: 1.5 }).problem).toMatch(/must be ≥ 0 and ≤ 1/);
    expect(errorOf({ units: 1, lr: 0 }).problem).toMatch(/must be > 0/);
    expect(errorOf({ units: 1, keep: 1 }).problem).toMatch(/must be ≥ 0 and < 1/);
  });

  it("lists the accepted values of an enum and the known options for an unknown one", () => {
    const notAllowed = errorOf({ units: 1, mode: "c" });
    expect(notAllowed.problem).toBe('"c" is not allowed');
    expect(notAllowed.available).toEqual(["a", "b"]);
    const unknown = errorOf({ units: 1, unit: 3 });
    expect(unknown.path).toBe("$.layers[0].options.unit");
    expect(unknown.available).toEqual(["units", "rate", "lr", "keep", "mode", "bias"]);
  });

  it("refuses an own __proto__ key (as JSON.parse makes it) instead of dropping it", () => {
    const error = errorOf(JSON.parse('{"units": 2, "__proto__": {"x": 1}}'));
    expect(error.path).toBe("$.layers[0].options.__proto__");
    expect(error.code).toBe("invalid-option");
  });

  it("refuses options whose prototype an object literal's __proto__ key replaced", () => {
    expect(errorOf({ units: 2, __proto__: { rate: 0.9 } }).path).toBe("$.layers[0].options");
  });

  it("refuses an option named constructor or prototype, which `key in schema` used to accept", () => {
    expect(errorOf({ units: 2, constructor: 1 }).path).toBe("$.layers[0].options.constructor");
    expect(errorOf({ units: 2, prototype: 1 }).path).toBe("$.layers[0].options.prototype");
  });
});
