import { classScore, resolveZeroDivision, type ZeroDivision } from "./class-score.js";
import { tallyClasses } from "./class-tallies.js";

/** Options of `precisionRecallF1PerClass`. */
export interface PerClassScoreOptions {
  /** Score of a class whose precision or recall divides by zero (default 0). */
  zeroDivision?: ZeroDivision;
}

/** Scores of each class; index i belongs to labels[i]. */
export interface PerClassScores {
  /** Every label in yTrue or yPred, ascending. */
  readonly labels: number[];
  /** Precision of each class, tp / (tp + fp). */
  readonly precision: number[];
  /** Recall of each class, tp / (tp + fn). */
  readonly recall: number[];
  /** F1 of each class, the harmonic mean of its precision and recall. */
  readonly f1: number[];
  /** Samples whose true label it is. */
  readonly support: number[];
}

/** Precision, recall and F1 of every class, as scikit-learn's `precision_recall_fscore_support(average=None)`. */
export function precisionRecallF1PerClass(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: PerClassScoreOptions = {}): PerClassScores {
  const metric = "precisionRecallF1PerClass";
  const zeroDivision = resolveZeroDivision(metric, options.zeroDivision);
  const { labels, truePositives, support, predicted } = tallyClasses(metric, yTrue, yPred);
  const score = (kind: "precision" | "recall" | "f1") =>
    labels.map((_, i) => classScore(kind, truePositives[i], support[i], predicted[i], zeroDivision));
  return { labels: [...labels], precision: score("precision"), recall: score("recall"), f1: score("f1"), support: [...support] };
}
