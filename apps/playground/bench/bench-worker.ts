// Runs measureWasm in a worker (the threaded kernels block, which a page's main thread may not).
import { measureWasm } from "./measure-wasm.js";

self.onmessage = async (event: MessageEvent<{ threads: number; assetUrl: string }>) => {
  try {
    const table = new Float32Array(await (await fetch(event.data.assetUrl)).arrayBuffer());
    self.postMessage({ ok: true, measurement: await measureWasm(event.data.threads, table) });
  } catch (error) {
    self.postMessage({ ok: false, message: String(error) });
  }
};
