import type { Backend, Registry } from "@nabla/core";
import type { Experiment } from "./load-experiment.js";
import { prepareData } from "./prepare-data.js";
import { protocolSettings, type ProtocolName, type ProtocolSettings } from "./protocol.js";
import { runExperiment, type ModelResult } from "./run-experiment.js";

export interface TaskOptions {
  registry: Registry;
  backend: Backend;
  /** Overrides the experiment's own protocol. */
  protocol?: ProtocolName;
  quick: boolean;
  dataDir?: string;
  epochs?: number;
  /** Train every model once per seed (default: the experiment's `seeds`, else its `seed` only). */
  seeds?: readonly number[];
  quiet?: boolean;
  /** Called after each model of a single-seed run with the results so far. */
  onModelDone?: (run: TaskRun) => void;
}

export interface TaskRun {
  experiment: Experiment;
  protocol: ProtocolSettings;
  trainRows: number;
  testRows: number;
  seeds: readonly number[];
  /** One list of model results per seed, in `seeds` order. */
  runs: ModelResult[][];
  /** Seconds from the start of the task (data loading included) to its last finished model. */
  wallSeconds: number;
}

/** Loads an experiment's data and trains its models under the chosen protocol. */
export async function runTask(experiment: Experiment, options: TaskOptions): Promise<TaskRun> {
  const { registry, backend } = options;
  const started = performance.now();
  const protocol = protocolSettings(options.protocol ?? experiment.training.protocol ?? "nabla", experiment);
  const epochs = options.epochs ?? (options.quick ? experiment.quick.epochs : experiment.training.epochs);
  const data = await prepareData(experiment, {
    registry,
    backend,
    dtype: protocol.dtype,
    dataDir: options.dataDir,
    quick: options.quick,
    splitGenerator: protocol.splitGenerator,
  });
  if (!options.quiet) {
    console.error(`${experiment.name}: ${data.train.rows} training rows, ${data.test.rows} test rows, ${epochs} epochs, ${protocol.dtype}, protocol ${protocol.name}`);
  }
  // The data is loaded and split once; only the models' own streams change with the seed.
  const seeds = options.seeds ?? experiment.training.seeds ?? [experiment.training.seed];
  const taskRun = (runs: ModelResult[][]): TaskRun => ({
    experiment,
    protocol,
    trainRows: data.train.rows,
    testRows: data.test.rows,
    seeds,
    runs,
    wallSeconds: (performance.now() - started) / 1000,
  });
  const onModelDone = options.onModelDone && seeds.length === 1 ? options.onModelDone : undefined;
  const runs = seeds.map((seed) =>
    runExperiment(experiment, data, {
      registry,
      backend,
      dtype: protocol.dtype,
      epochs,
      generatorFor: protocol.generatorFor(registry, seed),
      quiet: options.quiet,
      onModelDone: onModelDone && ((results) => onModelDone(taskRun([[...results]]))),
    }),
  );
  return taskRun(runs);
}
