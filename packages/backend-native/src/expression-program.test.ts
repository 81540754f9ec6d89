import { compileUpdateRule } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { activationBackwardProgram, compileExpressionProgram, updateRuleProgram } from "./expression-program.js";

const OPERATIONS = ["add", "sub", "mul", "div", "min", "max", "pow", "neg", "abs", "sqrt", "exp", "log", "log1p", "tanh", "sigmoid", "erf", "lt", "le", "gt", "ge", "eq", "ne", "where", "store"];

/** The instructions as [operation name, result, a, b, c, then's name or "", then reversed, output]. */
function instructions(code: Int32Array): (string | number)[][] {
  return Array.from({ length: code.length / 8 }, (_, s) => {
    const [operation, result, a, b, c, then, thenReversed, output] = code.slice(8 * s, 8 * s + 8);
    return [OPERATIONS[operation], result, a, b, c, then === -1 ? "" : OPERATIONS[then], thenReversed, output];
  });
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
    // The store moves into the multiplication, the register of whose result (5) holds the stored value.
    expect(instructions(program.code)).toEqual([
      ["sub", 3, 2, 1, 0, "", 0, -1],
      ["mul", 5, 3, 0, 0, "", 0, 0],
    ]);
  });

  it("makes an update rule's later assignments read the value an earlier one stored", () => {
    const rule = compileUpdateRule({ tensors: ["p", "s"], updates: [{ target: "s", value: ["mul", "s", 2] }, { target: "p", value: ["add", "p", "s"] }] });
    const steps = instructions(updateRuleProgram(rule, OPERATIONS).code);
    const storedS = steps.find(([, , , , , , , output]) => output === 1)![1];
    expect(steps.find(([name]) => name === "add")!.slice(0, 4)).toEqual(["add", expect.any(Number), 0, storedS]);
  });

  it("fuses RMSprop's arithmetic in pairs, each add, sub, mul and div into the one instruction whose result it reads, and its stores", () => {
    const rule = compileUpdateRule({
      tensors: ["w", "g", "s"],
      scalars: ["lr", "rho", "eps"],
      updates: [
        { target: "s", value: ["add", ["mul", "rho", "s"], ["mul", ["mul", ["sub", 1, "rho"], "g"], "g"]] },
        { target: "w", value: ["sub", "w", ["div", ["mul", "lr", "g"], ["add", ["sqrt", "s"], "eps"]]] },
      ],
    });
    const steps = instructions(updateRuleProgram(rule, OPERATIONS).code);
    // 1 − ρ runs once, uniform; (1 − ρ)·g·g is one instruction, ρ·s + that another that stores s,
    // √s + eps a third, lr·g / that a fourth, w − that a fifth that stores w.
    expect(steps.map(([name, , , , , then, reversed, output]) => [name, then, reversed, output])).toEqual([
      ["sub", "", 0, -1],
      ["mul", "mul", 0, -1],
      ["mul", "add", 0, 2],
      ["sqrt", "add", 0, -1],
      ["mul", "div", 0, -1],
      ["sub", "", 0, 0],
    ]);
  });

  it("leaves unfused a result read twice", () => {
    const program = compileExpressionProgram(["x"], [], [{ output: 0, value: ["mul", ["add", "x", 1], ["add", "x", 1]] }], 1, OPERATIONS);
    expect(instructions(program.code).map(([name, , , , , then]) => [name, then])).toEqual([
      ["add", ""],
      ["mul", ""],
    ]);
  });

  it("lets later assignments read a fused store's rounded result, and fuses a second operation reversed", () => {
    const rule = compileUpdateRule({ tensors: ["p", "s"], updates: [{ target: "s", value: ["sqrt", "s"] }, { target: "p", value: ["sub", "p", ["mul", "s", "s"]] }] });
    const steps = instructions(updateRuleProgram(rule, OPERATIONS).code);
    // s is stored once, then read twice as the stored value; p − s·s takes the subtraction with p on its left.
    expect(steps.map(([name, , , , , then, reversed, output]) => [name, then, reversed, output])).toEqual([
      ["sqrt", "", 0, 1],
      ["mul", "sub", 1, 0],
    ]);
  });

  it("refuses an operation the addon does not have, asking for a rebuild", () => {
    expect(() => compileExpressionProgram(["x"], [], [{ output: 0, value: ["erf", "x"] }], 1, ["store"])).toThrow(/no expression operation "erf"; rebuild it/);
  });
});
