export { trainInWorker, type TrainInWorkerOptions, type TrainInWorkerResult } from "./train-in-worker.js";
export { TrainInWorkerError } from "./train-in-worker-error.js";
export type { TrainingData, WorkerTrainingOptions, WorkerBackendInfo } from "./train-worker-protocol.js";
