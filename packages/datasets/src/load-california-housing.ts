import { readFileSync } from "node:fs";
import type { DatasetSplits } from "@nabla/core";
import { CALIFORNIA_HOUSING_FEATURE_NAMES, CALIFORNIA_HOUSING_SOURCE, parseCaliforniaHousing } from "./california-housing.js";
import { type DatasetFileOptions, ensureDatasetFiles } from "./ensure-dataset-files.js";

/**
 * California Housing as scikit-learn's fetch_california_housing gives it: all 20,640 rows in
 * `train` (split it yourself, e.g. with trainTestSplit), 8 float64 features, target in units of
 * $100,000. Reads <dataDir>/california_housing/cal_housing.data, downloading it when missing.
 * Node only; in a browser, fetch the file and call parseCaliforniaHousing.
 */
export async function loadCaliforniaHousing(options: DatasetFileOptions = {}): Promise<DatasetSplits> {
  const [path] = await ensureDatasetFiles(CALIFORNIA_HOUSING_SOURCE, options);
  const train = parseCaliforniaHousing(readFileSync(path, "utf8"), path);
  return { task: "regression", train, featureNames: CALIFORNIA_HOUSING_FEATURE_NAMES };
}
