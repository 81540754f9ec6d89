import { existsSync } from "node:fs";
import { Tensor, Xoshiro128Generator, buildModel, fitAsync, getDefaultRegistry, saveModel, selectBackend, type Backend, type Model } from "@nabla/core";
import { createEpochProgress } from "./epoch-progress.js";
import { fitPreprocessing, type PreparedTable } from "./fit-preprocessing.js";
import { loadPlugins } from "./load-plugins.js";
import { parseChoiceFlag, parseCommandArgs, parseIntegerFlag } from "./parse-command-args.js";
import { expandedFeatureNames, MISSING_VALUE_POLICIES, PREPROCESSING_METADATA_KEY } from "./preprocessing.js";
import { readDataTable } from "./read-data-table.js";
import { readSpecFile, specErrorIn, taskOfSpec } from "./read-spec-file.js";
import { assertTargetScalingFoldable, fitTargetScaling, foldTargetScaling, type TargetScaling } from "./target-scaling.js";
import { UsageError } from "./usage-error.js";

/** The exit status of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const INTERRUPTED_EXIT_CODE = 130;

const TRAIN_OPTIONS = {
  data: { type: "string" },
  target: { type: "string" },
  epochs: { type: "string" },
  "batch-size": { type: "string" },
  seed: { type: "string" },
  backend: { type: "string" },
  checkpoint: { type: "string" },
  resume: { type: "boolean" },
  out: { type: "string" },
  missing: { type: "string" },
  categorical: { type: "string", multiple: true },
  "scale-target": { type: "boolean" },
} as const;

/** The usage line of `nabla train`. */
export const TRAIN_USAGE =
  "nabla train <spec.json> --data <california-housing|cifar10|file.csv|file.npy|file.npz> --out <model.safetensors> [--target COLUMN] [--categorical COLUMN]… [--missing error|mean|drop] [--scale-target] [--epochs N] [--batch-size N] [--seed N] [--backend NAME] [--checkpoint FILE [--resume]] [--plugin PACKAGE]…";

function selectBackendFlag(name: string | undefined): Backend {
  try {
    return selectBackend(getDefaultRegistry(), name);
  } catch (error) {
    throw new UsageError((error as Error).message, "--backend");
  }
}

/** Checks that the network has one output (regression) or one per class (classification). */
function assertOutputWidth(model: Model, prepared: PreparedTable, specPath: string): void {
  const firstRow = Tensor.from(prepared.features.subarray(0, prepared.cols), [1, prepared.cols], { backend: model.backend, dtype: model.dtype });
  const width = model.predict(firstRow).cols;
  const labels = prepared.preprocessing.classLabels;
  const expected = labels ? labels.length : 1;
  if (width === expected) return;
  const what = labels ? `${labels.length} classes (${labels.slice(0, 12).join(", ")}${labels.length > 12 ? ", …" : ""})` : "one target";
  throw new UsageError(`the data has ${what} but the network has ${width} outputs`, `${specPath} at $.layers[${model.network.modules.length - 1}]`);
}

/**
 * `nabla train`: fits the preprocessing to the data, builds the spec's model, trains it (with a
 * checkpoint each epoch when asked; Ctrl-C writes the checkpoint and exits 130) and saves it
 * with its preprocessing. `--scale-target` trains a regression on the standardized target and
 * folds the scaling into the last layer before saving.
 */
