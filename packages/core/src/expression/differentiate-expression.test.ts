import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression.js";
import { differentiateExpression } from "./differentiate-expression.js";
import type { Expression } from "./expression.js";

// Every operator, differentiated and checked by central differences at points where it is smooth.
const CASES: readonly [string, Expression, readonly number[]][] = [
  ["polynomial", ["sub", ["mul", 3, ["pow", "x", 3]], ["div", "x", 2]], [-2, -0.3, 0.7, 1.9]],
  ["quotient", ["div", ["exp", "x"], ["add", 1, ["mul", "x", "x"]]], [-1.5, 0.2, 2]],
  ["negative power", ["pow", ["add", 2, "x"], -2], [-1.2, 0.5, 3]],
  ["logarithms", ["add", ["log", ["add", 3, "x"]], ["log1p", ["mul", "x", "x"]]], [-1, 0.4, 2]],
  ["sqrt and abs", ["mul", ["sqrt", ["add", 5, "x"]], ["abs", "x"]], [-2, -0.5, 0.5, 3]],
  ["tanh, sigmoid, erf", ["add", ["tanh", ["mul", 2, "x"]], ["mul", ["sigmoid", "x"], ["erf", "x"]]], [-2.5, -0.1, 0.8, 2.2]],
  ["min, max, neg", ["max", ["neg", "x"], ["min", ["mul", 2, "x"], 1]], [-1, 0.3, 2]],
  ["where over comparisons", ["where", ["le", "x", 0], ["mul", 0.1, "x"], ["exp", "x"]], [-1, 0.5]],
  ["gelu, tanh form", ["mul", ["mul", 0.5, "x"], ["add", 1, ["tanh", ["mul", 0.7978845608028654, ["add", "x", ["mul", 0.044715, ["pow", "x", 3]]]]]]], [-3, -0.5, 0.25, 2]],
];

describe("differentiateExpression", () => {
  it.each(CASES)("gives the derivative of %s within 1e-8 of central differences", (_, expression, points) => {
    const f = compileExpression(expression, ["x"]);
    const df = compileExpression(differentiateExpression(expression, "x"), ["x"]);
    const h = 1e-6;
    for (const x of points) {
      const numeric = (f(x + h) - f(x - h)) / (2 * h);
      expect(Math.abs(df(x) - numeric)).toBeLessThan(1e-8 * Math.max(1, Math.abs(numeric)));
    }
  });

  it("simplifies what the rules leave behind", () => {
    expect(differentiateExpression(["mul", 3, "x"], "x")).toBe(3);
    expect(differentiateExpression(["add", ["pow", "x", 2], 7], "x")).toEqual(["mul", 2, "x"]);
    expect(differentiateExpression(["where", ["gt", "x", 0], "x", ["mul", 0.01, "x"]], "x")).toEqual(["where", ["gt", "x", 0], 1, 0.01]);
    expect(differentiateExpression(["exp", "y"], "x")).toBe(0);
  });
});
