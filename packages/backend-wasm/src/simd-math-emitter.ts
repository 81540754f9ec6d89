import { OP, SIMD, type WasmFunctionBuilder } from "./wasm-function-builder.js";

// Transcendental functions on f64x2 for generated expression kernels, emitted instruction by
// instruction. exp and tanh follow assembly/math.ts operation for operation (the built-in fused
// kernels' math); log is the same fdlibm reduction as logF64 there, on two lanes. Each takes the
// local holding x and returns a fresh local holding the result.

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const EXP_P = [1.66666666666666019037e-1, -2.77777777770155933842e-3, 6.61375632143793436117e-5, -1.6533902205465251539e-6, 4.13813679705723846039e-8];
const TANH_P = [-9.64399179425052238628e-1, -9.92877231001918586564e1, -1.61468768441708447952e3];
const TANH_Q = [1.12811678491632931402e2, 2.23548839060100448583e3, 4.84406305325125486048e3];
const LG = [6.66666666666673513e-1, 3.999999999940941908e-1, 2.857142874366239149e-1, 2.222219843214978396e-1, 1.818357216161805012e-1, 1.531383769920937332e-1, 1.479819860511658591e-1];

/** |x| where x is a local: a shorthand used throughout. */
function abs(b: WasmFunctionBuilder, x: number): number {
  return b.f64x2(SIMD.f64x2Abs, x);
}

/** e^x lane-wise, as expF64x2 in assembly/math.ts. */
export function emitExp(b: WasmFunctionBuilder, input: number): number {
  const x = b.f64x2(SIMD.f64x2Max, b.f64x2(SIMD.f64x2Min, input, b.constant(710)), b.constant(-746));
  const k = b.f64x2(SIMD.f64x2Nearest, b.f64x2(SIMD.f64x2Mul, x, b.constant(INV_LN2)));
  const hi = b.f64x2(SIMD.f64x2Sub, x, b.f64x2(SIMD.f64x2Mul, k, b.constant(LN2_HI)));
  const lo = b.f64x2(SIMD.f64x2Mul, k, b.constant(LN2_LO));
  const r = b.f64x2(SIMD.f64x2Sub, hi, lo);
  const t = b.f64x2(SIMD.f64x2Mul, r, r);
  let poly = b.f64x2(SIMD.f64x2Add, b.constant(EXP_P[3]), b.f64x2(SIMD.f64x2Mul, t, b.constant(EXP_P[4])));
  for (const coefficient of [EXP_P[2], EXP_P[1], EXP_P[0]]) poly = b.f64x2(SIMD.f64x2Add, b.constant(coefficient), b.f64x2(SIMD.f64x2Mul, t, poly));
  const c = b.f64x2(SIMD.f64x2Sub, r, b.f64x2(SIMD.f64x2Mul, t, poly));
  const rc = b.f64x2(SIMD.f64x2Div, b.f64x2(SIMD.f64x2Mul, r, c), b.f64x2(SIMD.f64x2Sub, b.constant(2), c));
  const y = b.f64x2(SIMD.f64x2Sub, b.constant(1), b.f64x2(SIMD.f64x2Sub, b.f64x2(SIMD.f64x2Sub, lo, rc), hi));
  // 2^k as two factors 2^k1·2^k2 so neither overflows: the exponent field (k + 1023) << 52.
  const ki = b.local();
  b.get(k).simd(SIMD.i32x4TruncSatF64x2SZero).simd(SIMD.i64x2ExtendLowI32x4S).set(ki);
  const k1 = b.local();
  b.get(ki).i32(1).simd(SIMD.i64x2ShrS).set(k1);
  const k2 = b.f64x2(SIMD.i64x2Sub, ki, k1);
  const scale = (part: number) => {
    const s = b.local();
    b.get(part).constBits(1023n).simd(SIMD.i64x2Add).i32(52).simd(SIMD.i64x2Shl).set(s);
    return s;
  };
  return b.f64x2(SIMD.f64x2Mul, b.f64x2(SIMD.f64x2Mul, y, scale(k1)), scale(k2));
}

/** tanh x lane-wise, as tanhF64x2 in assembly/math.ts: a rational form near 0, 1 − 2/(e^{2|x|} + 1) elsewhere. */
export function emitTanh(b: WasmFunctionBuilder, x: number): number {
  const ax = abs(b, x);
  const z = b.f64x2(SIMD.f64x2Mul, x, x);
  const p = b.f64x2(SIMD.f64x2Add, b.f64x2(SIMD.f64x2Mul, b.f64x2(SIMD.f64x2Add, b.f64x2(SIMD.f64x2Mul, b.constant(TANH_P[0]), z), b.constant(TANH_P[1])), z), b.constant(TANH_P[2]));
  let q = b.f64x2(SIMD.f64x2Add, z, b.constant(TANH_Q[0]));
  q = b.f64x2(SIMD.f64x2Add, b.f64x2(SIMD.f64x2Mul, q, z), b.constant(TANH_Q[1]));
  q = b.f64x2(SIMD.f64x2Add, b.f64x2(SIMD.f64x2Mul, q, z), b.constant(TANH_Q[2]));
  const near = b.f64x2(SIMD.f64x2Add, x, b.f64x2(SIMD.f64x2Mul, b.f64x2(SIMD.f64x2Mul, x, z), b.f64x2(SIMD.f64x2Div, p, q)));
  const e = emitExp(b, b.f64x2(SIMD.f64x2Add, ax, ax));
  const far = b.f64x2(SIMD.f64x2Sub, b.constant(1), b.f64x2(SIMD.f64x2Div, b.constant(2), b.f64x2(SIMD.f64x2Add, e, b.constant(1))));
  const signMask = b.local();
  b.constBits(-0x8000000000000000n).set(signMask);
  const signedFar = b.select(x, far, signMask);
  return b.select(near, signedFar, b.f64x2(SIMD.f64x2Lt, ax, b.constant(0.625)));
}

