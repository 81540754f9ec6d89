import type { NablaPlugin } from "@nabla/core";
import { detectWasmFeatures } from "./feature-probe.js";
import { createWasmBackend, type WasmBackend } from "./wasm-backend.js";

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

let shared: WasmBackend | undefined;

/** The "nabla/wasm" backend: one instance per process, created on first use. */
export const backendWasmPlugin: NablaPlugin = {
  meta: { name: "@nabla/backend-wasm", version: VERSION },
  namespace: "nabla",
  components: [
    {
      kind: "backend",
      name: "wasm",
      description: "WebAssembly SIMD128 kernels compiled from AssemblyScript; matrix products split across worker threads",
      priority: 50,
      isAvailable: () => {
        const features = detectWasmFeatures();
        return features.simd && features.sharedMemory;
      },
      create: () => {
        shared ??= createWasmBackend();
        return shared;
      },
    },
  ],
};
