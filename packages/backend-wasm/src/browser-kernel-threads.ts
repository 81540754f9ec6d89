import type { KernelThreadHost } from "./kernel-thread-host.js";
import { KERNEL_LOOP_SOURCE } from "./worker-source.js";

// A classic Web Worker script: the data arrives as the first message.
const BROWSER_WORKER_SOURCE = `${KERNEL_LOOP_SOURCE}\nself.onmessage = (event) => runKernelLoop(event.data);\n`;

// The few browser globals this file uses; the package is typed without the DOM library.
interface BrowserGlobals {
  readonly crossOriginIsolated?: boolean;
  readonly navigator?: { readonly hardwareConcurrency?: number };
  readonly Blob: new (parts: string[], options: { type: string }) => object;
  readonly URL: { createObjectURL(blob: object): string };
  readonly Worker: new (url: string, options?: { name?: string }) => { postMessage(data: unknown): void; terminate(): void };
}

const browser = globalThis as unknown as BrowserGlobals;
let workerUrl: string | undefined;

/**
 * Kernel workers as Web Workers loaded from a Blob URL (no file to serve). Memory can be shared
 * with them only when the page is crossOriginIsolated (served with COOP: same-origin and COEP:
 * require-corp), so the default is every core then and one thread otherwise.
 */
export const browserKernelThreads: KernelThreadHost = {
  platform: "browser",
  defaultThreads: () => (browserKernelThreads.canShareMemory() ? Math.max(1, browser.navigator?.hardwareConcurrency ?? 1) : 1),
  canShareMemory: () => browser.crossOriginIsolated === true && typeof SharedArrayBuffer === "function",
  spawn(data) {
    workerUrl ??= browser.URL.createObjectURL(new browser.Blob([BROWSER_WORKER_SOURCE], { type: "text/javascript" }));
    const worker = new browser.Worker(workerUrl, { name: `nabla-wasm-kernels-${data.slotIndex + 1}` });
    worker.postMessage(data);
    return { terminate: () => worker.terminate() };
  },
};
