import { describe, expect, it } from "vitest";
import { parseChoiceFlag, parseCommandArgs, parseIntegerFlag } from "./parse-command-args.js";

const OPTIONS = { out: { type: "string" }, json: { type: "boolean" } } as const;

describe("parseCommandArgs", () => {
  it("returns the flags and positional arguments, with the common flags", () => {
    const { values, positionals } = parseCommandArgs("predict", ["m.safetensors", "--out", "p.csv", "--plugin", "a", "--plugin", "b"], OPTIONS, ["model"]);
    expect(positionals).toEqual(["m.safetensors"]);
    expect(values.out).toBe("p.csv");
    expect(values.plugin).toEqual(["a", "b"]);
  });

  it("reports an unknown flag as a usage error naming the command", () => {
    expect(() => parseCommandArgs("predict", ["m", "--outt", "x"], OPTIONS, ["model"])).toThrow(/Unknown option '--outt'.*\(nabla predict\)$/);
  });

  it("names the missing positional argument", () => {
    expect(() => parseCommandArgs("predict", [], OPTIONS, ["model.safetensors", "input"])).toThrow(
      "missing <model.safetensors> <input> (nabla predict <model.safetensors> <input>)",
    );
  });
});

describe("flag values", () => {
  it("reads integers at or above a minimum and names the flag otherwise", () => {
    expect(parseIntegerFlag(undefined, "--epochs", 100, 1)).toBe(100);
    expect(parseIntegerFlag("7", "--epochs", 100, 1)).toBe(7);
    expect(() => parseIntegerFlag("0", "--epochs", 100, 1)).toThrow('expected an integer ≥ 1, got "0" (--epochs)');
    expect(() => parseIntegerFlag("2.5", "--epochs", 100, 1)).toThrow("(--epochs)");
  });

  it("accepts only the listed choices", () => {
    expect(parseChoiceFlag("drop", "--missing", ["error", "mean", "drop"], "error")).toBe("drop");
    expect(() => parseChoiceFlag("median", "--missing", ["error", "mean", "drop"], "error")).toThrow(
      'expected one of error, mean, drop, got "median" (--missing)',
    );
  });
});
