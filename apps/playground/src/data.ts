import { CALIFORNIA_HOUSING_FEATURE_NAMES, fitStandardScaler, readCifar10Bytes, readCsv, trainTestSplit } from "@nabla/datasets";
import { Xoshiro128Generator, type TabularData } from "@nabla/core";
import type { Task } from "./presets.js";

/** A table ready to train on: standardized train and test features, plus the scaler that made them. */
export interface PreparedData {
  readonly name: string;
  readonly task: Task;
  readonly featureNames: readonly string[];
  readonly train: TabularData;
  readonly test: TabularData;
  readonly mean: Float64Array;
  readonly scale: Float64Array;
}

/** The California Housing table the build wrote beside the page (scripts/make-california-housing-asset.mjs). */
export async function fetchCaliforniaHousing(): Promise<TabularData> {
  const response = await fetch(new URL("data/california-housing.f32", document.baseURI));
  if (!response.ok) throw new Error(`California Housing asset: HTTP ${response.status} (build the playground with NABLA_DATA_DIR set)`);
  const values = new Float32Array(await response.arrayBuffer());
  const cols = CALIFORNIA_HOUSING_FEATURE_NAMES.length;
  const rows = values.length / (cols + 1);
  const features = new Float64Array(rows * cols);
  const targets = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    features.set(values.subarray(r * (cols + 1), r * (cols + 1) + cols), r * cols);
    targets[r] = values[r * (cols + 1) + cols];
  }
  return { features, rows, cols, targets };
}

/** A CSV with a header row: every column but `targetColumn` is a feature; labels must be integers for classification. */
export function csvTable(text: string, targetColumn: string, task: Task, source: string): { table: TabularData; featureNames: string[] } {
  const csv = readCsv(text, { header: true, source });
  const names = csv.columnNames ?? [];
  const target = names.indexOf(targetColumn);
  if (target < 0) throw new Error(`${source}: no column "${targetColumn}" (columns: ${names.join(", ")})`);
  const cols = csv.cols - 1;
  const features = new Float64Array(csv.rows * cols);
  const targets = task === "classification" ? new Int32Array(csv.rows) : new Float64Array(csv.rows);
  for (let r = 0; r < csv.rows; r++) {
    let c = 0;
    for (let j = 0; j < csv.cols; j++) {
      const value = csv.data[r * csv.cols + j];
      if (j === target) targets[r] = value;
      else features[r * cols + c++] = value;
    }
  }
  return { table: { features, rows: csv.rows, cols, targets }, featureNames: names.filter((_, j) => j !== target) };
}

/** The first `limit` images of a CIFAR-10 binary batch (e.g. data_batch_1.bin), pixels scaled to [0, 1]. */
export function cifar10Table(bytes: Uint8Array, limit: number, source: string): TabularData {
  const batch = readCifar10Bytes(bytes, "hwc", limit, source);
  return { features: Float64Array.from(batch.features, (p) => p / 255), rows: batch.rows, cols: batch.cols, targets: batch.targets };
}

/** Splits 80/20 (seeded, so every run sees the same rows) and standardizes with the training rows' mean and scale. */
export function prepare(name: string, task: Task, table: TabularData, featureNames: readonly string[]): PreparedData {
  const { train, test } = trainTestSplit(table, { testSize: 0.2, generator: new Xoshiro128Generator(42) });
  const scaler = fitStandardScaler(train.features, train.rows, train.cols);
  const standardize = (part: TabularData): TabularData => ({ ...part, features: scaler.transform(part.features) });
  return { name, task, featureNames, train: standardize(train), test: standardize(test), mean: scaler.mean, scale: scaler.scale };
}
