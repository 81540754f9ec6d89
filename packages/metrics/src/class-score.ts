import { MetricInputError } from "./metric-input-error.js";

/** The value a ratio takes when its denominator is zero (scikit-learn's `zero_division`). */
export type ZeroDivision = 0 | 1;

export type ClassScoreKind = "precision" | "recall" | "f1";

/**
 * One class's score from its counts, or the pooled counts of all classes for micro averaging.
 * precision = TP / predicted, recall = TP / support, and F1 = 2·TP / (support + predicted),
 * i.e. 2·TP / (2·TP + FP + FN), formed from counts as scikit-learn ≥ 1.4 does: F1 is 0 for a
 * class with no hits even when zeroDivision = 1 made its precision or recall 1.
 */
export function classScore(kind: ClassScoreKind, truePositives: number, support: number, predicted: number, zeroDivision: ZeroDivision): number {
  const [numerator, denominator] =
    kind === "precision" ? [truePositives, predicted] : kind === "recall" ? [truePositives, support] : [2 * truePositives, support + predicted];
  return denominator === 0 ? zeroDivision : numerator / denominator;
}

/** `value` if it is a valid zeroDivision (default 0); throws MetricInputError otherwise. */
export function resolveZeroDivision(metric: string, value: unknown): ZeroDivision {
  if (value === undefined) return 0;
  if (value === 0 || value === 1) return value;
  throw new MetricInputError(metric, `zeroDivision must be 0 or 1, got ${JSON.stringify(value)}`);
}
