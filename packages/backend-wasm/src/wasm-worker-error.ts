/** A worker thread of the wasm backend that could not start, or whose share of a kernel threw. */
export class WasmWorkerError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "WasmWorkerError";
}
