import { resumeCheckpoint, saveCheckpoint } from "../io/checkpoint.js";
import type { Loss, Targets } from "../loss.js";
import { allFinite, gatherRows } from "../ops.js";
import type { Optimizer } from "../optimizer.js";
import type { Model } from "../spec/model.js";
import { Tensor, isTensor } from "../tensor.js";
import type { EpochInfo, FitOptions, FitResult } from "./fit.js";
import { checkTrainingData } from "./check-training-data.js";
import { FitOptionsError } from "./fit-options-error.js";
import { NonFiniteLossError } from "./non-finite-loss-error.js";

function selectTargets(targets: Targets, indices: Int32Array, buffer: Targets | undefined): Targets {
  if (isTensor(targets)) return gatherRows(targets, indices, buffer as Tensor | undefined);
  const labels = (buffer as Int32Array | undefined) ?? new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) labels[r] = targets[indices[r]];
  return labels;
}

/**
 * One training run, epoch by epoch: the single loop behind fit (which drives it to the end) and
 * fitAsync (which yields to the event loop between epochs and may stop it). It resumes from a
 * checkpoint when asked and saves one after every `checkpoint.every` epochs, the last, and a stop.
 */
export class TrainingRun {
  readonly lossHistory: number[] = [];
  private epochsDone = 0;
  private savedEpoch = -1;
  private stopped = false;
  private readonly start = performance.now();
  private readonly loss: Loss;
  private readonly optimizer: Optimizer;
  private readonly batchSize: number;
  private readonly checkpointEvery: number;

  constructor(
    private readonly model: Model,
    private readonly x: Tensor,
    private readonly y: Targets,
    private readonly options: FitOptions,
  ) {
    if (!model.loss || !model.optimizer) throw new FitOptionsError("model", "fit needs a model whose spec names a loss and an optimizer");
    this.loss = model.loss;
    this.optimizer = model.optimizer;
    if (!Number.isInteger(options.epochs) || options.epochs < 1) throw new FitOptionsError("epochs", `epochs must be a positive integer, got ${options.epochs}`);
    this.batchSize = options.batchSize ?? x.rows;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new FitOptionsError("batchSize", `batchSize must be a positive integer, got ${this.batchSize}`);
    this.checkpointEvery = options.checkpoint?.every ?? 1;
    if (!Number.isInteger(this.checkpointEvery) || this.checkpointEvery < 1) {
      throw new FitOptionsError("checkpoint.every", `must be a positive integer number of epochs, got ${this.checkpointEvery}`);
    }
    // Here, not in fit, so that fit and fitAsync both refuse bad data before the first epoch.
    checkTrainingData(model, x, y);
    if (options.resumeFrom !== undefined) {
      const progress = resumeCheckpoint(options.resumeFrom, model, options.generator);
      this.epochsDone = progress.epoch;
      this.lossHistory.push(...progress.lossHistory);
    }
  }

  /** Runs the remaining epochs, yielding after each one (its checkpoint, if due, already written). */
  *epochs(): Generator<EpochInfo, void, undefined> {
    const { model, x, y, options, loss, optimizer, batchSize } = this;
    const rows = x.rows;
    const fullBatch = batchSize >= rows;
    // Mini-batches gather rows, so 1-D regression targets become one column, once, before the loop.
    const batchTargets = !fullBatch && isTensor(y) && y.shape.length === 1 ? Tensor.from(y.data, [y.size, 1], y) : y;
    const batchBuffers = new Map<number, { x: Tensor; y: Targets }>();
    model.train();

    while (this.epochsDone < options.epochs) {
      const epoch = this.epochsDone + 1;
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
      const info: EpochInfo = { epoch, epochs: options.epochs, loss: lossSum / steps, elapsed: (performance.now() - this.start) / 1000 };
      this.lossHistory.push(info.loss);
      this.epochsDone = epoch;
      if (options.onEpochEnd?.(info) === false) {
        this.stop();
        return;
      }
      if (epoch % this.checkpointEvery === 0 || epoch === options.epochs) this.saveCheckpoint();
      yield info;
    }
  }

  /** Ends the run before its last epoch, saving a checkpoint of where it got to (if configured). */
  stop(): void {
    this.stopped = this.epochsDone < this.options.epochs;
    this.saveCheckpoint();
  }

  result(): FitResult {
    return { lossHistory: [...this.lossHistory], seconds: (performance.now() - this.start) / 1000, stopped: this.stopped };
  }

  private saveCheckpoint(): void {
    const checkpoint = this.options.checkpoint;
    if (!checkpoint || this.savedEpoch === this.epochsDone) return;
    saveCheckpoint(checkpoint.path, this.model, this.options.generator, { epoch: this.epochsDone, lossHistory: this.lossHistory });
    this.savedEpoch = this.epochsDone;
  }
}
