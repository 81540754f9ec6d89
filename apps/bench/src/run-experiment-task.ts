import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { getDefaultRegistry, selectBackend } from "@nabla/core";
import { importPlugins } from "./import-plugins.js";
import { loadExperiment } from "./load-experiment.js";
import { benchCommand, resultsFolder, runSettingsFromEnv } from "./run-settings.js";
import { runTask, type TaskRun } from "./run-task.js";
import { writeResults } from "./write-results.js";
import { writeSeedResults } from "./write-seed-results.js";

/**
 * The body of one experiment's turbo task (`nabla-bench run experiment.json [--quick]`): trains
 * its models with the run settings `pnpm bench` put in the environment and writes the results
 * into the experiment's folder, where turbo caches them.
 */
export async function runExperimentTask(file: string, quick: boolean): Promise<void> {
  const experiment = loadExperiment(file);
  await importPlugins(experiment.plugins ?? [], experiment.file);
  const settings = runSettingsFromEnv(process.env, quick);
  const registry = getDefaultRegistry();
  const backend = selectBackend(registry, settings.backend);
  const outDir = join(dirname(experiment.file), resultsFolder(settings, experiment.training.protocol ?? "nabla"));
  const command = benchCommand(experiment.name, settings);
  const seeds = settings.seeds ? Array.from({ length: settings.seeds }, (_, i) => i + 1) : experiment.training.seeds;
  if (seeds && (settings.protocol ?? experiment.training.protocol) === "reference") {
    throw new Error("seeds use the nabla protocol: the reference protocol is one fixed stream");
  }
  console.error(`${experiment.name}: backend ${backend.name}, results in ${outDir}`);

  const write = (run: TaskRun) =>
    writeResults(
      outDir,
      experiment,
      {
        protocol: run.protocol.name,
        dtype: run.protocol.dtype,
        backend: backend.name,
        quick,
        command,
        trainRows: run.trainRows,
        testRows: run.testRows,
        generator: run.protocol.generator,
        wallSeconds: run.wallSeconds,
      },
      run.runs[0],
    );
  const run = await runTask(experiment, {
    registry,
    backend,
    protocol: settings.protocol,
    quick,
    dataDir: process.env.NABLA_DATA_DIR,
    epochs: settings.epochs,
    seeds,
    onModelDone: seeds ? undefined : write,
  });
  if (seeds) {
    const table = writeSeedResults(outDir, experiment, registry, {
      command,
      protocol: run.protocol.name,
      dtype: run.protocol.dtype,
      backend: backend.name,
      generator: run.protocol.generator,
      epochs: run.runs[0][0].epochs,
      trainRows: run.trainRows,
      testRows: run.testRows,
    }, seeds, run.runs);
    console.log(`\n${readFileSync(table, "utf8")}`);
    return;
  }
  const written = write(run);
  console.log(`\n${readFileSync(written.table, "utf8")}`);
}
