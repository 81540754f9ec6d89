/** A worker thread of the wasm backend that could not start, or whose share of a kernel threw. */
export class WasmWorkerError extends Error {
  override readonly name = "WasmWorkerError";
}