export async function runTrainCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("train", args, TRAIN_OPTIONS, ["spec.json"]);
  if (values.help) {
    process.stdout.write(`${TRAIN_USAGE}\n`);
    return 0;
  }
  const [specPath] = positionals;
  if (!values.data) throw new UsageError("missing --data", "nabla train");
  if (!values.out) throw new UsageError("missing --out <model.safetensors>", "nabla train");
  if (values.resume && !values.checkpoint) throw new UsageError("--resume needs --checkpoint FILE", "--resume");
  const epochs = parseIntegerFlag(values.epochs, "--epochs", 100, 1);
  const batchSize = parseIntegerFlag(values["batch-size"], "--batch-size", undefined, 1);
  const seed = parseIntegerFlag(values.seed, "--seed", 42, 0);
  const missing = parseChoiceFlag(values.missing, "--missing", MISSING_VALUE_POLICIES, "error");
  await loadPlugins(values.plugin ?? []);

  const spec = readSpecFile(specPath);
  const task = taskOfSpec(spec, specPath);
  const backend = selectBackendFlag(values.backend);
  const table = await readDataTable(values.data, { registry: getDefaultRegistry(), split: "train", flag: "--data" });
  const prepared = fitPreprocessing(table, { task, target: values.target, categorical: values.categorical, missing });
  if (spec.input.shape.length !== 1 || spec.input.shape[0] !== prepared.cols) {
    const names = expandedFeatureNames(prepared.preprocessing);
    const shown = names.length > 12 ? `${names.slice(0, 12).join(", ")}, …` : names.join(", ");
    throw new UsageError(`the data gives ${prepared.cols} input features (${shown}) but the spec's input shape is [${spec.input.shape.join(", ")}]`, `${specPath} at $.input.shape`);
  }

  let model;
  try {
    model = buildModel(spec, { backend, seed });
  } catch (error) {
    throw specErrorIn(specPath, error);
  }
  assertOutputWidth(model, prepared, specPath);
  let targetScaling: TargetScaling | undefined;
  if (values["scale-target"]) {
    if (prepared.targets instanceof Int32Array) throw new UsageError("--scale-target is for regression; the spec's loss is for classification", "--scale-target");
    assertTargetScalingFoldable(model, specPath);
    targetScaling = fitTargetScaling(prepared.targets);
    const { mean, scale } = targetScaling;
    prepared.targets = prepared.targets.map((value) => (value - mean) / scale);
  }
  const x = Tensor.from(prepared.features, [prepared.rows, prepared.cols], { backend, dtype: model.dtype });
  const y = prepared.targets instanceof Int32Array ? prepared.targets : Tensor.from(prepared.targets, [prepared.rows, 1], { backend, dtype: model.dtype });
  const resumeFrom = values.resume && values.checkpoint && existsSync(values.checkpoint) ? values.checkpoint : undefined;

  const quiet = values.quiet === true;
  if (!quiet) {
    process.stderr.write(
      `nabla train: ${prepared.rows} rows, ${prepared.cols} features, ${task}, backend ${backend.name}${resumeFrom ? `, resuming from ${resumeFrom}` : ""}\n`,
    );
  }
  const progress = quiet ? undefined : createEpochProgress(epochs);
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once("SIGINT", onInterrupt);
  let result;
  try {
    result = await fitAsync(model, x, y, {
      epochs,
      batchSize,
      generator: new Xoshiro128Generator(seed),
      onEpochEnd: (info) => progress?.update(info),
      ...(values.checkpoint ? { checkpoint: { path: values.checkpoint } } : {}),
      ...(resumeFrom ? { resumeFrom } : {}),
      signal: controller.signal,
    });
  } finally {
    process.off("SIGINT", onInterrupt);
  }
  if (result.stopped) {
    progress?.bar.finish("interrupted");
    process.stderr.write(values.checkpoint ? `nabla train: interrupted; checkpoint written to ${values.checkpoint}\n` : "nabla train: interrupted\n");
    return INTERRUPTED_EXIT_CODE;
  }
  progress?.bar.finish();
  if (targetScaling) foldTargetScaling(model, targetScaling, specPath);
  const preprocessing = targetScaling ? { ...prepared.preprocessing, targetScaling } : prepared.preprocessing;
  saveModel(model, values.out, { metadata: { [PREPROCESSING_METADATA_KEY]: JSON.stringify(preprocessing) } });
  if (!quiet) process.stderr.write(`nabla train: wrote ${values.out}\n`);
  return 0;
}
