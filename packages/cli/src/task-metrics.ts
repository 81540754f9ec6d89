import { accuracy, f1Score, meanAbsoluteError, meanSquaredError, precision, r2Score, recall, rootMeanSquaredError } from "@nabla/metrics";
import type { Task } from "./preprocessing.js";

/** One score of `nabla evaluate`: a stable key for --json and a label for the table. */
export interface MetricValue {
  key: string;
  label: string;
  value: number;
}

/**
 * The scores of a task: MSE, RMSE, MAE and R² for regression; accuracy and support-weighted
 * precision, recall and F1 (the report's protocol) for classification.
 */
export function computeTaskMetrics(task: Task, yTrue: ArrayLike<number>, yPred: ArrayLike<number>): MetricValue[] {
  if (task === "regression") {
    return [
      { key: "mse", label: "MSE", value: meanSquaredError(yTrue, yPred) },
      { key: "rmse", label: "RMSE", value: rootMeanSquaredError(yTrue, yPred) },
      { key: "mae", label: "MAE", value: meanAbsoluteError(yTrue, yPred) },
      { key: "r2", label: "R²", value: r2Score(yTrue, yPred) },
    ];
  }
  return [
    { key: "accuracy", label: "Accuracy", value: accuracy(yTrue, yPred) },
    { key: "precision", label: "Precision (weighted)", value: precision(yTrue, yPred, { average: "weighted" }) },
    { key: "recall", label: "Recall (weighted)", value: recall(yTrue, yPred, { average: "weighted" }) },
    { key: "f1", label: "F1 (weighted)", value: f1Score(yTrue, yPred, { average: "weighted" }) },
  ];
}
