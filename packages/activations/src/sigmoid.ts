import { ActivationModule, BUILT_IN_ACTIVATION_DECLARATIONS, expressionActivation, type ActivationFunction } from "@nabla/core";

/** σ(z) = 1 / (1 + e^−z) (9); σ'(z) = σ(z)(1 − σ(z)) (10) from the forward value: declared in @nabla/core's BUILT_IN_ACTIVATION_DECLARATIONS. */
export const sigmoid: ActivationFunction = expressionActivation(BUILT_IN_ACTIVATION_DECLARATIONS.sigmoid);

/** A Sigmoid layer for building networks in code. */
export function Sigmoid(): ActivationModule {
  return new ActivationModule("nabla/sigmoid", sigmoid);
}
