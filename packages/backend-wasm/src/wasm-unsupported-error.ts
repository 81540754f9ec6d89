import type { WasmFeatures } from "./feature-probe.js";

/** A runtime without the WebAssembly features the wasm backend cannot do without. */
export class WasmUnsupportedError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "WasmUnsupportedError";
  /** @param features - What the runtime's feature probe found. */
  constructor(readonly features: WasmFeatures) {
    const missing = [!features.simd && "SIMD128", !features.sharedMemory && "shared memory"].filter(Boolean).join(" and ");
    super(`The wasm backend needs WebAssembly ${missing}, which this runtime lacks`);
  }
}
