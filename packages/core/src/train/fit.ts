import type { CheckpointOptions } from "../io/checkpoint.js";
import type { Targets } from "../loss.js";
import type { RandomGenerator } from "../random/random-generator.js";
import type { Model } from "../spec/model.js";
import type { Tensor } from "../tensor.js";
import { TrainingRun } from "./training-run.js";

/** What onEpochEnd is told after each epoch. */
export interface EpochInfo {
  /** 1-based epoch number. */
  epoch: number;
  /** The total number of epochs asked for. */
  epochs: number;
  /** Mean training loss of the epoch (over its mini-batches). */
  loss: number;
  /** Seconds since fit started. */
  elapsed: number;
}

/** How fit trains: epochs, batches, the shuffle generator, checkpoints. */
export interface FitOptions {
  /** Total epochs, counting those a resumed checkpoint already did. */
  epochs: number;
  /** Rows per optimizer step; omitted = full batch (one step per epoch, as in the report). */
  batchSize?: number;
  /** Draws the mini-batch order each epoch (required with batchSize < rows to shuffle). */
  generator?: RandomGenerator;
  /** Called after each epoch; returning false stops training early. */
  onEpochEnd?: (info: EpochInfo) => void | boolean;
  /** Saves everything needed to continue (parameters, optimizer and generator states, epoch, losses) atomically. Needs Node.js. */
  checkpoint?: CheckpointOptions;
  /**
   * A checkpoint to continue from: the model (built from the same spec) and `generator` are put
   * back where it left them, so the rest of the run is bit-identical to one never interrupted. Needs Node.js.
   */
  resumeFrom?: string;
}

/**
 * The part of an `AbortSignal` that fitAsync reads. Declared here so that consumers compiling
 * without the DOM or Node type libraries can still use core's types.
 */
export interface AbortSignalLike {
  /** True once training should stop. */
  readonly aborted: boolean;
}

/** What fitAsync accepts beyond fit's options. */
export interface FitAsyncOptions extends FitOptions {
  /** Aborting stops training after the current epoch, saving a checkpoint if one is configured. */
  signal?: AbortSignalLike;
}

/** What fit returns. */
export interface FitResult {
  /** Training loss per epoch (a resumed run's earlier epochs included). */
  lossHistory: number[];
  /** Wall-clock training time. */
  seconds: number;
  /** True when training ended before `epochs` (onEpochEnd returned false or the signal aborted). */
  stopped: boolean;
}

/**
 * Trains `model` with its spec's loss and optimizer. Full batch by default: each epoch is one
 * forward pass over all rows, one backward pass and one optimizer step (the report's protocol).
 */
export function fit(model: Model, x: Tensor, y: Targets, options: FitOptions): FitResult {
  const run = new TrainingRun(model, x, y, options);
  for (const _ of run.epochs());
  return run.result();
}

/**
 * fit that yields to the event loop after every epoch, so a SIGINT handler, a UI or a worker's
 * messages get to run, and stops when `options.signal` aborts: it then saves a checkpoint (if
 * configured) and returns with `stopped: true`. Works in browsers (it only uses setTimeout).
 */
export async function fitAsync(model: Model, x: Tensor, y: Targets, options: FitAsyncOptions): Promise<FitResult> {
  const run = new TrainingRun(model, x, y, options);
  const epochs = run.epochs();
  while (!options.signal?.aborted) {
    if (epochs.next().done) return run.result();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  run.stop();
  return run.result();
}
