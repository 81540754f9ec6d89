// Where kernel worker threads come from: node:worker_threads in Node, Web Workers in browsers.
// Each entry point (index.ts for Node, index.browser.ts for browsers) installs its host, so the
// backend itself never imports a platform module.

/** What a kernel worker needs to run jobs: the compiled kernels, the shared memory, its job slot. */
export interface KernelWorkerData {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly control: SharedArrayBuffer;
  readonly slotIndex: number;
  readonly slotOffset: number;
  readonly slotDoubles: number;
  readonly kernelNames: readonly string[];
}

/** A started kernel worker. */
export interface KernelWorkerHandle {
  terminate(): void;
}

/** Starts kernel workers and says how many threads to use when the caller does not. */
export interface KernelThreadHost {
  /** "node" or "browser": reported by the backend so a page can show what it runs on. */
  readonly platform: string;
  /** Threads to use by default: every core in Node; in a browser, every core when the page is crossOriginIsolated, else 1. */
  defaultThreads(): number;
  /** Whether workers can share memory here (a browser page needs COOP/COEP headers for it). */
  canShareMemory(): boolean;
  spawn(data: KernelWorkerData): KernelWorkerHandle;
}

/** The host for a runtime without worker threads: one thread, no sharing. */
const SINGLE_THREAD_HOST: KernelThreadHost = {
  platform: "single-thread",
  defaultThreads: () => 1,
  canShareMemory: () => false,
  spawn: () => {
    throw new RangeError("this runtime has no worker threads for the wasm backend; use threads: 1");
  },
};

let installed: KernelThreadHost = SINGLE_THREAD_HOST;

/** Sets the host the backend starts its workers with (called once by each entry point). */
export function installKernelThreadHost(host: KernelThreadHost): void {
  installed = host;
}

/** The installed host. */
export function kernelThreadHost(): KernelThreadHost {
  return installed;
}
