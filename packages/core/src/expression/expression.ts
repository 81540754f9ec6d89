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
  /** a + b */
  add: 2,
  /** a − b */
  sub: 2,
  /** a · b */
  mul: 2,
  /** a / b */
  div: 2,
  /** the smaller of a and b */
  min: 2,
  /** the larger of a and b */
  max: 2,
  /** pow(e, n): e to a constant integer power n. */
  pow: 2,
  /** −a */
  neg: 1,
  /** |a| */
  abs: 1,
  /** √a */
  sqrt: 1,
  /** eᵃ */
  exp: 1,
  /** ln a */
  log: 1,
  /** ln(1 + a), accurate near a = 0 */
  log1p: 1,
  /** tanh a */
  tanh: 1,
  /** 1 / (1 + e⁻ᵃ) */
  sigmoid: 1,
  /** the error function of a */
  erf: 1,
  /** 1 where a < b, else 0 */
  lt: 2,
  /** 1 where a ≤ b, else 0 */
  le: 2,
  /** 1 where a > b, else 0 */
  gt: 2,
  /** 1 where a ≥ b, else 0 */
  ge: 2,
  /** 1 where a = b, else 0 */
  eq: 2,
  /** 1 where a ≠ b, else 0 */
  ne: 2,
  /** where(c, a, b): a where c is not 0, else b */
  where: 3,
} as const;

/** The name of an expression operator. */
export type ExpressionOperator = keyof typeof EXPRESSION_OPERATORS;

/** True when a and b are the same expression, written the same way. */
export function sameExpression(a: Expression, b: Expression): boolean {
  if (typeof a !== "object" || typeof b !== "object") return Object.is(a, b);
  return a.length === b.length && a.every((part, i) => sameExpression(part as Expression, b[i] as Expression));
}
