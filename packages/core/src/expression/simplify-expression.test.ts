import { describe, expect, it } from "vitest";
import { simplifyExpression } from "./simplify-expression.js";

describe("simplifyExpression", () => {
  it("folds constants and drops the identities of 0 and 1", () => {
    expect(simplifyExpression(["add", ["mul", 2, 3], ["mul", 1, "x"]])).toEqual(["add", 6, "x"]);
    expect(simplifyExpression(["sub", 0, ["neg", "x"]])).toBe("x");
    expect(simplifyExpression(["mul", ["exp", "x"], 0])).toBe(0);
    expect(simplifyExpression(["pow", ["tanh", "x"], 1])).toEqual(["tanh", "x"]);
    expect(simplifyExpression(["where", ["gt", 1, 0], "x", ["exp", "x"]])).toBe("x");
  });

  it("never regroups operations on variables, so rounding stays as written", () => {
    const written = ["mul", ["mul", 0.5, "x"], ["add", 1, "x"]] as const;
    expect(simplifyExpression(written)).toEqual(written);
  });

  it("leaves a constant that evaluates to a non-finite number unfolded", () => {
    expect(simplifyExpression(["log", 0])).toEqual(["log", 0]);
  });
});
