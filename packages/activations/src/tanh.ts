import { ActivationModule, type ActivationFunction } from "@nabla/core";

// #region tanh
/** tanh(z) (11), via Math.tanh, which saturates to ±1 instead of dividing infinities; tanh'(z) = 1 − tanh²(z) (12). */
export const tanh: ActivationFunction = {
  name: "tanh",
  kernel: "tanh",
  forward: Math.tanh,
  derivative: (_z, a) => 1 - a * a,
};
// #endregion tanh

/** A Tanh layer for building networks in code. */
export function Tanh(): ActivationModule {
  return new ActivationModule("nabla/tanh", tanh);
}
