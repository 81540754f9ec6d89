import { sortedLabelUnion } from "./class-tallies.js";
import { MetricInputError } from "./metric-input-error.js";
import { validateLabelInputs } from "./validate-inputs.js";

/** Options of `confusionMatrix`. */
export interface ConfusionMatrixOptions {
  /**
   * Labels of the rows and columns, in this order; samples whose true or predicted label is not
   * among them are left out, as in scikit-learn. Default: every label in yTrue or yPred, ascending.
   */
  labels?: ArrayLike<number>;
}

/** Counts of (true label, predicted label) pairs, as scikit-learn's confusion_matrix. */
export interface ConfusionMatrix {
  /** Label of row i and of column i. */
  readonly labels: number[];
  /** counts[i][j]: samples whose true label is labels[i] and predicted label is labels[j]. */
  readonly counts: number[][];
}

function checkLabels(labels: ArrayLike<number>, yTrue: ArrayLike<number>): number[] {
  const metric = "confusionMatrix";
  const list = Array.from(labels);
  if (list.length === 0) throw new MetricInputError(metric, "options.labels is empty; give at least one label");
  list.forEach((label, i) => {
    if (!Number.isInteger(label)) throw new MetricInputError(metric, `options.labels[${i}] is ${String(label)}, expected an integer class label`);
    if (list.indexOf(label) !== i) throw new MetricInputError(metric, `options.labels lists ${label} twice (at ${list.indexOf(label)} and ${i})`);
  });
  // A matrix of only predicted labels has no true rows to count; scikit-learn rejects it too.
  const inTrue = new Set(Array.from(yTrue));
  if (!list.some((label) => inTrue.has(label))) {
    throw new MetricInputError(metric, `none of options.labels [${list.join(", ")}] occurs in yTrue`);
  }
  return list;
}

/** Counts of (true label, predicted label) pairs, as scikit-learn's `confusion_matrix`: rows are true labels. */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: ConfusionMatrixOptions = {}): ConfusionMatrix {
  validateLabelInputs("confusionMatrix", yTrue, yPred);
  const labels = options.labels === undefined ? sortedLabelUnion(yTrue, yPred) : checkLabels(options.labels, yTrue);
  const index = new Map(labels.map((label, i) => [label, i]));
  const counts = labels.map(() => new Array<number>(labels.length).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const row = index.get(yTrue[i]);
    const col = index.get(yPred[i]);
    if (row !== undefined && col !== undefined) counts[row][col]++;
  }
  return { labels, counts };
}
