import { buildModel, fit, isTensor, ops, type Backend, type DType, type EpochInfo, type ModelSpec, type RandomGenerator, type Registry } from "@nabla/core";
import { createProgressBar } from "@nabla/datasets";
import type { Experiment } from "./load-experiment.js";
import type { PreparedData } from "./prepare-data.js";

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
  /** Makes the generator a model draws its weights, dropout masks and mini-batch order from. */
  generatorFor: (modelIndex: number) => RandomGenerator;
  quiet?: boolean;
  /** Called after each model with the results so far, so a long run can save what it finished. */
  onModelDone?: (results: readonly ModelResult[]) => void;
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${String(Math.round(seconds % 60)).padStart(2, "0")}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

/** Trains each model of the experiment in table order and measures it on the test split. */
export function runExperiment(experiment: Experiment, data: PreparedData, options: RunOptions): ModelResult[] {
  const { registry, backend, dtype, epochs } = options;
  const results: ModelResult[] = [];
  experiment.models.forEach((entry, index) => {
    const generator = options.generatorFor(index);
    const model = buildModel(entry.spec, { registry, backend, dtype, generator });
    let last: EpochInfo | undefined;
    const progress = options.quiet
      ? undefined
      : createProgressBar(entry.name, epochs, process.stderr, (epoch: number, total: number | undefined) =>
          last ? `epoch ${epoch}/${total} loss ${last.loss.toPrecision(6)} elapsed ${formatSeconds(last.elapsed)} ETA ${formatSeconds((last.elapsed / epoch) * (epochs - epoch))}` : "",
        );
    const { lossHistory, seconds } = fit(model, data.train.x, data.train.y, {
      epochs,
      batchSize: experiment.training.batchSize,
      generator,
      onEpochEnd: (info) => {
        last = info;
        progress?.update(info.epoch);
      },
    });
    progress?.finish();

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
