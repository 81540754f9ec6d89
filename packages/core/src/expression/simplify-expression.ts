import { compileExpression } from "./compile-expression.js";
import { sameExpression, type Expression } from "./expression.js";

// Algebraic clean-up of derived derivatives: constant folding and the identities of 0 and 1.
// It never reorders or regroups operations on variables, so a simplified expression rounds the
// way its author (or the differentiation rules) wrote it. 0·e folds to 0 even where e could be
// infinite or NaN: the derivative is defined as the simplified expression on every backend alike.

function isNumber(e: Expression, value?: number): e is number {
  return typeof e === "number" && (value === undefined || e === value);
}

function fold(e: Expression): Expression {
  const value = compileExpression(e, [])();
  return Number.isFinite(value) ? value : e;
}

/** `expression` with constant subexpressions evaluated and 0 and 1 removed where they do nothing. */
export function simplifyExpression(expression: Expression): Expression {
  if (typeof expression !== "object") return expression;
  const [operator, ...rest] = expression;
  const args = rest.map(simplifyExpression);
  const [a, b, c] = args;
  if (operator !== "pow" && args.every((argument) => isNumber(argument))) return fold([operator, ...args] as Expression);
  switch (operator) {
    case "add":
      if (isNumber(a, 0)) return b;
      if (isNumber(b, 0)) return a;
      break;
    case "sub":
      if (isNumber(b, 0)) return a;
      if (isNumber(a, 0)) return simplifyExpression(["neg", b]);
      break;
    case "mul":
      if (isNumber(a, 0) || isNumber(b, 0)) return 0;
      if (isNumber(a, 1)) return b;
      if (isNumber(b, 1)) return a;
      if (isNumber(a, -1)) return simplifyExpression(["neg", b]);
      if (isNumber(b, -1)) return simplifyExpression(["neg", a]);
      break;
    case "div":
      if (isNumber(a, 0)) return 0;
      if (isNumber(b, 1)) return a;
      break;
    case "neg":
      if (typeof a === "object" && a[0] === "neg") return a[1];
      break;
    case "pow":
      if (isNumber(b, 0)) return 1;
      if (isNumber(b, 1)) return a;
      if (isNumber(a)) return fold(["pow", a, b]);
      break;
    case "where":
      if (isNumber(a)) return a !== 0 ? b : c;
      if (sameExpression(b, c)) return b;
      break;
  }
  return [operator, ...args] as Expression;
}
