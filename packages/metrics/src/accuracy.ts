import { validateLabelInputs } from "./validate-inputs.js";

/** Fraction of samples whose predicted label equals the true label, as scikit-learn's `accuracy_score`. */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  validateLabelInputs("accuracy", yTrue, yPred);
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) correct++;
  return correct / yTrue.length;
}
