import { extname } from "node:path";
import { getDefaultRegistry, writeFileAtomic } from "@nabla/core";
import { applyPreprocessing } from "./apply-preprocessing.js";
import { csvField } from "./csv-field.js";
import type { DataTable } from "./data-table.js";
import { loadPlugins } from "./load-plugins.js";
import { openModelFile } from "./open-model-file.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { predictRows } from "./predict-rows.js";
import type { Preprocessing } from "./preprocessing.js";
import { readDataTable } from "./read-data-table.js";
import { UsageError } from "./usage-error.js";

const PREDICT_OPTIONS = {
  out: { type: "string" },
  backend: { type: "string" },
} as const;

/** The usage line of `nabla predict`. */
export const PREDICT_USAGE = "nabla predict <model.safetensors> <input.csv|input.npy> [--out FILE] [--backend NAME]";

/**
 * A .npy file's columns are numbered, not named: when it has one column per model input, take
 * them in the model's order.
 */
function byPosition(table: DataTable, preprocessing: Preprocessing): DataTable {
  const names = preprocessing.features.map((feature) => feature.name);
  if (table.columnNames.length !== names.length || preprocessing.features.some((feature) => feature.kind !== "numeric")) {
    throw new UsageError(`expected ${names.length} numeric columns (${names.join(", ")}), found ${table.columnNames.length}`, table.source);
  }
  return { ...table, columnNames: names, cell: table.cell, rowLocation: table.rowLocation };
}

/**
 * `nabla predict`: one prediction per input row, as CSV with the target's name as header
 * (a value for regression, a class label for classification), to stdout or `--out`.
 */
export async function runPredictCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("predict", args, PREDICT_OPTIONS, ["model.safetensors", "input"]);
  if (values.help) {
    process.stdout.write(`${PREDICT_USAGE}\n`);
    return 0;
  }
  await loadPlugins(values.plugin ?? []);
  const [modelPath, inputPath] = positionals;
  const extension = extname(inputPath).toLowerCase();
  if (extension !== ".csv" && extension !== ".npy") throw new UsageError(`expected a .csv or .npy file, got "${inputPath}"`, "nabla predict <input>");
  const { model, preprocessing } = openModelFile(modelPath, values.backend);
  const read = await readDataTable(inputPath, { registry: getDefaultRegistry(), split: "test", flag: "<input>" });
  const table = extension === ".npy" ? byPosition(read, preprocessing) : read;
  const predictions = predictRows(model, preprocessing.task, applyPreprocessing(preprocessing, table, false));
  const labels = preprocessing.classLabels;
  const lines = [csvField(preprocessing.target)];
  for (const prediction of predictions) lines.push(csvField(labels ? labels[prediction] : String(prediction)));
  const csv = `${lines.join("\n")}\n`;
  if (values.out) writeFileAtomic(values.out, csv);
  else process.stdout.write(csv);
  return 0;
}
