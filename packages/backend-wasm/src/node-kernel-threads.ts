import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { KernelThreadHost } from "./kernel-thread-host.js";
import { KERNEL_LOOP_SOURCE } from "./worker-source.js";

// CommonJS for node:worker_threads: the data arrives as workerData.
const NODE_WORKER_SOURCE = `${KERNEL_LOOP_SOURCE}\nrunKernelLoop(require("node:worker_threads").workerData);\n`;

/** Kernel workers on node:worker_threads; by default one thread per core. */
export const nodeKernelThreads: KernelThreadHost = {
  platform: "node",
  defaultThreads: () => availableParallelism(),
  canShareMemory: () => true,
  spawn(workerData) {
    const worker = new Worker(NODE_WORKER_SOURCE, { eval: true, workerData });
    // Idle workers must not keep the process alive.
    worker.unref();
    return { terminate: () => void worker.terminate() };
  },
};