/** σ(x) = 1/(1 + e^−x), from e = e^{−|x|} so exp never overflows, as the built-in sigmoid kernel. */
export function emitSigmoid(b: WasmFunctionBuilder, x: number): number {
  const e = emitExp(b, b.f64x2(SIMD.f64x2Neg, abs(b, x)));
  const numerator = b.select(b.constant(1), e, b.f64x2(SIMD.f64x2Ge, x, b.constant(0)));
  return b.f64x2(SIMD.f64x2Div, numerator, b.f64x2(SIMD.f64x2Add, b.constant(1), e));
}

/** ln x lane-wise: fdlibm's reduction to [√2/2, √2] and its polynomial, with 0, negatives, ∞ and NaN selected at the end. */
export function emitLog(b: WasmFunctionBuilder, x: number): number {
  // Subnormals are scaled up by 2^54 first, and k lowered by 54.
  const small = b.f64x2(SIMD.f64x2Lt, x, b.constant(2 ** -1022));
  const scaled = b.select(b.f64x2(SIMD.f64x2Mul, x, b.constant(2 ** 54)), x, small);
  const kAdjust = b.select(b.constant(-54), b.constant(0), small);
  const bits = b.local();
  b.get(scaled).constBits(0x3ff00000n - 0x3fe6a09en << 32n).simd(SIMD.i64x2Add).set(bits);
  // k = (bits >>> 52) − 1023, converted through the low 32 bits of each lane.
  const kRaw = b.local();
  b.get(bits).i32(52).simd(SIMD.i64x2ShrU).set(kRaw);
  const kFloat = b.local();
  b.get(kRaw).get(kRaw).simd(SIMD.i8x16Shuffle, 0, 1, 2, 3, 8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11).simd(SIMD.f64x2ConvertLowI32x4S).set(kFloat);
  const dk = b.f64x2(SIMD.f64x2Add, b.f64x2(SIMD.f64x2Sub, kFloat, b.constant(1023)), kAdjust);
  const m = b.local();
  b.get(bits).constBits(0x000fffffffffffffn).simd(SIMD.v128And).constBits(0x3fe6a09en << 32n).simd(SIMD.i64x2Add).set(m);
  const f = b.f64x2(SIMD.f64x2Sub, m, b.constant(1));
  const hfsq = b.f64x2(SIMD.f64x2Mul, b.f64x2(SIMD.f64x2Mul, b.constant(0.5), f), f);
  const s = b.f64x2(SIMD.f64x2Div, f, b.f64x2(SIMD.f64x2Add, b.constant(2), f));
  const z = b.f64x2(SIMD.f64x2Mul, s, s);
  const w = b.f64x2(SIMD.f64x2Mul, z, z);
  // c0 + w·(c1 + w·(c2 + …)), innermost first.
  const horner = (coefficients: readonly number[]) => {
    let acc = b.constant(coefficients[coefficients.length - 1]);
    for (let i = coefficients.length - 2; i >= 0; i--) acc = b.f64x2(SIMD.f64x2Add, b.constant(coefficients[i]), b.f64x2(SIMD.f64x2Mul, w, acc));
    return acc;
  };
  const t1 = b.f64x2(SIMD.f64x2Mul, w, horner([LG[1], LG[3], LG[5]]));
  const t2 = b.f64x2(SIMD.f64x2Mul, z, horner([LG[0], LG[2], LG[4], LG[6]]));
  const r = b.f64x2(SIMD.f64x2Add, t2, t1);
  let value = b.f64x2(SIMD.f64x2Mul, s, b.f64x2(SIMD.f64x2Add, hfsq, r));
  value = b.f64x2(SIMD.f64x2Add, value, b.f64x2(SIMD.f64x2Mul, dk, b.constant(LN2_LO)));
  value = b.f64x2(SIMD.f64x2Sub, value, hfsq);
  value = b.f64x2(SIMD.f64x2Add, value, f);
  value = b.f64x2(SIMD.f64x2Add, value, b.f64x2(SIMD.f64x2Mul, dk, b.constant(LN2_HI)));
  value = b.select(b.constant(-Infinity), value, b.f64x2(SIMD.f64x2Eq, x, b.constant(0)));
  value = b.select(b.constant(Number.NaN), value, b.f64x2(SIMD.f64x2Lt, x, b.constant(0)));
  const passThrough = b.f64x2(SIMD.v128Or, b.f64x2(SIMD.f64x2Eq, x, b.constant(Infinity)), b.f64x2(SIMD.f64x2Ne, x, x));
  return b.select(x, value, passThrough);
}

