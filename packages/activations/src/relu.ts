import { ActivationModule, BUILT_IN_ACTIVATION_DECLARATIONS, expressionActivation, type ActivationFunction } from "@nabla/core";

/** ReLU(z) = max(0, z) (5); ReLU'(z) = 1 for z > 0, else 0 (6): declared in @nabla/core's BUILT_IN_ACTIVATION_DECLARATIONS. */
export const relu: ActivationFunction = expressionActivation(BUILT_IN_ACTIVATION_DECLARATIONS.relu);

/** A ReLU layer for building networks in code. */
export function ReLU(): ActivationModule {
  return new ActivationModule("nabla/relu", relu);
}
