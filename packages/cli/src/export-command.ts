import { writeFileAtomic } from "@nabla/core";
import { exportOnnx } from "@nabla/onnx";
import { loadPlugins } from "./load-plugins.js";
import { openModelFile } from "./open-model-file.js";
import { parseCommandArgs } from "./parse-command-args.js";
import type { Preprocessing } from "./preprocessing.js";
import { UsageError } from "./usage-error.js";

const EXPORT_OPTIONS = {
  onnx: { type: "string" },
} as const;

/** The usage line of `nabla export`. */
export const EXPORT_USAGE = "nabla export <model.safetensors> --onnx <out.onnx>";

/** Fill values per network input: a numeric column's fill; none for one-hot columns (their encoding is the graph's input). */
export function onnxFillValues(preprocessing: Preprocessing): (number | null)[] {
  return preprocessing.features.flatMap((feature) => (feature.kind === "numeric" ? [feature.fill] : feature.categories.map(() => null)));
}

/**
 * `nabla export`: writes the model as an ONNX graph with its standardization and fill values as
 * graph nodes, so ONNX Runtime takes the raw numeric rows `nabla predict` takes (with one-hot
 * columns, their encoding; `nabla inspect` lists the inputs).
 */
export async function runExportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("export", args, EXPORT_OPTIONS, ["model.safetensors"]);
  if (values.help) {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return 0;
  }
  if (!values.onnx) throw new UsageError("missing --onnx <out.onnx>", "nabla export");
  await loadPlugins(values.plugin ?? []);
  const { model, preprocessing } = openModelFile(positionals[0]);
  const bytes = exportOnnx(model, {
    softmax: preprocessing.task === "classification",
    preprocessing: { mean: preprocessing.mean, scale: preprocessing.scale, fill: onnxFillValues(preprocessing) },
  });
  writeFileAtomic(values.onnx, bytes);
  if (!values.quiet) process.stderr.write(`nabla export: wrote ${values.onnx}\n`);
  return 0;
}
