import { registerPlugin } from "@nabla/core";
import { backendWasmPlugin } from "./backend-wasm-plugin.js";
import { browserKernelThreads } from "./browser-kernel-threads.js";
import { installKernelThreadHost } from "./kernel-thread-host.js";

// The browser entry: the same backend, its threads on Web Workers (see browser-kernel-threads.ts).
installKernelThreadHost(browserKernelThreads);

export * from "./exports.js";

registerPlugin(backendWasmPlugin);
