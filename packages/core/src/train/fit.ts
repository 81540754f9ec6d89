import { allFinite, gatherRows } from "../ops.js";
import type { Targets } from "../loss.js";
import type { Model } from "../spec/model.js";
import { Tensor, isTensor } from "../tensor.js";
import type { RandomGenerator } from "../random/random-generator.js";
import { checkTrainingData } from "./check-training-data.js";
import { NonFiniteLossError } from "./non-finite-loss-error.js";

export interface EpochInfo {
  /** 1-based epoch number. */
  epoch: number;
  epochs: number;
  /** Mean training loss of the epoch (over its mini-batches). */
  loss: number;
  /** Seconds since fit started. */
  elapsed: number;
}

export interface FitOptions {
  epochs: number;
  /** Rows per optimizer step; omitted = full batch (one step per epoch, as in the report). */
  batchSize?: number;
  /** Draws the mini-batch order each epoch (required with batchSize < rows to shuffle). */
  generator?: RandomGenerator;
  /** Called after each epoch; returning false stops training early. */
  onEpochEnd?: (info: EpochInfo) => void | boolean;
}

export interface FitResult {
  /** Training loss per epoch. */
  lossHistory: number[];
  seconds: number;
}

function selectTargets(targets: Targets, indices: Int32Array, buffer: Targets | undefined): Targets {
  if (isTensor(targets)) return gatherRows(targets, indices, buffer as Tensor | undefined);
  const labels = (buffer as Int32Array | undefined) ?? new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) labels[r] = targets[indices[r]];
  return labels;
}

/**
 * Trains `model` with its spec's loss and optimizer. Full batch by default: each epoch is one
 * forward pass over all rows, one backward pass and one optimizer step (the report's protocol).
 */
export function fit(model: Model, x: Tensor, y: Targets, options: FitOptions): FitResult {
  const { loss, optimizer } = model;
  if (!loss || !optimizer) throw new Error("fit needs a model whose spec names a loss and an optimizer");
  checkTrainingData(model, x, y);
  if (!Number.isInteger(options.epochs) || options.epochs < 1) throw new RangeError(`epochs must be a positive integer, got ${options.epochs}`);
  const rows = x.rows;
  const targetCount = isTensor(y) ? y.rows : y.length;
  if (targetCount !== rows) throw new RangeError(`x has ${rows} rows but y has ${targetCount} targets`);
  const batchSize = options.batchSize ?? rows;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);

  const fullBatch = batchSize >= rows;
  // Mini-batches gather rows, so 1-D regression targets become one column, once, before the loop.
  const batchTargets = !fullBatch && isTensor(y) && y.shape.length === 1 ? Tensor.from(y.data, [y.size, 1], y) : y;
  const start = performance.now();
  const lossHistory: number[] = [];
  const batchBuffers = new Map<number, { x: Tensor; y: Targets }>();
  model.train();

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    let lossSum = 0;
    let steps = 0;
    const order = fullBatch ? undefined : (options.generator?.permutation(rows) ?? Int32Array.from({ length: rows }, (_, i) => i));
    for (let offset = 0; offset < rows; offset += batchSize) {
      let batchX = x;
      let batchY = y;
      if (order) {
        const indices = order.subarray(offset, Math.min(offset + batchSize, rows));
        const buffers = batchBuffers.get(indices.length);
        batchX = gatherRows(x, indices, buffers?.x);
        batchY = selectTargets(batchTargets, indices, buffers?.y);
        batchBuffers.set(indices.length, { x: batchX, y: batchY });
      }
      const predictions = model.network.forward(batchX);
      const value = loss.forward(predictions, batchY);
      if (!Number.isFinite(value)) {
        const layerIndex = model.network.outputs.findIndex((out) => out !== undefined && !allFinite(out));
        throw new NonFiniteLossError(epoch, value, layerIndex, layerIndex >= 0 ? model.network.modules[layerIndex].type : undefined);
      }
      model.network.backward(loss.backward(), { inputGrad: false });
      optimizer.step();
      lossSum += value;
      steps++;
    }
    const info: EpochInfo = { epoch, epochs: options.epochs, loss: lossSum / steps, elapsed: (performance.now() - start) / 1000 };
    lossHistory.push(info.loss);
    if (options.onEpochEnd?.(info) === false) break;
  }
  return { lossHistory, seconds: (performance.now() - start) / 1000 };
}
