import type { KernelExports, ParallelKernelName } from "./kernel-module.js";
import { kernelThreadHost, type KernelThreadHost, type KernelWorkerHandle } from "./kernel-thread-host.js";
import { WasmWorkerError } from "./wasm-worker-error.js";

// Control buffer: an Int32 header, then one Float64 job slot per worker holding
// [kernel index or −1, argument count, arguments…]. The calling thread bumps GENERATION to start
// a round; each worker runs its slot and decrements PENDING, and the last one wakes the caller.
const GENERATION = 0;
const PENDING = 1;
const READY = 2;
const FAILED = 3;
const STOP = 4;
const SLOT_OFFSET = 64;
const SLOT_DOUBLES = 16;
/** The kernel index of a slot that asks its worker to load a generated module (see addModule). */
const LOAD_MODULE = -2;

const KERNEL_NAMES: readonly ParallelKernelName[] = ["gemmF32", "gemmF64", "linearForward", "linearInputGradient", "linearWeightGradientsPartial"];

/** How long the first parallel call waits for the workers to have instantiated the kernels. */
const STARTUP_TIMEOUT_MS = 30_000;
/** How often whenStarted looks at the ready count (it must not block, so it polls). */
const STARTUP_POLL_MS = 2;

/**
 * Runs one kernel as several jobs at once: the first job on the calling thread, the others on
 * worker threads that instantiated the same module over the same shared memory. The Backend
 * interface is synchronous, so the caller blocks (Atomics.wait) until every job is done; a
 * browser page's main thread may not, so there the runner belongs in a Web Worker.
 */
export class ParallelRunner {
  private readonly workers: KernelWorkerHandle[] = [];
  private readonly header: Int32Array = new Int32Array(SLOT_OFFSET / 4);
  private readonly slots: Float64Array[] = [];
  /** The calling thread's instances of the functions of addModule, by index. */
  private readonly generated: ((...args: number[]) => void)[] = [];
  private started = false;

  constructor(
    private readonly local: KernelExports,
    module: WebAssembly.Module,
    private readonly memory: WebAssembly.Memory,
    threads: number,
    host: KernelThreadHost = kernelThreadHost(),
  ) {
    // One thread needs no control buffer, which matters where SharedArrayBuffer is unavailable.
    if (threads === 1) return;
    if (!host.canShareMemory()) {
      throw new WasmWorkerError(`${threads} threads were asked for, but this ${host.platform} runtime cannot share memory with workers; use threads: 1`);
    }
    const control = new SharedArrayBuffer(SLOT_OFFSET + (threads - 1) * SLOT_DOUBLES * 8);
    this.header = new Int32Array(control, 0, SLOT_OFFSET / 4);
    for (let slotIndex = 0; slotIndex < threads - 1; slotIndex++) {
      this.slots.push(new Float64Array(control, SLOT_OFFSET + slotIndex * SLOT_DOUBLES * 8, SLOT_DOUBLES));
      this.workers.push(host.spawn({ module, memory, control, slotIndex, slotOffset: SLOT_OFFSET, slotDoubles: SLOT_DOUBLES, kernelNames: KERNEL_NAMES }));
    }
  }

  /** Threads a call can use: the caller plus the workers. */
  get threads(): number {
    return this.workers.length + 1;
  }

  /**
   * Runs `kernel` (a kernel module export, or an index from addModule) once per argument list, at
   * most `threads` of them, and returns when all are done.
   */
  run(kernel: ParallelKernelName | number, jobs: readonly (readonly number[])[]): void {
    if (jobs.length > this.threads) throw new RangeError(`ParallelRunner.run: ${jobs.length} jobs for ${this.threads} threads`);
    if (jobs.length === 0) return;
    if (jobs.length === 1) {
      this.runLocal(kernel, jobs[0]);
      return;
    }
    const index = typeof kernel === "number" ? KERNEL_NAMES.length + kernel : KERNEL_NAMES.indexOf(kernel);
    this.round((w) => (jobs[w + 1] ? [index, jobs[w + 1]] : undefined), () => this.runLocal(kernel, jobs[0]), String(kernel));
  }

