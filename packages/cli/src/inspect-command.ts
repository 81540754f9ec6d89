import { loadPlugins } from "./load-plugins.js";
import { openModelFile, readModelFileInfo } from "./open-model-file.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { expandedFeatureNames, takesRawRows, type Preprocessing } from "./preprocessing.js";
import { formatTextTable } from "./text-table.js";

const INSPECT_OPTIONS = {
  json: { type: "boolean" },
  weights: { type: "boolean" },
} as const;

/** The usage line of `nabla inspect`. */
export const INSPECT_USAGE = "nabla inspect <model.safetensors> [--json [--weights]]";

/**
 * The weights of the model as Nabla loads it, by tensor name. Names follow the model file
 * format (`layers.<index in the spec>.<parameter>`, as PyTorch's nn.Sequential numbers them).
 */
function loadedWeights(path: string): Record<string, number[]> {
  const { model } = openModelFile(path);
  const weights: Record<string, number[]> = {};
  model.network.modules.forEach((module, i) => {
    for (const parameter of module.parameters()) weights[`layers.${i}.${parameter.name}`] = Array.from(parameter.value.data);
  });
  return weights;
}

function describeColumns(preprocessing: Preprocessing): string[] {
  return preprocessing.features.map((feature) =>
    feature.kind === "numeric"
      ? `  ${feature.name} (number${feature.fill === null ? "" : `, empty → ${feature.fill}`})`
      : `  ${feature.name} (one of ${feature.categories.map((c) => JSON.stringify(c)).join(", ")}${feature.fill === null ? "" : `, empty → ${JSON.stringify(feature.fill)}`})`,
  );
}

/**
 * `nabla inspect`: what a model file holds without running it: the spec, dtype, parameter count,
 * tensor table, the raw columns `predict` takes and the inputs of its ONNX export; with
 * `--json --weights` also the loaded weights (what scripts/load-in-python.py compares against).
 */
export async function runInspectCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("inspect", args, INSPECT_OPTIONS, ["model.safetensors"]);
  if (values.help) {
    process.stdout.write(`${INSPECT_USAGE}\n`);
    return 0;
  }
  await loadPlugins(values.plugin ?? []);
  const { info, preprocessing } = readModelFileInfo(positionals[0]);
  const parameterCount = info.tensors.reduce((sum, tensor) => sum + tensor.shape.reduce((a, b) => a * b, 1), 0);
  const onnxInputs = expandedFeatureNames(preprocessing);
  if (values.json) {
    const weights = values.weights ? { weights: loadedWeights(positionals[0]) } : {};
    process.stdout.write(
      `${JSON.stringify({ formatVersion: info.formatVersion, dtype: info.dtype, parameterCount, spec: info.spec, preprocessing, onnxInputs, tensors: info.tensors, ...weights }, null, 2)}\n`,
    );
    return 0;
  }
  const lines = [
    `${positionals[0]}: format version ${info.formatVersion}, ${info.dtype}, ${parameterCount} parameters`,
    `task: ${preprocessing.task}, target "${preprocessing.target}"${preprocessing.classLabels ? `, classes ${preprocessing.classLabels.join(", ")}` : ""}`,
    `predict and evaluate take these raw columns (empty cells: ${preprocessing.missing}):`,
    ...describeColumns(preprocessing),
    takesRawRows(preprocessing)
      ? `ONNX input: the same ${onnxInputs.length} numbers per row, in this order (scaling and fill values are graph nodes)`
      : `ONNX input: ${onnxInputs.length} numbers per row with text columns one-hot encoded: ${onnxInputs.join(", ")}`,
    "spec:",
    JSON.stringify(info.spec, null, 2),
    formatTextTable(["tensor", "dtype", "shape"], info.tensors.map((t) => [t.name, t.dtype, `[${t.shape.join(", ")}]`])),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
