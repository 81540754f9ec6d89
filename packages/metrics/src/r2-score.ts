import { validateRegressionInputs } from "./validate-inputs.js";

/**
 * Coefficient of determination, 1 − SS_res / SS_tot, as scikit-learn's `r2_score` with its
 * default force_finite=True: for constant targets (SS_tot = 0) the score is 1 when the predictions
 * are perfect and 0 otherwise, never ±Infinity or NaN. With a single sample the score is not
 * defined and, like scikit-learn, this returns NaN.
 */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  validateRegressionInputs("r2Score", yTrue, yPred);
  const n = yTrue.length;
  if (n < 2) return Number.NaN;
  let mean = 0;
  // Constancy is tested on the values themselves: a floating-point mean of equal values can miss
  // them by an ulp (three 0.1s average to 0.10000000000000002), which would turn SS_tot into ~1e-33
  // and the score into ~−1e31, as scikit-learn itself returns there.
  let constant = true;
  for (let i = 0; i < n; i++) {
    mean += yTrue[i];
    if (yTrue[i] !== yTrue[0]) constant = false;
  }
  mean /= n;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    residual += (yTrue[i] - yPred[i]) ** 2;
    total += (yTrue[i] - mean) ** 2;
  }
  if (constant) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
}
