import { ActivationModule, BUILT_IN_ACTIVATION_DECLARATIONS, expressionActivation, type ActivationFunction } from "@nabla/core";

/** SiLU(z) = z σ(z) (7) and its derivative (8), declared in @nabla/core's BUILT_IN_ACTIVATION_DECLARATIONS. */
export const silu: ActivationFunction = expressionActivation(BUILT_IN_ACTIVATION_DECLARATIONS.silu);

/** A SiLU layer for building networks in code. */
export function SiLU(): ActivationModule {
  return new ActivationModule("nabla/silu", silu);
}
