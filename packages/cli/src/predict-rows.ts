import { Tensor, type Model } from "@nabla/core";
import type { AppliedPreprocessing } from "./apply-preprocessing.js";
import type { Task } from "./preprocessing.js";

/** The model's prediction per row: a value (regression) or the index of the highest-scoring class (classification). */
export function predictRows(model: Model, task: Task, inputs: AppliedPreprocessing): Float64Array | Int32Array {
  const x = Tensor.from(inputs.features, [inputs.rows, inputs.cols], { backend: model.backend, dtype: model.dtype });
  const output = model.predict(x);
  const width = output.cols;
  if (task === "regression") return Float64Array.from({ length: inputs.rows }, (_, r) => output.data[r * width]);
  return Int32Array.from({ length: inputs.rows }, (_, r) => {
    let best = 0;
    for (let c = 1; c < width; c++) if (output.data[r * width + c] > output.data[r * width + best]) best = c;
    return best;
  });
}
