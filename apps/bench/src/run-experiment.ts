import { buildModel, fit, isTensor, ops, type Backend, type DType, type ModelSpec, type RandomGenerator, type Registry } from "@nabla/core";
import type { Experiment } from "./experiment.js";
import type { PreparedData } from "./prepare-data.js";
import { createProgressReporter } from "./progress.js";

export interface ModelResult {
  name: string;
  spec: ModelSpec;
  epochs: number;
  seconds: number;
  secondsPerEpoch: number;
  finalLoss: number;
  metrics: Record<string, number>;
  reported: Record<string, number>;
  lossHistory: number[];
  /** Test-set targets and predictions (regression only, for the parity plot). */
  parity?: { actual: Float64Array; predicted: Float64Array };
}

export interface RunOptions {
  registry: Registry;
  backend: Backend;
  dtype: DType;
  epochs: number;
  /** Makes the generator a model draws its weights and dropout masks from. */
  generatorFor: (modelIndex: number) => RandomGenerator;
  quiet?: boolean;
  /** Called after each model with the results so far, so a long run can save what it finished. */
  onModelDone?: (results: readonly ModelResult[]) => void;
}

/** Trains each model of the experiment in table order and measures it on the test split. */
export function runExperiment(experiment: Experiment, data: PreparedData, options: RunOptions): ModelResult[] {
  const { registry, backend, dtype, epochs } = options;
  const results: ModelResult[] = [];
  experiment.models.forEach((entry, index) => {
    const model = buildModel(entry.spec, { registry, backend, dtype, generator: options.generatorFor(index) });
    const progress = options.quiet ? undefined : createProgressReporter(entry.name);
    const { lossHistory, seconds } = fit(model, data.train.x, data.train.y, { epochs, onEpochEnd: (info) => progress?.update(info) });
    progress?.done();

    const output = model.predict(data.test.x);
    const yTest = data.test.y;
    const actual = isTensor(yTest) ? Float64Array.from(yTest.data) : yTest;
    const predicted = experiment.task === "classification" ? ops.argmaxRows(output) : Float64Array.from(output.data);
    const metrics: Record<string, number> = {};
    for (const column of experiment.metrics) {
      metrics[column.key] = registry.get("metric", column.key).compute(actual, predicted, column.options);
    }
    results.push({
      name: entry.name,
      spec: model.toSpec(),
      epochs: lossHistory.length,
      seconds,
      secondsPerEpoch: seconds / lossHistory.length,
      finalLoss: lossHistory[lossHistory.length - 1],
      metrics,
      reported: entry.reported,
      lossHistory,
      parity: experiment.task === "regression" ? { actual: Float64Array.from(actual), predicted: predicted as Float64Array } : undefined,
    });
    options.onModelDone?.(results);
  });
  return results;
}
