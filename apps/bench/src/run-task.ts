import { join } from "node:path";
import type { Backend, Registry } from "@nabla/core";
import type { ProtocolName, TaskName } from "./args.js";
import { loadExperiment, type Experiment } from "./experiment.js";
import { prepareData } from "./prepare-data.js";
import { protocolSettings, type ProtocolSettings } from "./protocol.js";
import { runExperiment, type ModelResult } from "./run-experiment.js";

export interface TaskOptions {
  benchDir: string;
  registry: Registry;
  backend: Backend;
  protocol: ProtocolName;
  quick: boolean;
  dataDir?: string;
  epochs?: number;
  quiet?: boolean;
}

export interface TaskRun {
  experiment: Experiment;
  protocol: ProtocolSettings;
  trainRows: number;
  testRows: number;
  results: ModelResult[];
}

/** Loads a task's experiment file and data, and trains its models under the chosen protocol. */
export async function runTask(task: TaskName, options: TaskOptions): Promise<TaskRun> {
  const { registry, backend } = options;
  const experiment = loadExperiment(join(options.benchDir, "experiments", `${task}.json`));
  const protocol = protocolSettings(options.protocol, experiment);
  const epochs = options.epochs ?? (options.quick ? experiment.quick.epochs : experiment.epochs);
  const data = await prepareData(experiment, {
    registry,
    backend,
    dtype: protocol.dtype,
    dataDir: options.dataDir,
    quick: options.quick,
    splitGenerator: protocol.splitGenerator,
  });
  if (!options.quiet) {
    console.error(`${task}: ${data.train.rows} training rows, ${data.test.rows} test rows, ${epochs} epochs, ${protocol.dtype}, protocol ${protocol.name}`);
  }
  const results = runExperiment(experiment, data, {
    registry,
    backend,
    dtype: protocol.dtype,
    epochs,
    generatorFor: protocol.generatorFor(registry, experiment.seed),
    quiet: options.quiet,
  });
  return { experiment, protocol, trainRows: data.train.rows, testRows: data.test.rows, results };
}
