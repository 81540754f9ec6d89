// The training worker: builds the model on the wasm backend, trains with fitAsync (which yields
// between epochs, so a "stop" message gets through) and posts the trained model's bytes back.
// Blocking waits (Atomics.wait) are allowed here, unlike on a page's main thread.
import "@nabla/activations";
import "@nabla/layers";
import "@nabla/losses";
import "@nabla/optimizers";
import { createWasmBackend } from "@nabla/backend-wasm";
import { SpecError, Tensor, buildModel, fitAsync, getDefaultRegistry, serializeModel, type Targets } from "@nabla/core";
import type { TrainEvent, TrainRequest, TrainingData, WorkerTrainingOptions } from "./train-worker-protocol.js";

interface WorkerScope {
  readonly crossOriginIsolated?: boolean;
  onmessage: ((event: MessageEvent<TrainRequest>) => void) | null;
  postMessage(message: TrainEvent, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let abort: AbortController | undefined;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === "stop") abort?.abort();
  else void train(request.spec, request.data, request.options).catch(reportError);
};

async function train(spec: unknown, data: TrainingData, options: WorkerTrainingOptions): Promise<void> {
  abort = new AbortController();
  const backend = createWasmBackend(options.threads === undefined ? {} : { threads: options.threads });
  await backend.whenThreadsStarted();
  const seed = options.seed ?? 42;
  const dtype = options.dtype ?? "float32";
  const model = buildModel(spec, { backend, dtype, seed });
  scope.postMessage({
    type: "started",
    backend: { name: backend.name, threads: backend.threads, crossOriginIsolated: scope.crossOriginIsolated === true, relaxedSimd: backend.features.relaxedSimd },
  });
  const x = Tensor.from(data.features, [data.rows, data.cols], { backend, dtype });
  const y: Targets = data.targets instanceof Int32Array ? data.targets : Tensor.from(data.targets, [data.rows, 1], { backend, dtype });
  const generator = getDefaultRegistry().get("generator", "nabla/xoshiro128").create(seed + 1);
  const result = await fitAsync(model, x, y, {
    epochs: options.epochs,
    batchSize: options.batchSize,
    generator,
    signal: abort.signal,
    onEpochEnd: (info) => scope.postMessage({ type: "epoch", info }),
  });
  const modelBytes = serializeModel(model);
  scope.postMessage({ type: "done", modelBytes, lossHistory: result.lossHistory, seconds: result.seconds, stopped: result.stopped }, [modelBytes.buffer]);
  backend.dispose();
}

function reportError(error: unknown): void {
  const { name, message } = error instanceof Error ? error : { name: "Error", message: String(error) };
  scope.postMessage({ type: "error", name, message, ...(error instanceof SpecError ? { path: error.path } : {}) });
}
