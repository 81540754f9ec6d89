import { validateLabelInputs } from "./validate-inputs.js";

/** Every label in yTrue or yPred, ascending: the classes scikit-learn scores by default (`unique_labels`). */
export function sortedLabelUnion(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < yTrue.length; i++) seen.add(yTrue[i]);
  for (let i = 0; i < yPred.length; i++) seen.add(yPred[i]);
  return [...seen].sort((a, b) => a - b);
}

/** Per-label counts that precision, recall and F1 are formed from; index i belongs to labels[i]. */
export interface ClassTallies {
  readonly labels: readonly number[];
  /** Samples of the label predicted as that label. */
  readonly truePositives: readonly number[];
  /** Samples whose true label it is (scikit-learn's "support"). */
  readonly support: readonly number[];
  /** Samples predicted as the label. */
  readonly predicted: readonly number[];
}

export function tallyClasses(metric: string, yTrue: ArrayLike<number>, yPred: ArrayLike<number>): ClassTallies {
  validateLabelInputs(metric, yTrue, yPred);
  const labels = sortedLabelUnion(yTrue, yPred);
  const index = new Map(labels.map((label, i) => [label, i]));
  const truePositives = new Array<number>(labels.length).fill(0);
  const support = new Array<number>(labels.length).fill(0);
  const predicted = new Array<number>(labels.length).fill(0);
  for (let i = 0; i < yTrue.length; i++) {
    const t = index.get(yTrue[i])!;
    const p = index.get(yPred[i])!;
    support[t]++;
    predicted[p]++;
    if (t === p) truePositives[t]++;
  }
  return { labels, truePositives, support, predicted };
}
