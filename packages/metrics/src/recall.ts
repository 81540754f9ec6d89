import { averagedClassScore, type AveragedScoreOptions } from "./averaged-class-score.js";

/**
 * Of the samples truly of a class, the fraction predicted as it, averaged over classes
 * (default "weighted"), as scikit-learn's `recall_score`.
 */
export function recall(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: AveragedScoreOptions = {}): number {
  return averagedClassScore("recall", "recall", yTrue, yPred, options);
}
