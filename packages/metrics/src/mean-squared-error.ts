import { validateRegressionInputs } from "./validate-inputs.js";

/** Mean of the squared differences, as scikit-learn's `mean_squared_error`. */
export function meanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  validateRegressionInputs("meanSquaredError", yTrue, yPred);
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const diff = yTrue[i] - yPred[i];
    sum += diff * diff;
  }
  return sum / yTrue.length;
}
