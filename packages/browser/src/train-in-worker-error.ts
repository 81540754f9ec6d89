/**
 * Training in the worker failed. `errorName` is the worker-side error's name (e.g. "SpecError",
 * "WasmUnsupportedError"); `path` is the spec's JSON path when the spec was at fault.
 */
export class TrainInWorkerError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override name = "TrainInWorkerError";
  constructor(
    /** The worker-side error's name ("SpecError", "WasmUnsupportedError", …). */
    readonly errorName: string,
    /** What went wrong, for people. */
    readonly problem: string,
    /** The spec's JSON path when the spec was at fault ("$.layers[0].type"). */
    readonly path?: string,
  ) {
    super(`${errorName} in the training worker: ${problem}`);
  }
}
