import { averagedClassScore, type AveragedScoreOptions } from "./averaged-class-score.js";

/**
 * Harmonic mean of each class's precision and recall, averaged over classes (default
 * "weighted"), as scikit-learn's `f1_score`.
 */
export function f1Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: AveragedScoreOptions = {}): number {
  return averagedClassScore("f1Score", "f1", yTrue, yPred, options);
}
