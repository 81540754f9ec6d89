import { MetricInputError } from "./metric-input-error.js";

function checkPaired(metric: string, yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  if (yTrue.length !== yPred.length) {
    const count = (n: number) => `${n} value${n === 1 ? "" : "s"}`;
    throw new MetricInputError(metric, `yTrue has ${count(yTrue.length)} but yPred has ${count(yPred.length)}; they must pair up sample by sample`);
  }
  if (yTrue.length === 0) throw new MetricInputError(metric, "yTrue and yPred are empty; a metric needs at least one sample");
}

function checkEach(metric: string, values: ArrayLike<number>, side: string, ok: (value: number) => boolean, expected: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!ok(values[i])) throw new MetricInputError(metric, `${side}[${i}] is ${String(values[i])}, expected ${expected}`);
  }
}

/** Regression inputs: equal, non-zero lengths of finite numbers (scikit-learn rejects NaN and ±Infinity too). */
export function validateRegressionInputs(metric: string, yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  checkPaired(metric, yTrue, yPred);
  checkEach(metric, yTrue, "yTrue", Number.isFinite, "a finite number");
  checkEach(metric, yPred, "yPred", Number.isFinite, "a finite number");
}

/** Classification inputs: equal, non-zero lengths of integer class labels. */
export function validateLabelInputs(metric: string, yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  checkPaired(metric, yTrue, yPred);
  checkEach(metric, yTrue, "yTrue", Number.isInteger, "an integer class label");
  checkEach(metric, yPred, "yPred", Number.isInteger, "an integer class label");
}
