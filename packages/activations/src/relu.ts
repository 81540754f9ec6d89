import { ActivationModule, fusedKernelActivation, type ActivationFunction } from "@nabla/core";

/**
 * ReLU(z) = max(0, z) (5); ReLU'(z) = 1 for z > 0, else 0 (6).
 * Evaluated from @nabla/core's FUSED_ACTIVATION_MATH.relu, the one source of this math, against
 * which every backend's fused "relu" kernel is checked.
 */
export const relu: ActivationFunction = fusedKernelActivation("relu");

/** A ReLU layer for building networks in code. */
export function ReLU(): ActivationModule {
  return new ActivationModule("nabla/relu", relu);
}
