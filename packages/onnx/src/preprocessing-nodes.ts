import type { OnnxGraph } from "./onnx-graph.js";
import { OnnxExportError } from "./onnx-export-error.js";

/**
 * What training did to each input feature before the model saw it, to be done inside the
 * exported graph so that it takes raw rows: y = (x − mean) / scale, after a missing cell (NaN)
 * of feature i takes `fill[i]`.
 */
export interface OnnxPreprocessing {
  /** Per feature, what standardization subtracts. */
  mean: ArrayLike<number>;
  /** Per feature, what standardization divides by (never 0: a constant column has scale 1). */
  scale: ArrayLike<number>;
  /** Per feature, the value a missing (NaN) cell takes; `null` leaves that feature's NaN as it is. */
  fill?: ArrayLike<number | null>;
}

const PATH = "options.preprocessing";

/**
 * Appends the preprocessing nodes after `input` and returns the tensor they produce:
 * Where(IsNaN(x), fill, x) when there are fill values, then Sub(mean), then Div(scale), in the
 * order and with the operations the training code applies them (StandardScaler divides).
 */
export function appendPreprocessingNodes(graph: OnnxGraph, input: string, preprocessing: OnnxPreprocessing, features: number): string {
  const { mean, scale, fill } = preprocessing;
  const lengths = { mean: mean.length, scale: scale.length, fill: fill?.length ?? features };
  for (const [label, length] of Object.entries(lengths)) {
    if (length !== features) throw new OnnxExportError(`${PATH}.${label}`, `expected one value per input feature (${features}), got ${length}`);
  }
  for (let i = 0; i < features; i++) {
    if (!Number.isFinite(mean[i])) throw new OnnxExportError(`${PATH}.mean[${i}]`, `expected a finite number, got ${mean[i]}`);
    if (!Number.isFinite(scale[i]) || scale[i] === 0) {
      throw new OnnxExportError(`${PATH}.scale[${i}]`, `expected a finite, non-zero number, got ${scale[i]}`);
    }
    const fillValue = fill?.[i];
    if (fillValue !== undefined && fillValue !== null && !Number.isFinite(fillValue)) {
      throw new OnnxExportError(`${PATH}.fill[${i}]`, `expected a finite number or null, got ${fillValue}`);
    }
  }

  let x = input;
  const fillValues = fill && Array.from(fill, (value) => value ?? Number.NaN);
  if (fillValues?.some((value) => !Number.isNaN(value))) {
    // A feature without a fill value gets NaN as its fill, so its NaN cells stay NaN.
    x = graph.node("Where", [graph.node("IsNaN", [x]), graph.constant(fillValues, [features]), x]);
  }
  x = graph.node("Sub", [x, graph.constant(mean, [features])]);
  return graph.node("Div", [x, graph.constant(scale, [features])]);
}
