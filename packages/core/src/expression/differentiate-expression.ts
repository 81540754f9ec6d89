import type { Expression } from "./expression.js";
import { simplifyExpression } from "./simplify-expression.js";

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** d/dv of e by the rules of calculus, unsimplified; `d` is the derivative of an argument. */
function derivative(e: Expression, v: string): Expression {
  if (typeof e === "number") return 0;
  if (typeof e === "string") return e === v ? 1 : 0;
  const [operator, ...args] = e;
  const [a, b, c] = args;
  const da = () => derivative(a, v);
  const db = () => derivative(b, v);
  switch (operator) {
    case "add":
      return ["add", da(), db()];
    case "sub":
      return ["sub", da(), db()];
    case "mul":
      return ["add", ["mul", da(), b], ["mul", a, db()]];
    case "div":
      // (a/b)' = a'/b − a·b'/b²
      return ["sub", ["div", da(), b], ["div", ["mul", a, db()], ["mul", b, b]]];
    case "min":
      return ["where", ["le", a, b], da(), db()];
    case "max":
      return ["where", ["ge", a, b], da(), db()];
    case "pow": {
      const n = b as number;
      return ["mul", ["mul", n, ["pow", a, n - 1]], da()];
    }
    case "neg":
      return ["neg", da()];
    case "abs":
      // The sign of a, and 0 at a = 0 (the subgradient ReLU's derivative also takes there).
      return ["mul", ["sub", ["gt", a, 0], ["lt", a, 0]], da()];
    case "sqrt":
      return ["div", da(), ["mul", 2, ["sqrt", a]]];
    case "exp":
      return ["mul", ["exp", a], da()];
    case "log":
      return ["div", da(), a];
    case "log1p":
      return ["div", da(), ["add", 1, a]];
    case "tanh":
      return ["mul", ["sub", 1, ["pow", ["tanh", a], 2]], da()];
    case "sigmoid":
      // σ' = σ(a)·σ(−a): unlike σ(1 − σ) it keeps its relative accuracy where σ(a) rounds to 1.
      return ["mul", ["mul", ["sigmoid", a], ["sigmoid", ["neg", a]]], da()];
    case "erf":
      return ["mul", ["mul", TWO_OVER_SQRT_PI, ["exp", ["neg", ["pow", a, 2]]]], da()];
    case "where":
      return ["where", a, db(), derivative(c, v)];
    default:
      // Comparisons are piecewise constant.
      return 0;
  }
}

/** The derivative of `expression` with respect to the variable `variable`, simplified. */
export function differentiateExpression(expression: Expression, variable: string): Expression {
  return simplifyExpression(derivative(expression, variable));
}
