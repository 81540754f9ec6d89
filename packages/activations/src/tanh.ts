import { ActivationModule, BUILT_IN_ACTIVATION_DECLARATIONS, expressionActivation, type ActivationFunction } from "@nabla/core";

/** tanh(z) (11); tanh'(z) = 1 − tanh²(z) (12) from the forward value: declared in @nabla/core's BUILT_IN_ACTIVATION_DECLARATIONS. */
export const tanh: ActivationFunction = expressionActivation(BUILT_IN_ACTIVATION_DECLARATIONS.tanh);

/** A Tanh layer for building networks in code. */
export function Tanh(): ActivationModule {
  return new ActivationModule("nabla/tanh", tanh);
}
