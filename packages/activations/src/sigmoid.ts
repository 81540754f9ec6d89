import { ActivationModule, type ActivationFunction } from "@nabla/core";
import { stableSigmoid } from "./stable-sigmoid.js";

// #region sigmoid
/** σ(z) = 1 / (1 + e^−z) (9); σ'(z) = σ(z)(1 − σ(z)) (10), taken from the forward value a = σ(z). */
export const sigmoid: ActivationFunction = {
  name: "sigmoid",
  kernel: "sigmoid",
  forward: stableSigmoid,
  derivative: (_z, a) => a * (1 - a),
};
// #endregion sigmoid

/** A Sigmoid layer for building networks in code. */
export function Sigmoid(): ActivationModule {
  return new ActivationModule("nabla/sigmoid", sigmoid);
}
