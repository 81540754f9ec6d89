import { dirname, resolve } from "node:path";
import { Tensor, type Backend, type DatasetSplits, type DType, type Registry, type TabularData, type Targets } from "@nabla/core";
import { fitStandardScaler, trainTestSplit } from "@nabla/datasets";
import { ExperimentFileError } from "./experiment-file-error.js";
import { loadTableFile } from "./load-table-file.js";
import type { Experiment } from "./load-experiment.js";

export interface PreparedSplit {
  x: Tensor;
  y: Targets;
  rows: number;
}

export interface PreparedData {
  train: PreparedSplit;
  test: PreparedSplit;
}

export interface PrepareOptions {
  registry: Registry;
  backend: Backend;
  dtype: DType;
  dataDir?: string;
  quick: boolean;
  /** Generator type used for the train/test split ("nabla/numpy" reproduces scikit-learn's). */
  splitGenerator: string;
}

function firstRows(data: TabularData, rows: number): TabularData {
  if (rows >= data.rows) return data;
  return {
    features: data.features.subarray(0, rows * data.cols),
    rows,
    cols: data.cols,
    targets: data.targets.subarray(0, rows),
  };
}

function toSplit(data: TabularData, features: ArrayLike<number>, backend: Backend, dtype: DType): PreparedSplit {
  const x = Tensor.from(features, [data.rows, data.cols], { backend, dtype });
  const y = data.targets instanceof Int32Array ? data.targets : Tensor.from(data.targets, [data.rows, 1], { backend, dtype });
  return { x, y, rows: data.rows };
}

async function loadSplits(experiment: Experiment, options: PrepareOptions): Promise<Pick<DatasetSplits, "train" | "test">> {
  const { dataset, quick } = experiment;
  if ("file" in dataset) {
    return { train: loadTableFile(resolve(dirname(experiment.file), dataset.file), dataset, experiment.task, experiment.file) };
  }
  const limits = options.quick ? { limitTrain: quick.trainRows, limitTest: quick.testRows } : {};
  return options.registry.get("dataset", dataset.name).load({ ...dataset.options, ...limits, dataDir: options.dataDir });
}

/** Loads the experiment's dataset, splits it, standardizes features with the training statistics. */
export async function prepareData(experiment: Experiment, options: PrepareOptions): Promise<PreparedData> {
  const { registry, backend, dtype, quick } = options;
  const splits = await loadSplits(experiment, options);
  let train: TabularData;
  let test: TabularData;
  if (splits.test) {
    train = splits.train;
    test = splits.test;
  } else {
    if (!experiment.split) throw new ExperimentFileError(experiment.file, "$.split", "the dataset has no test split of its own: say how to split it");
    const generator = registry.get("generator", options.splitGenerator).create(experiment.split.seed);
    ({ train, test } = trainTestSplit(splits.train, { testSize: experiment.split.testSize, generator }));
  }
  if (quick) {
    train = firstRows(train, experiment.quick.trainRows);
    test = firstRows(test, experiment.quick.testRows);
  }

  if (!experiment.preprocessing?.standardize) {
    return { train: toSplit(train, train.features, backend, dtype), test: toSplit(test, test.features, backend, dtype) };
  }
  const scaler = fitStandardScaler(train.features, train.rows, train.cols);
  return {
    train: toSplit(train, scaler.transform(train.features), backend, dtype),
    test: toSplit(test, scaler.transform(test.features), backend, dtype),
  };
}
