/**
 * Training in the worker failed. `errorName` is the worker-side error's name (e.g. "SpecError",
 * "WasmUnsupportedError"); `path` is the spec's JSON path when the spec was at fault.
 */
export class TrainInWorkerError extends Error {
  override name = "TrainInWorkerError";
  constructor(
    readonly errorName: string,
    readonly problem: string,
    readonly path?: string,
  ) {
    super(`${errorName} in the training worker: ${problem}`);
  }
}
