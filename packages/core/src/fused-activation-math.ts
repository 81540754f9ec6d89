import type { ActivationExpression, ActivationFunction } from "./activation-function.js";
import { expressionActivation } from "./expression/expression-activation.js";
import type { FusedActivationKernel } from "./fused-activation-kernels.js";

// The one source of the built-in activations' math (issue #13): what the fused kernel of each
// name computes, as expressions over the input x and the forward value y. The reference backend
// evaluates @nabla/activations' ReLU, SiLU, Sigmoid and Tanh from these, and the conformance
// suite holds the wasm and native backends' hand-written SIMD kernels to them. Each is written in
// the form the reference always computed (stable sigmoid, Math.tanh, derivatives from y where
// that is cheaper), so its float64 results are the same bits as before; a test pins that.

/** The forward pass and derivative of every fused activation kernel, equations (5)–(12) of the report. */
export const FUSED_ACTIVATION_MATH: { readonly [K in FusedActivationKernel]: ActivationExpression } = {
  // #region relu
  /** ReLU(z) = max(0, z) (5), NaN passing through; ReLU'(z) = 1 for z > 0, else 0 (6). */
  relu: { forward: ["max", 0, "x"], derivative: ["gt", "x", 0] },
  // #endregion relu
  // #region silu
  /**
   * SiLU(z) = z σ(z) (7); SiLU'(z) = σ(z) + σ(z) z (1 − σ(z)) (8), written as σ(z)(1 + z σ(−z)),
   * since 1 − σ(z) = σ(−z): no cancellation for large z, and σ(−z) reaches exactly 0 before z
   * could overflow the product.
   */
  silu: { forward: ["mul", "x", ["sigmoid", "x"]], derivative: ["mul", ["sigmoid", "x"], ["add", 1, ["mul", "x", ["sigmoid", ["neg", "x"]]]]] },
  // #endregion silu
  // #region sigmoid
  /** σ(z) = 1 / (1 + e^−z) (9); σ'(z) = σ(z)(1 − σ(z)) (10), taken from the forward value y = σ(z). */
  sigmoid: { forward: ["sigmoid", "x"], derivative: ["mul", "y", ["sub", 1, "y"]] },
  // #endregion sigmoid
  // #region tanh
  /** tanh(z) (11), which saturates to ±1 instead of dividing infinities; tanh'(z) = 1 − tanh²(z) (12), from y = tanh(z). */
  tanh: { forward: ["tanh", "x"], derivative: ["sub", 1, ["mul", "y", "y"]] },
  // #endregion tanh
};

/**
 * The ActivationFunction named `kernel` whose fused kernel it is: forward and derivative are the
 * reference evaluation of its FUSED_ACTIVATION_MATH, which a backend without the kernel may also
 * compile from `expression`.
 */
export function fusedKernelActivation(kernel: FusedActivationKernel): ActivationFunction {
  return expressionActivation({ name: kernel, kernel, ...FUSED_ACTIVATION_MATH[kernel] });
}
