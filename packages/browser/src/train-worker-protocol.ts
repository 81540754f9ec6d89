import type { DType, EpochInfo, ModelSpec } from "@nabla/core";

/** Rows to train on: features row-major [rows × cols]; targets one value (regression) or one label (classification) per row. */
export interface TrainingData {
  /** rows × cols feature values, row-major. */
  readonly features: Float64Array | Float32Array | Uint8Array;
  /** The number of rows (samples). */
  readonly rows: number;
  /** The number of features per row. */
  readonly cols: number;
  /** One target value (regression) or class label (classification) per row. */
  readonly targets: Float64Array | Float32Array | Int32Array;
}

/** How the worker trains. */
export interface WorkerTrainingOptions {
  /** Epochs to train. */
  epochs: number;
  /** Rows per optimizer step; omitted = full batch. */
  batchSize?: number;
  /** Seeds the model's initial weights and the mini-batch order (default 42). */
  seed?: number;
  /** Storage type of the model (default "float32"). */
  dtype?: DType;
  /** Threads for the wasm backend (default: every core when the page is crossOriginIsolated, else 1). */
  threads?: number;
}

/** The backend a worker trains on, as reported before the first epoch. */
export interface WorkerBackendInfo {
  /** Registered backend name, e.g. "wasm". */
  readonly name: string;
  /** Threads a matrix product is split across (1 when the page is not crossOriginIsolated). */
  readonly threads: number;
  /** Whether the page is cross-origin isolated (COOP/COEP), which threads need. */
  readonly crossOriginIsolated: boolean;
  /** Whether the GEMM uses relaxed-SIMD fused multiply-add. */
  readonly relaxedSimd: boolean;
}

/** A message from the page to the training worker. */
export type TrainRequest =
  | { readonly type: "train"; readonly spec: ModelSpec; readonly data: TrainingData; readonly options: WorkerTrainingOptions }
  | { readonly type: "stop" };

/** A message from the training worker to the page. */
export type TrainEvent =
  | { readonly type: "started"; readonly backend: WorkerBackendInfo }
  | { readonly type: "epoch"; readonly info: EpochInfo }
  | {
      readonly type: "done";
      readonly modelBytes: Uint8Array;
      readonly lossHistory: number[];
      readonly seconds: number;
      readonly stopped: boolean;
    }
  | { readonly type: "error"; readonly name: string; readonly message: string; readonly path?: string };
