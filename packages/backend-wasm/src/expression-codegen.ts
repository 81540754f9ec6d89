import type { Expression } from "@nabla/core";
import { emitErf, emitExp, emitLog, emitLog1p, emitSigmoid, emitTanh } from "./simd-math-emitter.js";
import { SIMD, type WasmFunctionBuilder } from "./wasm-function-builder.js";

// An expression as straight-line f64x2 code: each subexpression becomes a local, both branches of
// `where` are computed and blended by a lane mask, comparisons give 1.0 or 0.0 per lane. The
// operations and their order are the reference evaluation's (compileExpression in @nabla/core),
// so results differ from it only by the last bits of the transcendental functions.

const BINARY: Readonly<Record<string, number>> = {
  add: SIMD.f64x2Add, sub: SIMD.f64x2Sub, mul: SIMD.f64x2Mul, div: SIMD.f64x2Div, min: SIMD.f64x2Min, max: SIMD.f64x2Max,
};
const COMPARISON: Readonly<Record<string, number>> = {
  lt: SIMD.f64x2Lt, le: SIMD.f64x2Le, gt: SIMD.f64x2Gt, ge: SIMD.f64x2Ge, eq: SIMD.f64x2Eq, ne: SIMD.f64x2Ne,
};
const UNARY: Readonly<Record<string, (b: WasmFunctionBuilder, x: number) => number>> = {
  neg: (b, x) => b.f64x2(SIMD.f64x2Neg, x),
  abs: (b, x) => b.f64x2(SIMD.f64x2Abs, x),
  sqrt: (b, x) => b.f64x2(SIMD.f64x2Sqrt, x),
  exp: emitExp,
  log: emitLog,
  log1p: emitLog1p,
  tanh: emitTanh,
  sigmoid: emitSigmoid,
  erf: emitErf,
};

/**
 * Emits code computing `expression` on two lanes; `variables` maps each variable name to the
 * local holding it. Returns the local holding the result. A subexpression written twice (GELU's
 * tanh u in its derivative) is computed once: the code has no branches, so every local it
 * assigns is ready wherever a later part reads it.
 */
export function emitExpression(b: WasmFunctionBuilder, expression: Expression, variables: ReadonlyMap<string, number>): number {
  return emitShared(b, expression, variables, new Map());
}

function emitShared(b: WasmFunctionBuilder, expression: Expression, variables: ReadonlyMap<string, number>, emitted: Map<string, number>): number {
  if (typeof expression === "string") {
    const local = variables.get(expression);
    if (local === undefined) throw new RangeError(`emitExpression: no local for variable "${expression}"`);
    return local;
  }
  // −0 is spelled out: JSON would write it as 0.
  const key = JSON.stringify(expression, (_, value: unknown) => (Object.is(value, -0) ? "-0" : value));
  let local = emitted.get(key);
  if (local === undefined) {
    local = emitOperation(b, expression, variables, emitted);
    emitted.set(key, local);
  }
  return local;
}

function emitOperation(b: WasmFunctionBuilder, expression: Expression, variables: ReadonlyMap<string, number>, emitted: Map<string, number>): number {
  if (typeof expression === "number") return b.constant(expression);
  if (typeof expression === "string") return emitShared(b, expression, variables, emitted);
  const [operator, ...args] = expression;
  if (operator === "pow") return emitPower(b, emitShared(b, args[0], variables, emitted), args[1] as number);
  const values = args.map((argument) => emitShared(b, argument, variables, emitted));
  if (Object.hasOwn(BINARY, operator)) return b.f64x2(BINARY[operator], values[0], values[1]);
  if (Object.hasOwn(COMPARISON, operator)) return b.f64x2(SIMD.v128And, b.f64x2(COMPARISON[operator], values[0], values[1]), b.constant(1));
  if (operator === "where") return b.select(values[1], values[2], b.f64x2(SIMD.f64x2Ne, values[0], b.constant(0)));
  return UNARY[operator](b, values[0]);
}

/** e^n as products from the left, 1/e^|n| for negative n, as the reference evaluates pow. */
function emitPower(b: WasmFunctionBuilder, base: number, n: number): number {
  if (n === 0) return b.constant(1);
  let product = base;
  for (let i = 1; i < Math.abs(n); i++) product = b.f64x2(SIMD.f64x2Mul, product, base);
  return n > 0 ? product : b.f64x2(SIMD.f64x2Div, b.constant(1), product);
}
