import { describe, expect, it } from "vitest";
import { compileBoundExpression, compileExpression } from "./compile-expression.js";

describe("compileExpression", () => {
  it("evaluates in float64 with JavaScript's Math, variables by position", () => {
    const f = compileExpression(["add", ["tanh", "a"], ["div", "b", 3]], ["a", "b"]);
    expect(f(0.5, 2)).toBe(Math.tanh(0.5) + 2 / 3);
  });

  it("computes integer powers as products from the left", () => {
    expect(compileExpression(["pow", "x", 3], ["x"])(1.1)).toBe(1.1 * 1.1 * 1.1);
    expect(compileExpression(["pow", "x", -2], ["x"])(3)).toBe(1 / (3 * 3));
  });

  it("gives comparisons as 1 or 0 and takes where's first branch for any non-zero condition, NaN included", () => {
    const f = compileExpression(["where", "x", ["lt", "x", 0], 7], ["x"]);
    expect([f(-2), f(0), f(Number.NaN)]).toEqual([1, 7, 0]);
  });

  it("writes negative zero and negative constants so they survive", () => {
    expect(Object.is(compileExpression(["mul", -0, "x"], ["x"])(1), -0)).toBe(true);
    expect(compileExpression(["sub", "x", -2], ["x"])(1)).toBe(3);
  });

  it("keeps sigmoid finite and exact at the extremes", () => {
    const sigmoid = compileExpression(["sigmoid", "x"], ["x"]);
    expect([sigmoid(-1000), sigmoid(0), sigmoid(1000)]).toEqual([0, 0.5, 1]);
  });

  it("binds scalars once and elements per call", () => {
    const step = compileBoundExpression(["sub", "w", ["mul", "lr", "g"]], ["w", "g"], ["lr"])(0.5);
    expect(step(1, 2)).toBe(0);
  });
});