/** ln(1 + x) accurately for small x: log(u)·x/(u − 1) with u = 1 + x (Goldberg), x itself where u rounds to 1. */
export function emitLog1p(b: WasmFunctionBuilder, x: number): number {
  const u = b.f64x2(SIMD.f64x2Add, b.constant(1), x);
  const uMinus1 = b.f64x2(SIMD.f64x2Sub, u, b.constant(1));
  const value = b.f64x2(SIMD.f64x2Mul, emitLog(b, u), b.f64x2(SIMD.f64x2Div, x, uMinus1));
  const exact = b.f64x2(SIMD.v128Or, b.f64x2(SIMD.f64x2Eq, uMinus1, b.constant(0)), b.f64x2(SIMD.f64x2Eq, x, b.constant(Infinity)));
  return b.select(x, value, exact);
}

/**
 * A counted loop: `body(n)` runs for n = first, first + step, …, last (n a local f64x2 holding
 * the count), as a wasm loop so the body is emitted once.
 */
function emitCountedLoop(b: WasmFunctionBuilder, first: number, last: number, step: 1 | -1, body: (n: number) => void): void {
  const counter = b.local(0x7f);
  const n = b.local();
  b.i32(first).set(counter);
  b.emit(OP.loop, 0x40);
  b.get(counter).emit(OP.f64ConvertI32S).simd(SIMD.f64x2Splat).set(n);
  body(n);
  b.get(counter).i32(step).emit(OP.i32Add).set(counter);
  b.get(counter).i32(step > 0 ? last + 1 : last - 1).emit(0x47 /* i32.ne */).emit(OP.brIf, 0);
  b.emit(OP.end);
}

/** erf x lane-wise, as the reference's erf in @nabla/core: a positive series below |x| = 3, a continued fraction for erfc above, ±1 past 6. */
export function emitErf(b: WasmFunctionBuilder, x: number): number {
  const ax = abs(b, x);
  // Series at min(|x|, 3): (2/√π)·e^{−x²}·Σ 2^n x^{2n+1}/(2n+1)!!, 60 terms.
  const xs = b.f64x2(SIMD.f64x2Min, ax, b.constant(3));
  const twoX2 = b.f64x2(SIMD.f64x2Mul, b.constant(2), b.f64x2(SIMD.f64x2Mul, xs, xs));
  const term = b.local();
  const sum = b.local();
  b.get(xs).set(term).get(xs).set(sum);
  emitCountedLoop(b, 1, 60, 1, (n) => {
    const denominator = b.f64x2(SIMD.f64x2Add, b.f64x2(SIMD.f64x2Mul, b.constant(2), n), b.constant(1));
    b.get(term).get(twoX2).get(denominator).simd(SIMD.f64x2Div).simd(SIMD.f64x2Mul).set(term);
    b.get(sum).get(term).simd(SIMD.f64x2Add).set(sum);
  });
  const series = b.f64x2(
    SIMD.f64x2Mul,
    b.f64x2(SIMD.f64x2Mul, b.constant(1.1283791670955126), emitExp(b, b.f64x2(SIMD.f64x2Neg, b.f64x2(SIMD.f64x2Mul, xs, xs)))),
    sum,
  );
  // Continued fraction at max(|x|, 3): erfc x = e^{−x²}/√π / (x + ½/(x + 1/(x + …))).
  const xc = b.f64x2(SIMD.f64x2Max, ax, b.constant(3));
  const tail = b.local();
  b.get(xc).set(tail);
  emitCountedLoop(b, 60, 1, -1, (n) => {
    b.get(xc).get(n).constF64(2).simd(SIMD.f64x2Div).get(tail).simd(SIMD.f64x2Div).simd(SIMD.f64x2Add).set(tail);
  });
  const erfc = b.f64x2(
    SIMD.f64x2Div,
    b.f64x2(SIMD.f64x2Mul, emitExp(b, b.f64x2(SIMD.f64x2Mul, b.f64x2(SIMD.f64x2Neg, xc), xc)), b.constant(0.5641895835477563)),
    tail,
  );
  const far = b.f64x2(SIMD.f64x2Sub, b.constant(1), erfc);
  let magnitude = b.select(series, far, b.f64x2(SIMD.f64x2Lt, ax, b.constant(3)));
  magnitude = b.select(b.constant(1), magnitude, b.f64x2(SIMD.f64x2Ge, ax, b.constant(6)));
  const signMask = b.local();
  b.constBits(-0x8000000000000000n).set(signMask);
  return b.select(x, magnitude, signMask);
}
