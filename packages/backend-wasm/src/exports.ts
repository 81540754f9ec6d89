// What both entry points (index.ts for Node, index.browser.ts for browsers) export.
export { createWasmBackend, type WasmBackend, type WasmBackendOptions } from "./wasm-backend.js";
export { detectWasmFeatures, type WasmFeatures } from "./feature-probe.js";
export { WasmMemoryExhaustedError } from "./wasm-memory-exhausted-error.js";
export { WasmWorkerError } from "./wasm-worker-error.js";
export { WasmUnsupportedError } from "./wasm-unsupported-error.js";
export { backendWasmPlugin } from "./backend-wasm-plugin.js";
