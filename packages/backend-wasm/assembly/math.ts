// Transcendental functions on f64x2 vectors, accurate to about one ulp so that the fused kernels
// agree with JavaScript's Math.exp / Math.tanh (which the reference backend calls). Float32
// kernels evaluate them in f64 and round once, exactly as the reference does.

const LN2_HI: f64 = 6.93147180369123816490e-1; // trailing 32 bits zero: k·LN2_HI is exact
const LN2_LO: f64 = 1.90821492927058770002e-10;
const INV_LN2: f64 = 1.44269504088896338700;

// fdlibm's minimax coefficients for the rational approximation of exp on [−ln2/2, ln2/2].
const EXP_P1: f64 = 1.66666666666666019037e-1;
const EXP_P2: f64 = -2.77777777770155933842e-3;
const EXP_P3: f64 = 6.61375632143793436117e-5;
const EXP_P4: f64 = -1.65339022054652515390e-6;
const EXP_P5: f64 = 4.13813679705723846039e-8;

/**
 * e^x lane-wise: Cody–Waite reduction x = k·ln2 + r with a two-part ln2, fdlibm's rational
 * approximation of e^r, then scaling by 2^k in two halves so that neither factor overflows and
 * subnormal results are rounded once. NaN stays NaN, ±Infinity give Infinity and 0.
 */
@inline export function expF64x2(x: v128): v128 {
  // Past these bounds e^x is Infinity or 0 anyway; clamping keeps k small enough for exact scaling.
  x = f64x2.max(f64x2.min(x, f64x2.splat(710.0)), f64x2.splat(-746.0));
  const k = f64x2.nearest(f64x2.mul(x, f64x2.splat(INV_LN2)));
  const hi = f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2_HI)));
  const lo = f64x2.mul(k, f64x2.splat(LN2_LO));
  const r = f64x2.sub(hi, lo);
  const t = f64x2.mul(r, r);
  let poly = f64x2.add(f64x2.splat(EXP_P4), f64x2.mul(t, f64x2.splat(EXP_P5)));
  poly = f64x2.add(f64x2.splat(EXP_P3), f64x2.mul(t, poly));
  poly = f64x2.add(f64x2.splat(EXP_P2), f64x2.mul(t, poly));
  poly = f64x2.add(f64x2.splat(EXP_P1), f64x2.mul(t, poly));
  const c = f64x2.sub(r, f64x2.mul(t, poly));
  // e^r = 1 − ((lo − r·c/(2 − c)) − hi)
  const rc = f64x2.div(f64x2.mul(r, c), f64x2.sub(f64x2.splat(2.0), c));
  const y = f64x2.sub(f64x2.splat(1.0), f64x2.sub(f64x2.sub(lo, rc), hi));
  const ki = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(k));
  const k1 = i64x2.shr_s(ki, 1);
  const k2 = i64x2.sub(ki, k1);
  const bias = i64x2.splat(1023);
  const s1 = i64x2.shl(i64x2.add(k1, bias), 52);
  const s2 = i64x2.shl(i64x2.add(k2, bias), 52);
  return f64x2.mul(f64x2.mul(y, s1), s2);
}

/** e^x for one value, through the vector routine so both agree bit for bit. */
export function expF64(x: f64): f64 {
  return f64x2.extract_lane(expF64x2(f64x2.splat(x)), 0);
}

// Cephes' rational approximation of tanh on |x| < 0.625 (relative error about 2.5e-16).
const TANH_P0: f64 = -9.64399179425052238628e-1;
const TANH_P1: f64 = -9.92877231001918586564e1;
const TANH_P2: f64 = -1.61468768441708447952e3;
const TANH_Q0: f64 = 1.12811678491632931402e2;
const TANH_Q1: f64 = 2.23548839060100448583e3;
const TANH_Q2: f64 = 4.84406305325125486048e3;

/**
 * tanh(x) lane-wise: x + x³·P(x²)/Q(x²) near zero, where 1 − 2/(e^{2|x|} + 1) would cancel, and
 * that formula with x's sign elsewhere; it reaches ±1 without dividing infinities.
 */
@inline export function tanhF64x2(x: v128): v128 {
  const ax = f64x2.abs(x);
  const z = f64x2.mul(x, x);
  const p = f64x2.add(f64x2.mul(f64x2.add(f64x2.mul(f64x2.splat(TANH_P0), z), f64x2.splat(TANH_P1)), z), f64x2.splat(TANH_P2));
  let q = f64x2.add(z, f64x2.splat(TANH_Q0));
  q = f64x2.add(f64x2.mul(q, z), f64x2.splat(TANH_Q1));
  q = f64x2.add(f64x2.mul(q, z), f64x2.splat(TANH_Q2));
  const near = f64x2.add(x, f64x2.mul(f64x2.mul(x, z), f64x2.div(p, q)));
  const e = expF64x2(f64x2.add(ax, ax));
  const far = f64x2.sub(f64x2.splat(1.0), f64x2.div(f64x2.splat(2.0), f64x2.add(e, f64x2.splat(1.0))));
  const signMask = i64x2.splat(0x8000000000000000);
  const signedFar = v128.bitselect(x, far, signMask);
  return v128.bitselect(near, signedFar, f64x2.lt(ax, f64x2.splat(0.625)));
}

// fdlibm's coefficients for log(1 + f) = f − f²/2 + s·(f²/2 + R(s²)), s = f/(2 + f).
const LG1: f64 = 6.666666666666735130e-1;
const LG2: f64 = 3.999999999940941908e-1;
const LG3: f64 = 2.857142874366239149e-1;
const LG4: f64 = 2.222219843214978396e-1;
const LG5: f64 = 1.818357216161805012e-1;
const LG6: f64 = 1.531383769920937332e-1;
const LG7: f64 = 1.479819860511658591e-1;

/** Natural logarithm (fdlibm's __ieee754_log, as in musl): error below one ulp. */
export function logF64(x: f64): f64 {
  let bits = reinterpret<u64>(x);
  let hx = <u32>(bits >> 32);
  let k: i32 = 0;
  if (hx < 0x00100000 || hx >> 31) {
    if (bits << 1 == 0) return -1 / (x * x);
    if (hx >> 31) return (x - x) / 0.0;
    // Subnormal: scale up by 2^54.
    k -= 54;
    x *= 18014398509481984.0;
    bits = reinterpret<u64>(x);
    hx = <u32>(bits >> 32);
  } else if (hx >= 0x7ff00000) {
    return x;
  } else if (hx == 0x3ff00000 && bits << 32 == 0) {
    return 0;
  }
  // Reduce x into [√2/2, √2].
  hx += 0x3ff00000 - 0x3fe6a09e;
  k += <i32>(hx >> 20) - 0x3ff;
  hx = (hx & 0x000fffff) + 0x3fe6a09e;
  x = reinterpret<f64>((<u64>hx << 32) | (bits & 0xffffffff));
  const f = x - 1.0;
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  const dk = <f64>k;
  return s * (hfsq + r) + dk * LN2_LO - hfsq + f + dk * LN2_HI;
}
