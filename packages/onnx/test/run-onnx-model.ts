import * as ort from "onnxruntime-web";

// One thread: the machine is shared, and ORT web's worker threads would need a worker script.
ort.env.wasm.numThreads = 1;

/** Runs an exported model in ONNX Runtime (web, in Node: its wasm ships in the npm package) on rows of the model's dtype. */
export async function runOnnxModel(
  bytes: Uint8Array,
  rows: Float32Array | Float64Array,
  shape: readonly number[],
  names: { input: string; output: string } = { input: "input", output: "output" },
): Promise<{ data: Float32Array | Float64Array; dims: readonly number[] }> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const type = rows instanceof Float32Array ? "float32" : "float64";
    const results = await session.run({ [names.input]: new ort.Tensor(type, rows, shape) });
    const output = results[names.output];
    return { data: output.data as Float32Array | Float64Array, dims: output.dims };
  } finally {
    await session.release();
  }
}
