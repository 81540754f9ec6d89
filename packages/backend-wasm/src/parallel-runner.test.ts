import { describe, expect, it } from "vitest";
import { compileKernelModule, instantiateKernels } from "./kernel-module.js";
import { encodeExpressionActivationModule } from "./expression-activation-module.js";
import { nodeKernelThreads } from "./node-kernel-threads.js";
import { ParallelRunner } from "./parallel-runner.js";
import { WASM_PAGE_BYTES, WasmAllocator } from "./wasm-allocator.js";
import { WasmWorkerError } from "./wasm-worker-error.js";

// A 2×1 · 1×2 product per job, each job writing its own 2×2 output: small enough to check by hand.
function setUp(threads: number, host = nodeKernelThreads) {
  const module = compileKernelModule(false);
  const memory = new WebAssembly.Memory({ initial: 64, maximum: 64, shared: true });
  const kernels = instantiateKernels(module, memory);
  const allocator = new WasmAllocator(memory, 64 * WASM_PAGE_BYTES);
  const scratch = Array.from({ length: threads }, () => allocator.allocate(kernels.gemmScratchBytes()));
  const a = allocator.allocate(8), b = allocator.allocate(8);
  new Float32Array(memory.buffer, a, 2).set([2, 3]);
  new Float32Array(memory.buffer, b, 2).set([5, 7]);
  const outputs = Array.from({ length: threads }, () => allocator.allocate(16));
  const job = (t: number, c = outputs[t]) => [0, 0, 2, 2, 1, a, 1, b, 2, c, 2, scratch[t]];
  const read = (t: number) => Array.from(new Float32Array(memory.buffer, outputs[t], 4));
  return { runner: new ParallelRunner(kernels, module, memory, threads, host), job, read };
}

describe("ParallelRunner", () => {
  it("runs one job on the calling thread and the others on workers, returning when all are done", () => {
    const { runner, job, read } = setUp(3);
    expect(runner.threads).toBe(3);
    runner.run("gemmF32", [job(0), job(1), job(2)]);
    for (const t of [0, 1, 2]) expect(read(t)).toEqual([10, 14, 15, 21]);
    runner.dispose();
  });

  it("leaves workers without a job idle when there are fewer jobs than threads", () => {
    const { runner, job, read } = setUp(3);
    runner.run("gemmF32", [job(0), job(1)]);
    expect([read(1), read(2)]).toEqual([[10, 14, 15, 21], [0, 0, 0, 0]]);
    runner.dispose();
  });

  it("reports a job that traps on a worker as a WasmWorkerError, and keeps working", () => {
    const { runner, job, read } = setUp(2);
    const outOfBounds = 64 * WASM_PAGE_BYTES;
    expect(() => runner.run("gemmF32", [job(0), job(1, outOfBounds)])).toThrow(WasmWorkerError);
    runner.run("gemmF32", [job(0), job(1)]);
    expect(read(1)).toEqual([10, 14, 15, 21]);
    runner.dispose();
  });

  it("rejects more jobs than threads", () => {
    const { runner, job } = setUp(1);
    expect(() => runner.run("gemmF32", [job(0), job(0)])).toThrow(/2 jobs for 1 threads/);
  });

  it("runs on the calling thread alone after dispose", () => {
    const { runner, job, read } = setUp(2);
    runner.dispose();
    expect(runner.threads).toBe(1);
    runner.run("gemmF32", [job(0)]);
    expect(read(0)).toEqual([10, 14, 15, 21]);
  });

  it("runs the exports of a module generated at run time on the workers too", () => {
    const module = compileKernelModule(false);
    const memory = new WebAssembly.Memory({ initial: 64, maximum: 64, shared: true });
    const allocator = new WasmAllocator(memory, 64 * WASM_PAGE_BYTES);
    const runner = new ParallelRunner(instantiateKernels(module, memory), module, memory, 2);
    const bytes = encodeExpressionActivationModule({ forward: ["mul", 2, "x"], derivative: 2 });
    const at = allocator.allocate(bytes.length);
    new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
    const [forward] = runner.addModule(new WebAssembly.Module(bytes), at, bytes.length);
    const z = allocator.allocate(32), out = allocator.allocate(32);
    new Float64Array(memory.buffer, z, 4).set([1, 2, 3, 4]);
    runner.run(forward, [[1, z, out, 2], [1, z + 16, out + 16, 2]]);
    expect(Array.from(new Float64Array(memory.buffer, out, 4))).toEqual([2, 4, 6, 8]);
    runner.dispose();
  });
  it("whenStarted resolves once every worker has instantiated the kernels, so the first run need not wait", async () => {
    const { runner, job, read } = setUp(3);
    await runner.whenStarted();
    runner.run("gemmF32", [job(0), job(1), job(2)]);
    expect(read(2)).toEqual([10, 14, 15, 21]);
    runner.dispose();
  });

  it("refuses several threads where memory cannot be shared, and runs one thread without a SharedArrayBuffer", () => {
    const unisolatedPage = { ...nodeKernelThreads, platform: "browser", canShareMemory: () => false };
    expect(() => setUp(2, unisolatedPage)).toThrow(/cannot share memory with workers; use threads: 1/);
    const { runner, job, read } = setUp(1, unisolatedPage);
    runner.run("gemmF32", [job(0)]);
    expect(read(0)).toEqual([10, 14, 15, 21]);
  });
});
