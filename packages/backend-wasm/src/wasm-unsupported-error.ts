import type { WasmFeatures } from "./feature-probe.js";

/** A runtime without the WebAssembly features the wasm backend cannot do without. */
export class WasmUnsupportedError extends Error {
  override readonly name = "WasmUnsupportedError";
  constructor(readonly features: WasmFeatures) {
    const missing = [!features.simd && "SIMD128", !features.sharedMemory && "shared memory"].filter(Boolean).join(" and ");
    super(`The wasm backend needs WebAssembly ${missing}, which this runtime lacks`);
  }
}
