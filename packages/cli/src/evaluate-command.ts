import { getDefaultRegistry } from "@nabla/core";
import { applyPreprocessing } from "./apply-preprocessing.js";
import { loadPlugins } from "./load-plugins.js";
import { openModelFile } from "./open-model-file.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { predictRows } from "./predict-rows.js";
import { readDataTable } from "./read-data-table.js";
import { computeTaskMetrics } from "./task-metrics.js";
import { formatTextTable } from "./text-table.js";
import { UsageError } from "./usage-error.js";

const EVALUATE_OPTIONS = {
  data: { type: "string" },
  target: { type: "string" },
  backend: { type: "string" },
  json: { type: "boolean" },
} as const;

/** The usage line of `nabla evaluate`. */
export const EVALUATE_USAGE = "nabla evaluate <model.safetensors> --data <dataset|file.csv|file.npy|file.npz> [--target COLUMN] [--json] [--backend NAME]";

/**
 * `nabla evaluate`: scores a saved model on raw rows (its preprocessing applied as in training)
 * with its task's metrics, as a table or as JSON.
 */
export async function runEvaluateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("evaluate", args, EVALUATE_OPTIONS, ["model.safetensors"]);
  if (values.help) {
    process.stdout.write(`${EVALUATE_USAGE}\n`);
    return 0;
  }
  if (!values.data) throw new UsageError("missing --data", "nabla evaluate");
  await loadPlugins(values.plugin ?? []);
  const [modelPath] = positionals;
  const { model, preprocessing } = openModelFile(modelPath, values.backend);
  const table = await readDataTable(values.data, { registry: getDefaultRegistry(), split: "test", flag: "--data" });
  // --target renames the target column for data that calls it differently from the training file.
  const applied = applyPreprocessing(values.target ? { ...preprocessing, target: values.target } : preprocessing, table, true);
  const predictions = predictRows(model, preprocessing.task, applied);
  const metrics = computeTaskMetrics(preprocessing.task, applied.targets!, predictions);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ task: preprocessing.task, rows: applied.rows, metrics: Object.fromEntries(metrics.map((m) => [m.key, m.value])) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${preprocessing.task} on ${applied.rows} rows of ${table.source}\n`);
    process.stdout.write(`${formatTextTable(["metric", "value"], metrics.map((m) => [m.label, m.value.toFixed(6)]), [1])}\n`);
  }
  return 0;
}
