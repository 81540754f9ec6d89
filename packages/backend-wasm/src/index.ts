import { registerPlugin } from "@nabla/core";
import { backendWasmPlugin } from "./backend-wasm-plugin.js";

export { createWasmBackend, type WasmBackend, type WasmBackendOptions } from "./wasm-backend.js";
export { detectWasmFeatures, type WasmFeatures } from "./feature-probe.js";
export { WasmMemoryExhaustedError } from "./wasm-memory-exhausted-error.js";
export { WasmWorkerError } from "./wasm-worker-error.js";
export { WasmUnsupportedError } from "./wasm-unsupported-error.js";
export { backendWasmPlugin } from "./backend-wasm-plugin.js";

registerPlugin(backendWasmPlugin);
