import { meanSquaredError } from "./mean-squared-error.js";

/** Square root of the mean squared error, in the units of the targets. */
export function rootMeanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return Math.sqrt(meanSquaredError(yTrue, yPred));
}
