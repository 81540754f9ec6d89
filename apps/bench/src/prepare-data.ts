import { Tensor, type Backend, type DType, type Registry, type TabularData, type Targets } from "@nabla/core";
import { fitStandardScaler, trainTestSplit } from "@nabla/datasets";
import type { Experiment } from "./experiment.js";

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

/** Loads the experiment's dataset, splits it, standardizes features with the training statistics. */
export async function prepareData(experiment: Experiment, options: PrepareOptions): Promise<PreparedData> {
  const { registry, backend, dtype, quick } = options;
  const dataset = registry.get("dataset", experiment.dataset.type);
  const limits = quick ? { limitTrain: experiment.quick.trainRows, limitTest: experiment.quick.testRows } : {};
  const splits = await dataset.load({ ...experiment.dataset.options, ...limits, dataDir: options.dataDir });

  let train: TabularData;
  let test: TabularData;
  if (splits.test) {
    train = splits.train;
    test = splits.test;
  } else {
    if (!experiment.split) throw new Error(`${experiment.dataset.type} has no test split and the experiment names no "split"`);
    const generator = registry.get("generator", options.splitGenerator).create(experiment.split.seed);
    ({ train, test } = trainTestSplit(splits.train, { testSize: experiment.split.testSize, generator }));
  }
  if (quick) {
    train = firstRows(train, experiment.quick.trainRows);
    test = firstRows(test, experiment.quick.testRows);
  }

  if (!experiment.standardize) {
    return { train: toSplit(train, train.features, backend, dtype), test: toSplit(test, test.features, backend, dtype) };
  }
  const scaler = fitStandardScaler(train.features, train.rows, train.cols);
  return {
    train: toSplit(train, scaler.transform(train.features), backend, dtype),
    test: toSplit(test, scaler.transform(test.features), backend, dtype),
  };
}
