import type { ActivationDeclaration } from "./expression-activation.js";

// The math of the four built-in activations, once: @nabla/activations builds its activation
// functions from these declarations and the conformance suite checks backends against the same
// ones. Backends with a fused kernel for `kernel` run that instead, with the same results.

/** ReLU, SiLU, sigmoid and tanh as expressions, equations (5)–(12) of the report. */
export const BUILT_IN_ACTIVATION_DECLARATIONS = {
  /** ReLU(z) = max(0, z) (5), as a comparison so that NaN passes through; ReLU'(z) = 1 for z > 0, else 0 (6). */
  relu: { name: "relu", kernel: "relu", forward: ["where", ["le", "x", 0], 0, "x"], derivative: ["gt", "x", 0] },
  /**
   * SiLU(z) = z σ(z) (7); SiLU'(z) = σ(z) + σ(z) z (1 − σ(z)) (8), written σ(z)(1 + z σ(−z)) since
   * 1 − σ(z) = σ(−z): no cancellation for large z, and σ(−z) reaches 0 before z overflows the product.
   */
  silu: {
    name: "silu",
    kernel: "silu",
    forward: ["mul", "x", ["sigmoid", "x"]],
    derivative: ["mul", ["sigmoid", "x"], ["add", 1, ["mul", "x", ["sigmoid", ["neg", "x"]]]]],
  },
  /** σ(z) = 1 / (1 + e^−z) (9), overflow-free; σ'(z) = σ(z)(1 − σ(z)) (10), from the forward value y. */
  sigmoid: { name: "sigmoid", kernel: "sigmoid", forward: ["sigmoid", "x"], derivative: ["mul", "y", ["sub", 1, "y"]] },
  /** tanh(z) (11), which saturates to ±1; tanh'(z) = 1 − tanh²(z) (12), from the forward value y. */
  tanh: { name: "tanh", kernel: "tanh", forward: ["tanh", "x"], derivative: ["sub", 1, ["mul", "y", "y"]] },
} as const satisfies Record<string, ActivationDeclaration>;
