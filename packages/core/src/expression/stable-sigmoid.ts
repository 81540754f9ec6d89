// #region stable-sigmoid
/**
 * σ(z) = 1 / (1 + e^−z) (9), evaluated so that exp only ever sees a non-positive argument:
 * for z < 0 it uses the equal form e^z / (1 + e^z). Neither branch overflows for any finite z.
 * The reference evaluation of the expression operator `sigmoid`, and so of the built-in Sigmoid
 * and SiLU.
 */
export function stableSigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
// #endregion stable-sigmoid
