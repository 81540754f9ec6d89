import { compileUpdateRule } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { activationBackwardProgram, compileExpressionProgram, updateRuleProgram } from "./expression-program.js";

const OPERATIONS = ["add", "sub", "mul", "div", "min", "max", "pow", "neg", "abs", "sqrt", "exp", "log", "log1p", "tanh", "sigmoid", "erf", "lt", "le", "gt", "ge", "eq", "ne", "where", "store"];

/** The instructions as [operation name, result, a, b, c]. */
function instructions(code: Int32Array): (string | number)[][] {
  return Array.from({ length: code.length / 5 }, (_, s) => [OPERATIONS[code[5 * s]], ...code.slice(5 * s + 1, 5 * s + 5)]);
}

describe("compileExpressionProgram", () => {
  it("computes a subexpression written twice once, as GELU's derivative needs", () => {
    const tanh = ["tanh", "x"] as const;
    const program = activationBackwardProgram({ forward: 0, derivative: ["sub", 1, ["mul", tanh, tanh]] }, OPERATIONS);
    expect(instructions(program.code).filter(([name]) => name === "tanh")).toHaveLength(1);
  });

  it("puts instructions that read no input first, counted as uniform", () => {
    const program = compileExpressionProgram(["g"], ["rho"], [{ output: 0, value: ["mul", ["sub", 1, "rho"], "g"] }], 1, OPERATIONS);
    expect(program.uniform).toBe(1);
    // Registers: g 0, rho 1, the constant 1 at 2, then results.
    expect(instructions(program.code)).toEqual([
      ["sub", 3, 2, 1, 0],
      ["mul", 4, 3, 0, 0],
      ["store", 5, 4, 0, 0],
    ]);
  });

  it("makes an update rule's later assignments read the value an earlier one stored", () => {
    const rule = compileUpdateRule({ tensors: ["p", "s"], updates: [{ target: "s", value: ["mul", "s", 2] }, { target: "p", value: ["add", "p", "s"] }] });
    const steps = instructions(updateRuleProgram(rule, OPERATIONS).code);
    const storedS = steps.find(([name, , , output]) => name === "store" && output === 1)![1];
    expect(steps.find(([name]) => name === "add")).toEqual(["add", expect.any(Number), 0, storedS, 0]);
  });

  it("refuses an operation the addon does not have, asking for a rebuild", () => {
    expect(() => compileExpressionProgram(["x"], [], [{ output: 0, value: ["erf", "x"] }], 1, ["store"])).toThrow(/no expression operation "erf"; rebuild it/);
  });
});
