import { describe, expect, it } from "vitest";
import { validateOptions, type OptionSchema } from "./option-schema.js";
import { SpecError } from "./spec-error.js";

const schema: OptionSchema = {
  units: { type: "integer", min: 1 },
  rate: { type: "number", min: 0, max: 1, default: 0.5 },
  lr: { type: "number", min: 0, exclusiveMin: true, default: 0.001 },
  keep: { type: "number", min: 0, max: 1, exclusiveMax: true, default: 0.5 },
  mode: { type: "string", enum: ["a", "b"], default: "a" },
  bias: { type: "boolean", default: true },
};

function errorOf(value: unknown): SpecError {
  try {
    validateOptions(schema, value, "$.layers[0].options");
  } catch (error) {
    return error as SpecError;
  }
  throw new Error("expected a SpecError");
}

describe("validateOptions", () => {
  it("fills defaults and keeps given values", () => {
    expect(validateOptions(schema, { units: 4, rate: 0.25 }, "$")).toEqual({ units: 4, rate: 0.25, lr: 0.001, keep: 0.5, mode: "a", bias: true });
  });

  it("names a missing required option", () => {
    const error = errorOf({});
    expect(error.path).toBe("$.layers[0].options.units");
    expect(error.problem).toMatch(/required integer option "units"/);
  });

  it("rejects wrong types with the offending value", () => {
    expect(errorOf({ units: 2.5 }).problem).toMatch(/expected an integer, got 2.5/);
    expect(errorOf({ units: "4" }).problem).toMatch(/expected an integer, got "4"/);
    expect(errorOf({ units: 1, bias: 1 }).path).toBe("$.layers[0].options.bias");
  });

  it("rejects values out of range, saying the range", () => {
    expect(errorOf({ units: 0 }).problem).toMatch(/must be ≥ 1/);
    expect(errorOf({ units: 1, rate: 1.5 }).problem).toMatch(/must be ≥ 0 and ≤ 1/);
    expect(errorOf({ units: 1, lr: 0 }).problem).toMatch(/must be > 0/);
    expect(errorOf({ units: 1, keep: 1 }).problem).toMatch(/must be ≥ 0 and < 1/);
  });

  it("lists the accepted values of an enum and the known options for an unknown one", () => {
    expect(errorOf({ units: 1, mode: "c" }).available).toEqual(["a", "b"]);
    const unknown = errorOf({ units: 1, unit: 3 });
    expect(unknown.path).toBe("$.layers[0].options.unit");
    expect(unknown.available).toEqual(["units", "rate", "lr", "keep", "mode", "bias"]);
  });
});
