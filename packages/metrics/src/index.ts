import { registerPlugin } from "@nabla/core";
import { metricsPlugin } from "./metrics-plugin.js";

export { MetricInputError } from "./metric-input-error.js";
export { meanSquaredError } from "./mean-squared-error.js";
export { rootMeanSquaredError } from "./root-mean-squared-error.js";
export { meanAbsoluteError } from "./mean-absolute-error.js";
export { r2Score } from "./r2-score.js";
export { accuracy } from "./accuracy.js";
export { confusionMatrix, type ConfusionMatrix, type ConfusionMatrixOptions } from "./confusion-matrix.js";
export type { ZeroDivision } from "./class-score.js";
export { AVERAGES, DEFAULT_AVERAGE, type Average, type AveragedScoreOptions } from "./averaged-class-score.js";
export { precision } from "./precision.js";
export { recall } from "./recall.js";
export { f1Score } from "./f1-score.js";
export { precisionRecallF1PerClass, type PerClassScores, type PerClassScoreOptions } from "./precision-recall-f1-per-class.js";
export { metricsPlugin, METRICS_VERSION } from "./metrics-plugin.js";

registerPlugin(metricsPlugin);
