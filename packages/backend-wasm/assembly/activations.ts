import { RELU, SIGMOID, SILU, TANH } from "./activation-kernels";
import { expF64x2, tanhF64x2 } from "./math";
import { loadOne, loadPair, storeOne, storePair } from "./pairs";

// Fused activation kernels, by the ids in activation-kernels.ts (generated from @nabla/core's
// FUSED_ACTIVATION_KERNELS); each formula is the expression @nabla/core declares for its kernel
// (FUSED_ACTIVATION_MATH), written by hand for SIMD, and the conformance suite checks it agrees.

// σ(z) and σ(−z) share e = e^{−|z|}: σ = 1/(1 + e) for z ≥ 0 and e/(1 + e) below, so exp only
// ever sees a non-positive argument (the stable form of equation (9)).
@inline function sigmoidPair(z: v128, e: v128): v128 {
  const numerator = v128.bitselect(f64x2.splat(1.0), e, f64x2.ge(z, f64x2.splat(0.0)));
  return f64x2.div(numerator, f64x2.add(f64x2.splat(1.0), e));
}

@inline function sigmoidOfNegativePair(z: v128, e: v128): v128 {
  const numerator = v128.bitselect(f64x2.splat(1.0), e, f64x2.le(z, f64x2.splat(0.0)));
  return f64x2.div(numerator, f64x2.add(f64x2.splat(1.0), e));
}

@inline function expOfMinusAbs(z: v128): v128 {
  return expF64x2(f64x2.neg(f64x2.abs(z)));
}

// #region forward
@inline export function forward(kind: i32, z: v128): v128 {
  switch (kind) {
    case RELU:
      // z ≤ 0 ? 0 : z, so NaN passes through.
      return v128.andnot(z, f64x2.le(z, f64x2.splat(0.0)));
    case SIGMOID:
      return sigmoidPair(z, expOfMinusAbs(z));
    case SILU:
      return f64x2.mul(z, sigmoidPair(z, expOfMinusAbs(z)));
    default:
      return tanhF64x2(z);
  }
}
// #endregion forward

// #region derivative
// g'(z) given z and a = g(z), the declared derivative's x and y.
@inline export function derivative(kind: i32, z: v128, a: v128): v128 {
  switch (kind) {
    case RELU:
      return v128.and(f64x2.gt(z, f64x2.splat(0.0)), f64x2.splat(1.0));
    case SIGMOID:
      return f64x2.mul(a, f64x2.sub(f64x2.splat(1.0), a));
    case SILU: {
      // σ(z)(1 + z σ(−z)), equation (8) without cancellation.
      const e = expOfMinusAbs(z);
      return f64x2.mul(sigmoidPair(z, e), f64x2.add(f64x2.splat(1.0), f64x2.mul(z, sigmoidOfNegativePair(z, e))));
    }
    default:
      return f64x2.sub(f64x2.splat(1.0), f64x2.mul(a, a));
  }
}
// #endregion derivative

// The loops are inlined once per kind with `kind` constant, so the optimizer drops the switch from
// their bodies.
@inline function activateLoop<T>(kind: i32, z: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) storePair<T>(out, i, forward(kind, loadPair<T>(z, i)));
  if (i < n) storeOne<T>(out, i, forward(kind, loadOne<T>(z, i)));
}

@inline function activateBackwardLoop<T>(kind: i32, z: usize, a: usize, gradA: usize, gradZ: usize, n: i32): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const d = derivative(kind, loadPair<T>(z, i), loadPair<T>(a, i));
    storePair<T>(gradZ, i, f64x2.mul(loadPair<T>(gradA, i), d));
  }
  if (i < n) {
    const d = derivative(kind, loadOne<T>(z, i), loadOne<T>(a, i));
    storeOne<T>(gradZ, i, f64x2.mul(loadOne<T>(gradA, i), d));
  }
}

function activateT<T>(kind: i32, z: usize, out: usize, n: i32): void {
  switch (kind) {
    case RELU:
      activateLoop<T>(RELU, z, out, n);
      break;
    case SIGMOID:
      activateLoop<T>(SIGMOID, z, out, n);
      break;
    case SILU:
      activateLoop<T>(SILU, z, out, n);
      break;
    default:
      activateLoop<T>(TANH, z, out, n);
  }
}

function activateBackwardT<T>(kind: i32, z: usize, a: usize, gradA: usize, gradZ: usize, n: i32): void {
  switch (kind) {
    case RELU:
      activateBackwardLoop<T>(RELU, z, a, gradA, gradZ, n);
      break;
    case SIGMOID:
      activateBackwardLoop<T>(SIGMOID, z, a, gradA, gradZ, n);
      break;
    case SILU:
      activateBackwardLoop<T>(SILU, z, a, gradA, gradZ, n);
      break;
    default:
      activateBackwardLoop<T>(TANH, z, a, gradA, gradZ, n);
  }
}

/** out = g(z) for the activation `kind`. */
export function activate(isF64: bool, kind: i32, z: usize, out: usize, n: i32): void {
  if (isF64) activateT<f64>(kind, z, out, n);
  else activateT<f32>(kind, z, out, n);
}

/** gradZ = gradA ⊙ g'(z), given z and a = g(z). */
export function activateBackward(isF64: bool, kind: i32, z: usize, a: usize, gradA: usize, gradZ: usize, n: i32): void {
  if (isF64) activateBackwardT<f64>(kind, z, a, gradA, gradZ, n);
  else activateBackwardT<f32>(kind, z, a, gradA, gradZ, n);
}
