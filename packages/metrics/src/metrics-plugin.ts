import { Type } from "@sinclair/typebox";
import { validateOptions, type MetricComponent, type NablaPlugin } from "@nabla/core";
import { accuracy } from "./accuracy.js";
import { AVERAGES, DEFAULT_AVERAGE, type Average } from "./averaged-class-score.js";
import type { ZeroDivision } from "./class-score.js";
import { f1Score } from "./f1-score.js";
import { meanAbsoluteError } from "./mean-absolute-error.js";
import { meanSquaredError } from "./mean-squared-error.js";
import { precision } from "./precision.js";
import { r2Score } from "./r2-score.js";
import { recall } from "./recall.js";
import { rootMeanSquaredError } from "./root-mean-squared-error.js";

/** This package's version, as in package.json (checked by a test). */
export const METRICS_VERSION = "0.1.0";

type Score = (yTrue: ArrayLike<number>, yPred: ArrayLike<number>) => number;

// Metrics without options still reject any, so a misspelt option fails instead of being ignored.
const NO_OPTIONS = Type.Object({});

function plainMetric(name: string, task: MetricComponent["task"], higherIsBetter: boolean, score: Score, description: string): MetricComponent {
  return {
    kind: "metric",
    name,
    description,
    task,
    higherIsBetter,
    compute(yTrue, yPred, options) {
      validateOptions(NO_OPTIONS, options, `nabla/${name}`);
      return score(yTrue, yPred);
    },
  };
}

const AVERAGED_OPTIONS = Type.Object({
  average: Type.Union(
    AVERAGES.map((average) => Type.Literal(average)),
    { default: DEFAULT_AVERAGE, description: "How per-class scores are combined" },
  ),
  zeroDivision: Type.Union([Type.Literal(0), Type.Literal(1)], { default: 0, description: "Score of a class whose ratio divides by zero" }),
});

function averagedMetric(
  name: string,
  score: (yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: { average: Average; zeroDivision: ZeroDivision }) => number,
  description: string,
): MetricComponent {
  return {
    kind: "metric",
    name,
    description,
    task: "classification",
    higherIsBetter: true,
    compute(yTrue, yPred, options) {
      return score(yTrue, yPred, validateOptions(AVERAGED_OPTIONS, options, `nabla/${name}`));
    },
  };
}

/** The metrics of the experiment protocol; precision, recall and f1 default to average "weighted". */
export const metricsPlugin: NablaPlugin = {
  meta: { name: "@nabla/metrics", version: METRICS_VERSION },
  namespace: "nabla",
  components: [
    plainMetric("mse", "regression", false, meanSquaredError, "Mean squared error"),
    plainMetric("rmse", "regression", false, rootMeanSquaredError, "Root mean squared error"),
    plainMetric("mae", "regression", false, meanAbsoluteError, "Mean absolute error"),
    plainMetric("r2", "regression", true, r2Score, "Coefficient of determination (scikit-learn r2_score)"),
    plainMetric("accuracy", "classification", true, accuracy, "Fraction of correctly labelled samples"),
    averagedMetric("precision", precision, "Precision averaged over classes (options: average, zeroDivision)"),
    averagedMetric("recall", recall, "Recall averaged over classes (options: average, zeroDivision)"),
    averagedMetric("f1", f1Score, "F1 score averaged over classes (options: average, zeroDivision)"),
  ],
};
