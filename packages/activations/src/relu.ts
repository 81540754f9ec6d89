import { ActivationModule, type ActivationFunction } from "@nabla/core";

// #region relu
/** ReLU(z) = max(0, z) (5); ReLU'(z) = 1 for z > 0, else 0 (6). */
export const relu: ActivationFunction = {
  name: "relu",
  kernel: "relu",
  // Written as a comparison rather than Math.max so that NaN passes through and stays visible.
  forward: (z) => (z <= 0 ? 0 : z),
  derivative: (z) => (z > 0 ? 1 : 0),
};
// #endregion relu

/** A ReLU layer for building networks in code. */
export function ReLU(): ActivationModule {
  return new ActivationModule("nabla/relu", relu);
}
