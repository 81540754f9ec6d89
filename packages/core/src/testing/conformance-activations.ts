import type { ActivationFunction } from "../activation-function.js";

// The activations the conformance suite runs through activate, activateBackward and the fused
// Linear kernels. Core cannot depend on @nabla/activations, so the four built-ins with fused
// backend kernels are written here from equations (5)–(12) of the report exactly as that package
// defines them; a backend's own test may pass the package's values instead.

function stableSigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** ReLU, SiLU, sigmoid and tanh: every activation a backend may have a fused kernel for. */
export const BUILT_IN_ACTIVATIONS: readonly ActivationFunction[] = [
  { name: "relu", kernel: "relu", forward: (z) => (z <= 0 ? 0 : z), derivative: (z) => (z > 0 ? 1 : 0) },
  { name: "silu", kernel: "silu", forward: (z) => z * stableSigmoid(z), derivative: (z) => stableSigmoid(z) * (1 + z * stableSigmoid(-z)) },
  { name: "sigmoid", kernel: "sigmoid", forward: stableSigmoid, derivative: (_z, a) => a * (1 - a) },
  { name: "tanh", kernel: "tanh", forward: Math.tanh, derivative: (_z, a) => 1 - a * a },
];

/**
 * Activations no backend has a fused kernel for (one names none, one names a kernel that does
 * not exist): a backend must run their own forward and derivative, so the results are exact.
 */
export const JAVASCRIPT_ACTIVATIONS: readonly ActivationFunction[] = [
  { name: "softsign", forward: (z) => z / (1 + Math.abs(z)), derivative: (z) => 1 / (1 + Math.abs(z)) ** 2 },
  { name: "softplus", kernel: "no-such-kernel", forward: (z) => Math.log1p(Math.exp(z)), derivative: (z) => stableSigmoid(z) },
];

/** Fused kernels that are piecewise linear, so any correct implementation gives the reference's exact bits. */
const EXACT_KERNELS: ReadonlySet<string> = new Set(["relu"]);

/**
 * True when a backend must reproduce fn's JavaScript results bit for bit: fn runs as JavaScript
 * on every backend, or its fused kernel involves no rounding beyond the reference's. Other fused
 * kernels (sigmoid, silu, tanh) go through exp, whose last bits a backend's own exp may not share.
 */
export function activationIsExact(fn: ActivationFunction): boolean {
  return JAVASCRIPT_ACTIVATIONS.includes(fn) || fn.kernel === undefined || EXACT_KERNELS.has(fn.kernel);
}
