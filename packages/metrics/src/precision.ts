import { averagedClassScore, type AveragedScoreOptions } from "./averaged-class-score.js";

/**
 * Of the samples predicted as a class, the fraction truly of it, averaged over classes
 * (default "weighted"), as scikit-learn's `precision_score`.
 */
export function precision(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: AveragedScoreOptions = {}): number {
  return averagedClassScore("precision", "precision", yTrue, yPred, options);
}
