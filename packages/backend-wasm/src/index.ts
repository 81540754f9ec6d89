import { registerPlugin } from "@nabla/core";
import { backendWasmPlugin } from "./backend-wasm-plugin.js";
import { installKernelThreadHost } from "./kernel-thread-host.js";
import { nodeKernelThreads } from "./node-kernel-threads.js";

// The Node entry: the same backend, its threads on node:worker_threads (see node-kernel-threads.ts).
installKernelThreadHost(nodeKernelThreads);

export * from "./exports.js";

registerPlugin(backendWasmPlugin);
