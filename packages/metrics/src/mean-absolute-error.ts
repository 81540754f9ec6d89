import { validateRegressionInputs } from "./validate-inputs.js";

/** Mean of the absolute differences, as scikit-learn's `mean_absolute_error`. */
export function meanAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  validateRegressionInputs("meanAbsoluteError", yTrue, yPred);
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += Math.abs(yTrue[i] - yPred[i]);
  return sum / yTrue.length;
}
