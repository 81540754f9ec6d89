import { ActivationModule, fusedKernelActivation, type ActivationFunction } from "@nabla/core";

/**
 * SiLU(z) = z σ(z) (7); SiLU'(z) = σ(z)(1 + z σ(−z)), equation (8) without cancellation.
 * Evaluated from @nabla/core's FUSED_ACTIVATION_MATH.silu, the one source of this math, against
 * which every backend's fused "silu" kernel is checked.
 */
export const silu: ActivationFunction = fusedKernelActivation("silu");

/** A SiLU layer for building networks in code. */
export function SiLU(): ActivationModule {
  return new ActivationModule("nabla/silu", silu);
}
