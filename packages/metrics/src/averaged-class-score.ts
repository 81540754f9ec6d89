import { MetricInputError } from "./metric-input-error.js";
import { classScore, resolveZeroDivision, type ClassScoreKind, type ZeroDivision } from "./class-score.js";
import { tallyClasses } from "./class-tallies.js";

/**
 * How per-class scores become one number, as scikit-learn's `average`:
 * - "macro": plain mean over the classes present in yTrue or yPred;
 * - "weighted": mean weighted by each class's support (its count in yTrue);
 * - "micro": the score of the counts pooled over all classes (equals accuracy here).
 */
export type Average = "macro" | "weighted" | "micro";

/** The averages precision, recall and F1 accept: "macro", "weighted" and "micro". */
export const AVERAGES: readonly Average[] = ["macro", "weighted", "micro"];

/** The experiment protocol reports weighted precision, recall and F1, so that is the default. */
export const DEFAULT_AVERAGE: Average = "weighted";

/** Options of `precision`, `recall` and `f1Score`. */
export interface AveragedScoreOptions {
  /** Default "weighted": scikit-learn's default "binary" rejects multiclass labels, and the protocol reports weighted. */
  average?: Average;
  /** Score of a class whose precision or recall divides by zero (default 0). */
  zeroDivision?: ZeroDivision;
}

function resolveAverage(metric: string, value: unknown): Average {
  if (value === undefined) return DEFAULT_AVERAGE;
  if (AVERAGES.includes(value as Average)) return value as Average;
  throw new MetricInputError(metric, `average must be one of ${AVERAGES.map((a) => `"${a}"`).join(", ")}, got ${JSON.stringify(value)}`);
}

/** One averaged precision, recall or F1 score; `metric` names the public function in errors. */
export function averagedClassScore(
  metric: string,
  kind: ClassScoreKind,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: AveragedScoreOptions,
): number {
  const average = resolveAverage(metric, options.average);
  const zeroDivision = resolveZeroDivision(metric, options.zeroDivision);
  const { labels, truePositives, support, predicted } = tallyClasses(metric, yTrue, yPred);
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  if (average === "micro") return classScore(kind, sum(truePositives), sum(support), sum(predicted), zeroDivision);
  const scores = labels.map((_, i) => classScore(kind, truePositives[i], support[i], predicted[i], zeroDivision));
  if (average === "macro") return sum(scores) / scores.length;
  // Every sample's true label is among the classes, so the weights sum to the sample count, never 0.
  return sum(scores.map((score, i) => score * support[i])) / sum(support);
}
