import { describe, expect, it } from "vitest";
import { InvalidExpressionError } from "./invalid-expression-error.js";
import { validateExpression } from "./validate-expression.js";

function problemAt(value: unknown): string {
  try {
    validateExpression(value, ["x"]);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidExpressionError);
    return (error as InvalidExpressionError).path;
  }
  throw new Error("expected an InvalidExpressionError");
}

describe("validateExpression", () => {
  it("accepts numbers, known variables and operators with the right number of arguments", () => {
    const silu = ["mul", "x", ["sigmoid", "x"]];
    expect(validateExpression(silu, ["x"])).toEqual(silu);
    expect(validateExpression(["where", ["gt", "x", 0], "x", ["pow", "x", 3]], ["x"])).toBeTruthy();
  });

  it("names the JSON path of an unknown operator, variable, arity or non-finite number", () => {
    expect(problemAt(["mul", "x", ["sigmod", "x"]])).toBe("$[2][0]");
    expect(problemAt(["add", "x", ["tanh", "z"]])).toBe("$[2][1]");
    expect(problemAt(["add", "x"])).toBe("$");
    expect(problemAt(["exp", ["mul", 1e400, "x"]])).toBe("$[1][1]");
    expect(problemAt({ op: "add" })).toBe("$");
  });

  it("lists what is available and takes a path prefix", () => {
    expect(() => validateExpression(["tanh", "z"], ["x", "y"], "$.layers[1].forward")).toThrow('$.layers[1].forward[1]: unknown variable "z" (available: x, y)');
  });

  it("needs a constant integer power", () => {
    expect(problemAt(["pow", "x", 0.5])).toBe("$[2]");
    expect(problemAt(["pow", "x", "x"])).toBe("$[2]");
  });

  it("does not take an inherited property for an operator", () => {
    expect(problemAt(["toString", "x"])).toBe("$[0]");
  });
});
