import { UsageError } from "./usage-error.js";

/** The model file metadata key under which `nabla train` saves its preprocessing as JSON. */
export const PREPROCESSING_METADATA_KEY = "nabla.preprocessing";

/** Regression (loss mse) or classification (loss cross-entropy). */
export type Task = "regression" | "classification";

/** What an empty cell means: an error naming it, the training mean (or most frequent category), or dropping its row. */
export type MissingValuePolicy = "error" | "mean" | "drop";

/** The missing-value policies `--missing` accepts. */
export const MISSING_VALUE_POLICIES: readonly MissingValuePolicy[] = ["error", "mean", "drop"];

/** A numeric input column; `fill` replaces its empty cells (null: there is no fill value). */
export interface NumericFeature {
  name: string;
  kind: "numeric";
  fill: number | null;
}

/** A text input column, one-hot encoded over `categories` (sorted); `fill` replaces its empty cells. */
export interface CategoricalFeature {
  name: string;
  kind: "categorical";
  categories: string[];
  fill: string | null;
}

/** One raw input column of the model. */
export type FeatureColumn = NumericFeature | CategoricalFeature;

/**
 * Everything `nabla train` did to the raw rows before the network saw them, saved with the model
 * so that `evaluate`, `predict` and the ONNX export take the same raw rows:
 * the raw columns in order, each numeric or one-hot encoded; the standardization
 * z = (x − mean) / scale of each expanded feature (a one-hot column is one feature per category);
 * the target column; and, for classification, the class label of each class index.
 */
export interface Preprocessing {
  version: 1;
  task: Task;
  target: string;
  features: FeatureColumn[];
  missing: MissingValuePolicy;
  /** Classification: the label of class 0, 1, … (the network's output columns). */
  classLabels?: string[];
  /** Per expanded feature, in expandedFeatureNames order. */
  mean: number[];
  scale: number[];
  /**
   * Regression with `--scale-target`: the target standardization used in training. It is already
   * folded into the last layer's weights, so predictions are in the target's units; kept for the record.
   */
  targetScaling?: { mean: number; scale: number };
}

/** The network's input columns: a numeric column's name, and `column=category` for each category of a one-hot column. */
export function expandedFeatureNames(preprocessing: Pick<Preprocessing, "features">): string[] {
  return preprocessing.features.flatMap((feature) =>
    feature.kind === "numeric" ? [feature.name] : feature.categories.map((category) => `${feature.name}=${category}`),
  );
}

/** Whether every input column is numeric, so an exported ONNX graph takes raw rows. */
export function takesRawRows(preprocessing: Pick<Preprocessing, "features">): boolean {
  return preprocessing.features.every((feature) => feature.kind === "numeric");
}

/** Reads the JSON saved under PREPROCESSING_METADATA_KEY; `source` names the model file in errors. */
export function parsePreprocessing(json: string | undefined, source: string): Preprocessing {
  if (json === undefined) {
    throw new UsageError(`the model has no "${PREPROCESSING_METADATA_KEY}" metadata; was it saved by nabla train?`, source);
  }
  let value: Preprocessing;
  try {
    value = JSON.parse(json) as Preprocessing;
  } catch (error) {
    throw new UsageError(`its "${PREPROCESSING_METADATA_KEY}" metadata is not JSON: ${(error as Error).message}`, source);
  }
  const width = Array.isArray(value?.features) ? expandedFeatureNames(value).length : -1;
  if (value?.version !== 1 || width < 0 || value.mean?.length !== width || value.scale?.length !== width) {
    throw new UsageError(`its "${PREPROCESSING_METADATA_KEY}" metadata is not version 1 preprocessing this command can read`, source);
  }
  return value;
}
