import { erf } from "./erf.js";
import type { Expression, ExpressionOperator } from "./expression.js";
import { stableSigmoid } from "./stable-sigmoid.js";

// The reference evaluation of an expression: float64 JavaScript, one function per expression,
// generated as source so V8 compiles it like hand-written code (an activation's forward pass calls
// it once per element). Float32 tensors are evaluated in float64 and rounded once on store, as the
// reference backend does for its built-in activations. Variables become parameters v0, v1, …
// by position; the names themselves never reach the source.

/** The functions generated source calls as `h.<name>`. */
export const HELPERS = { sigmoid: stableSigmoid, erf };

const INFIX: Partial<Record<ExpressionOperator, string>> = { add: "+", sub: "-", mul: "*", div: "/" };
const COMPARISON: Partial<Record<ExpressionOperator, string>> = { lt: "<", le: "<=", gt: ">", ge: ">=", eq: "===", ne: "!==" };
const MATH: Partial<Record<ExpressionOperator, string>> = {
  abs: "Math.abs", sqrt: "Math.sqrt", exp: "Math.exp", log: "Math.log", log1p: "Math.log1p", tanh: "Math.tanh", min: "Math.min", max: "Math.max",
};

function numberSource(value: number): string {
  return Object.is(value, -0) ? "(-0)" : value < 0 ? `(${value})` : `${value}`;
}

/** e^n as repeated products from the left (e·e·e), 1/e^|n| for negative n: the same order every backend uses. */
function powerSource(base: string, n: number): string {
  if (n === 0) return "1";
  const product = Array.from({ length: Math.abs(n) }, () => base).join(" * ");
  return n > 0 ? `(${product})` : `(1 / (${product}))`;
}

/** JavaScript source evaluating `e`, with variable i read from the parameter `v${i}`. */
export function expressionSource(e: Expression, variables: readonly string[]): string {
  if (typeof e === "number") return numberSource(e);
  if (typeof e === "string") return `v${variables.indexOf(e)}`;
  const [operator, ...args] = e;
  if (operator === "pow") return powerSource(expressionSource(args[0], variables), args[1] as number);
  const parts = args.map((argument) => expressionSource(argument, variables));
  const infix = INFIX[operator];
  if (infix) return `(${parts[0]} ${infix} ${parts[1]})`;
  const comparison = COMPARISON[operator];
  if (comparison) return `(${parts[0]} ${comparison} ${parts[1]} ? 1 : 0)`;
  const math = MATH[operator];
  if (math) return `${math}(${parts.join(", ")})`;
  switch (operator) {
    case "neg":
      return `(-${parts[0]})`;
    case "where":
      return `(${parts[0]} !== 0 ? ${parts[1]} : ${parts[2]})`;
    default:
      return `h.${operator}(${parts[0]})`;
  }
}

function parameterList(from: number, to: number): string {
  return Array.from({ length: to - from }, (_, i) => `v${from + i}`).join(", ");
}

/**
 * The reference evaluation of a validated expression as a JavaScript function of its variables,
 * passed in the order of `variables`. Every backend is checked against these values.
 */
export function compileExpression(expression: Expression, variables: readonly string[]): (...values: number[]) => number {
  return compileBoundExpression(expression, variables, [])();
}

/**
 * Like compileExpression, for an expression over `variables` and then `bound` (scalars fixed for
 * many elements, such as an optimizer's learning rate): the outer function takes the bound values
 * once, the inner one the per-element values.
 */
export function compileBoundExpression(
  expression: Expression,
  variables: readonly string[],
  bound: readonly string[],
): (...boundValues: number[]) => (...values: number[]) => number {
  const all = [...variables, ...bound];
  const outer = parameterList(variables.length, all.length);
  const inner = parameterList(0, variables.length);
  return new Function("h", `"use strict"; return (${outer}) => (${inner}) => ${expressionSource(expression, all)};`)(HELPERS);
}
