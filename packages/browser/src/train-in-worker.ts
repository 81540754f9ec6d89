import type { EpochInfo, ModelSpec } from "@nabla/core";
import { TrainInWorkerError } from "./train-in-worker-error.js";
import type { TrainEvent, TrainRequest, TrainingData, WorkerBackendInfo, WorkerTrainingOptions } from "./train-worker-protocol.js";

/** What trainInWorker accepts beyond how to train. */
export interface TrainInWorkerOptions extends WorkerTrainingOptions {
  /** Called once the worker has built the model, with the backend and thread count it trains on. */
  onStart?: (backend: WorkerBackendInfo) => void;
  /** Called after every epoch with its mean training loss. */
  onEpoch?: (info: EpochInfo) => void;
  /** Aborting stops training after the current epoch; the promise then resolves with `stopped: true`. */
  signal?: AbortSignal;
  /** Starts the worker; by default this package's train-worker.js, as a module worker. */
  createWorker?: () => Worker;
}

/** What trainInWorker resolves to. */
export interface TrainInWorkerResult {
  /** The trained model as safetensors bytes: `deserializeModel(modelBytes)` rebuilds it. */
  readonly modelBytes: Uint8Array;
  /** Mean training loss per epoch. */
  readonly lossHistory: number[];
  /** Wall-clock training time in the worker. */
  readonly seconds: number;
  /** True when the signal stopped training before the last epoch. */
  readonly stopped: boolean;
  /** The backend and thread count it trained on. */
  readonly backend: WorkerBackendInfo;
}

/**
 * Trains the model `spec` describes on `data` in a dedicated Web Worker, on the wasm backend: a
 * page's main thread may not block, which the threaded kernels need, and the page stays
 * responsive. Threads are used when the page is crossOriginIsolated (COOP/COEP headers), one
 * otherwise. Resolves with the trained model's bytes; rejects with TrainInWorkerError (carrying
 * the spec's JSON path for a bad spec). The worker is terminated when training ends.
 */
export function trainInWorker(spec: ModelSpec, data: TrainingData, options: TrainInWorkerOptions): Promise<TrainInWorkerResult> {
  const { onStart, onEpoch, signal, createWorker, ...training } = options;
  const worker = createWorker ? createWorker() : new Worker(new URL("./train-worker.js", import.meta.url), { type: "module", name: "nabla-train" });
  return new Promise<TrainInWorkerResult>((resolve, reject) => {
    let backend: WorkerBackendInfo | undefined;
    const send = (request: TrainRequest) => worker.postMessage(request);
    const stop = () => send({ type: "stop" });
    const finish = () => {
      signal?.removeEventListener("abort", stop);
      worker.terminate();
    };
    worker.onerror = (event) => {
      finish();
      reject(new TrainInWorkerError("WorkerError", event.message || "the training worker failed to start"));
    };
    worker.onmessage = (event: MessageEvent<TrainEvent>) => {
      const message = event.data;
      if (message.type === "started") {
        backend = message.backend;
        onStart?.(backend);
      } else if (message.type === "epoch") {
        onEpoch?.(message.info);
      } else if (message.type === "done") {
        finish();
        resolve({ modelBytes: message.modelBytes, lossHistory: message.lossHistory, seconds: message.seconds, stopped: message.stopped, backend: backend! });
      } else {
        finish();
        reject(new TrainInWorkerError(message.name, message.message, message.path));
      }
    };
    signal?.addEventListener("abort", stop, { once: true });
    send({ type: "train", spec, data, options: training });
    if (signal?.aborted) stop();
  });
}
