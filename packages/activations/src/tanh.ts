import { ActivationModule, fusedKernelActivation, type ActivationFunction } from "@nabla/core";

/**
 * tanh(z) (11); tanh'(z) = 1 − tanh²(z) (12), from the forward value.
 * Evaluated from @nabla/core's FUSED_ACTIVATION_MATH.tanh, the one source of this math, against
 * which every backend's fused "tanh" kernel is checked.
 */
export const tanh: ActivationFunction = fusedKernelActivation("tanh");

/** A Tanh layer for building networks in code. */
export function Tanh(): ActivationModule {
  return new ActivationModule("nabla/tanh", tanh);
}
