// Elementwise math as plain JSON: a number, a variable name, or [operator, ...arguments]. A plugin
// declares its activation or optimizer update in this form, so every backend can compile it into
// its own kernels instead of calling back into JavaScript for each element.

/**
 * An elementwise expression: a finite number, the name of a variable (e.g. "x"), or an operator
 * applied to argument expressions, e.g. `["mul", "x", ["sigmoid", "x"]]` for SiLU.
 */
export type Expression = number | string | readonly [ExpressionOperator, ...Expression[]];

/** How many arguments each operator takes. Comparisons give 1 or 0; `where(c, a, b)` is a where c ≠ 0, else b. */
export const EXPRESSION_OPERATORS = {
  add: 2,
  sub: 2,
  mul: 2,
  div: 2,
  min: 2,
  max: 2,
  /** pow(e, n): e to a constant integer power n. */
  pow: 2,
  neg: 1,
  abs: 1,
  sqrt: 1,
  exp: 1,
  log: 1,
  log1p: 1,
  tanh: 1,
  sigmoid: 1,
  erf: 1,
  lt: 2,
  le: 2,
  gt: 2,
  ge: 2,
  eq: 2,
  ne: 2,
  where: 3,
} as const;

/** The name of an expression operator. */
export type ExpressionOperator = keyof typeof EXPRESSION_OPERATORS;

/** True when a and b are the same expression, written the same way. */
export function sameExpression(a: Expression, b: Expression): boolean {
  if (typeof a !== "object" || typeof b !== "object") return Object.is(a, b);
  return a.length === b.length && a.every((part, i) => sameExpression(part as Expression, b[i] as Expression));
}
