import { Tensor, Xoshiro128Generator, buildModel, type DType, type Model, type ModelSpec } from "@nabla/core";
import { exportOnnx, type OnnxExportOptions } from "../src/index.js";
import { runOnnxModel } from "./run-onnx-model.js";

/** A model built from `spec` with random weights and, unlike a fresh model, random non-zero biases, so Gemm's bias is checked too. */
export function randomModel(spec: ModelSpec, dtype: DType, seed = 7): Model {
  const model = buildModel(spec, { dtype, seed });
  const generator = new Xoshiro128Generator(seed + 1);
  for (const parameter of model.parameters()) if (parameter.name === "bias") generator.fillStandardNormal(parameter.value.data);
  return model;
}

/** `rows` × `features` standard normal values in the given dtype. */
export function randomRows(rows: number, features: number, dtype: DType, seed = 11): Float32Array | Float64Array {
  const values = dtype === "float32" ? new Float32Array(rows * features) : new Float64Array(rows * features);
  new Xoshiro128Generator(seed).fillStandardNormal(values);
  return values;
}

/**
 * max |a − e| / max |e|: the largest difference relative to the outputs' scale. Element by
 * element it would be ill-conditioned: a logit near 0 that is the sum of 3072 products of
 * order 1 carries float32 rounding of order 1e-6 in absolute terms, whoever sums it.
 */
export function relativeDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) throw new Error(`${actual.length} values against ${expected.length}`);
  let difference = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    difference = Math.max(difference, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return difference / scale;
}

/** What ONNX Runtime gives for the exported model next to what `model.predict` gives, on the same rows. */
export async function predictBoth(
  model: Model,
  rows: Float32Array | Float64Array,
  options: OnnxExportOptions = {},
): Promise<{ onnx: ArrayLike<number>; onnxDims: readonly number[]; nabla: ArrayLike<number> }> {
  const features = model.toSpec().input.shape[0];
  const shape = [rows.length / features, features];
  const nabla = model.predict(Tensor.from(rows, shape, { dtype: model.dtype, backend: model.backend })).data;
  const { data, dims } = await runOnnxModel(exportOnnx(model, options), rows, shape, {
    input: options.inputName ?? "input",
    output: options.outputName ?? "output",
  });
  return { onnx: data, onnxDims: dims, nabla };
}
