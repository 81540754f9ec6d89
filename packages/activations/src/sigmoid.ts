import { ActivationModule, fusedKernelActivation, type ActivationFunction } from "@nabla/core";

/**
 * σ(z) = 1 / (1 + e^−z) (9); σ'(z) = σ(z)(1 − σ(z)) (10), from the forward value.
 * Evaluated from @nabla/core's FUSED_ACTIVATION_MATH.sigmoid, the one source of this math, against
 * which every backend's fused "sigmoid" kernel is checked.
 */
export const sigmoid: ActivationFunction = fusedKernelActivation("sigmoid");

/** A Sigmoid layer for building networks in code. */
export function Sigmoid(): ActivationModule {
  return new ActivationModule("nabla/sigmoid", sigmoid);
}