  /**
   * Makes the exports of a module generated at run time runnable on every thread: the calling
   * thread instantiates `module`, and each worker compiles the same bytes, which the caller has
   * put in the shared memory at `offset` (they may be freed once this returns). Returns the
   * index of each export, in the module's export order, for `run`.
   */
  addModule(module: WebAssembly.Module, offset: number, length: number): number[] {
    const exports = new WebAssembly.Instance(module, { env: { memory: this.memory } }).exports;
    const first = this.generated.length;
    const names = WebAssembly.Module.exports(module).map((entry) => entry.name);
    for (const name of names) this.generated.push(exports[name] as (...args: number[]) => void);
    if (this.workers.length > 0) this.round(() => [LOAD_MODULE, [offset, length]], () => undefined, "a generated module");
    return names.map((_, i) => first + i);
  }

  /** Stops the workers; later calls run every job on the calling thread. */
  dispose(): void {
    if (this.workers.length === 0) return;
    Atomics.store(this.header, STOP, 1);
    Atomics.add(this.header, GENERATION, 1);
    Atomics.notify(this.header, GENERATION);
    for (const worker of this.workers) worker.terminate();
    this.workers.length = 0;
    this.slots.length = 0;
  }

  private runLocal(kernel: ParallelKernelName | number, args: readonly number[]): void {
    const f = typeof kernel === "number" ? this.generated[kernel] : (this.local[kernel] as unknown as (...values: number[]) => void);
    f(...args);
  }

  /** One round: each worker gets the job `jobOf` gives it (none when undefined) while the calling thread runs `local`. */
  private round(jobOf: (worker: number) => [number, readonly number[]] | undefined, local: () => void, what: string): void {
    this.awaitWorkers();
    this.slots.forEach((slot, w) => {
      const job = jobOf(w);
      slot[0] = job ? job[0] : -1;
      if (job) {
        slot[1] = job[1].length;
        slot.set(job[1], 2);
      }
    });
    Atomics.store(this.header, PENDING, this.workers.length);
    Atomics.add(this.header, GENERATION, 1);
    Atomics.notify(this.header, GENERATION);
    let failure: unknown;
    try {
      local();
    } catch (error) {
      failure = error;
    }
    for (let pending = Atomics.load(this.header, PENDING); pending !== 0; pending = Atomics.load(this.header, PENDING)) {
      Atomics.wait(this.header, PENDING, pending);
    }
    if (failure !== undefined) throw failure;
    if (Atomics.exchange(this.header, FAILED, 0) !== 0) throw new WasmWorkerError(`A worker thread failed while running ${what}`);
  }

  /**
   * Resolves once every worker has instantiated the kernels, without blocking. A browser worker
   * should await it before the first parallel call: a nested Web Worker may only start once its
   * parent returns to the event loop, which a blocked first call never does.
   */
  async whenStarted(): Promise<void> {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (Atomics.load(this.header, READY) < this.workers.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, STARTUP_POLL_MS));
    }
    this.awaitWorkers();
  }

  // Workers start asynchronously; the first parallel call blocks until all have instantiated the module.
  private awaitWorkers(): void {
    if (this.started) return;
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    for (let ready = Atomics.load(this.header, READY); ready < this.workers.length; ready = Atomics.load(this.header, READY)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new WasmWorkerError(`Only ${ready} of ${this.workers.length} worker threads started within ${STARTUP_TIMEOUT_MS} ms`);
      Atomics.wait(this.header, READY, ready, left);
    }
    if (Atomics.load(this.header, FAILED) !== 0) throw new WasmWorkerError("A worker thread could not instantiate the wasm kernels");
    this.started = true;
  }
}
