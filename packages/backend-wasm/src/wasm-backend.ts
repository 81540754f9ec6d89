import { createReferenceBackend, type ActivationFunction, type AdamHyperparameters, type Backend, type DType, type FloatArray, type Tensor } from "@nabla/core";
import { fusedActivationId } from "./activation-kernels.js";
import { GeneratedKernelCache } from "./generated-kernel-cache.js";
import { detectWasmFeatures, type WasmFeatures } from "./feature-probe.js";
import { planElementwise, planGemmRows, planLinearRows } from "./gemm-plan.js";
import { compileKernelModule, instantiateKernels } from "./kernel-module.js";
import { kernelThreadHost } from "./kernel-thread-host.js";
import { OperandStaging, type KernelOperand } from "./operand-staging.js";
import { ParallelRunner } from "./parallel-runner.js";
import { WASM_PAGE_BYTES, WasmAllocator } from "./wasm-allocator.js";
import { WasmUnsupportedError } from "./wasm-unsupported-error.js";

// Work that stays in JavaScript on any backend (arbitrary functions, typed-array copies) is the
// reference backend's: it reads and writes tensor data through the same typed-array views.
const javascript = createReferenceBackend();

/** A wasm32 module addresses at most 4 GiB. */
const MAXIMUM_MEMORY_BYTES = 65536 * WASM_PAGE_BYTES;

/** Options of `createWasmBackend`. */
export interface WasmBackendOptions {
  /**
   * Threads that share a large matrix product, the calling thread included (default: every core;
   * in a browser, every core when the page is crossOriginIsolated, else 1).
   */
  threads?: number;
  /** Largest size the backend's memory may grow to, in bytes (default and limit: 4 GiB). */
  maximumMemoryBytes?: number;
}

/** The WebAssembly backend, with the handles a caller may need beyond the Backend interface. */
export interface WasmBackend extends Backend {
  /** Threads a large matrix product is split across. */
  readonly threads: number;
  /** Where the threads come from: "node" (worker_threads) or "browser" (Web Workers). */
  readonly platform: string;
  /** The WebAssembly features found at startup; the GEMM uses fused multiply-add when relaxedSimd is true. */
  readonly features: WasmFeatures;
  /** Bytes of the backend's memory held by live allocations. */
  readonly liveBytes: number;
  /** Stops the worker threads; the backend stays usable, running everything on the calling thread. */
  dispose(): void;
  /**
   * Resolves once every worker thread has started, without blocking. In a browser, await it
   * before training: a Web Worker started by another may not start while its parent blocks.
   */
  whenThreadsStarted(): Promise<void>;
}

/**
 * A backend whose tensors live in one shared WebAssembly memory and whose kernels are SIMD128
 * WebAssembly compiled from assembly/ (AssemblyScript). `allocate` hands out Float32Array and
 * Float64Array views into that memory; blocks are returned to the allocator when the views are
 * garbage-collected, so keep the array `allocate` returned (a tensor does): a subarray of it alone
 * does not keep its block allocated. Matrix products are split by rows across worker threads.
 */
export function createWasmBackend(options: WasmBackendOptions = {}): WasmBackend {
  const features = detectWasmFeatures();
  if (!features.simd || !features.sharedMemory) throw new WasmUnsupportedError(features);
  const host = kernelThreadHost();
  const threads = options.threads ?? host.defaultThreads();
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`createWasmBackend: threads must be a positive integer, got ${threads}`);
  const maximumBytes = options.maximumMemoryBytes ?? MAXIMUM_MEMORY_BYTES;
  if (!(maximumBytes > 0 && maximumBytes <= MAXIMUM_MEMORY_BYTES)) {
    throw new RangeError(`createWasmBackend: maximumMemoryBytes must be in (0, ${MAXIMUM_MEMORY_BYTES}], got ${maximumBytes}`);
  }
  const maximumPages = Math.ceil(maximumBytes / WASM_PAGE_BYTES);
  const module = compileKernelModule(features.relaxedSimd);
  const memory = new WebAssembly.Memory({ initial: 1, maximum: maximumPages, shared: true });
  const kernels = instantiateKernels(module, memory);
  const allocator = new WasmAllocator(memory, maximumPages * WASM_PAGE_BYTES);

  // Views are recognised by their buffer: growing a shared memory gives memory.buffer a new,
  // longer SharedArrayBuffer, while views made earlier keep the old one, still valid.
  const ownBuffers = new WeakSet<ArrayBufferLike>();
  const owns = (data: KernelOperand) => ownBuffers.has(data.buffer);
  const reclaim = new FinalizationRegistry<number>((offset) => allocator.free(offset));
  const staging = new OperandStaging(memory, allocator, owns);

  function view(dtype: DType, offset: number, length: number): FloatArray {
    const buffer = memory.buffer;
    ownBuffers.add(buffer);
    return dtype === "float64" ? new Float64Array(buffer, offset, length) : new Float32Array(buffer, offset, length);
  }

  const scratchBytes = Math.max(kernels.gemmScratchBytes(), kernels.linearScratchBytes());
  const scratch = Array.from({ length: threads }, () => allocator.allocate(scratchBytes));
  const runner = new ParallelRunner(kernels, module, memory, threads, host);
  // Activations and update rules declared as expressions run in WebAssembly generated for them at first use.
  const generated = new GeneratedKernelCache(memory, allocator, runner);

  /**
   * A generated elementwise kernel over n elements, split across the threads when large enough:
   * `pointers` advance to each range's first element, and `layout` orders a range's arguments.
   */
  function elementwise(kernel: number, f64: boolean, n: number, pointers: readonly number[], layout: (range: { f64: number; n: number; pointers: number[] }) => number[]): void {
    const bytes = f64 ? 8 : 4;
    const jobs = planElementwise(n, runner.threads).map(({ start, end }) => layout({ f64: f64 ? 1 : 0, n: end - start, pointers: pointers.map((p) => p + start * bytes) }));
    runner.run(kernel, jobs);
  }
  const activationForward = (kernel: number, f64: boolean, z: number, out: number, n: number) =>
    elementwise(kernel, f64, n, [z, out], (r) => [r.f64, ...r.pointers, r.n]);
  const activationBackward = (kernel: number, f64: boolean, z: number, a: number, gradA: number, gradZ: number, n: number) =>
    elementwise(kernel, f64, n, [z, a, gradA, gradZ], (r) => [r.f64, ...r.pointers, r.n]);

  /** C = op(A)·op(B) on staged operands, split by rows of C across the threads when large enough. */
  function gemm(f64: boolean, transA: boolean, transB: boolean, m: number, n: number, k: number, pa: number, lda: number, pb: number, ldb: number, pc: number): void {
    const bytes = f64 ? 8 : 4;
    const jobs = planGemmRows(m, n, k, runner.threads).map(({ start, end }, t) => [
      transA ? 1 : 0, transB ? 1 : 0, end - start, n, k,
      pa + (transA ? start : start * lda) * bytes, lda, pb, ldb, pc + start * n * bytes, n, scratch[t],
    ]);
    runner.run(f64 ? "gemmF64" : "gemmF32", jobs);
  }

  return {
    name: "wasm",
    features,

    get threads() {
      return runner.threads;
    },

    platform: host.platform,

    get liveBytes() {
      return allocator.liveBytes;
    },

    dispose() {
      runner.dispose();
    },

    whenThreadsStarted: () => runner.whenStarted(),

    allocate(dtype: DType, length: number): FloatArray {
      const bytes = length * (dtype === "float64" ? 8 : 4);
      const offset = allocator.allocate(bytes);
      const data = view(dtype, offset, length);
      data.fill(0);
      reclaim.register(data, offset);
      return data;
    },

    matmul(a, b, out, transposeA, transposeB) {
      const k = transposeA ? a.shape[0] : a.shape[1];
      staging.run([a.data, b.data, out.data], ([pa, pb, pc]) => {
        gemm(isF64(a), transposeA, transposeB, out.shape[0], out.shape[1], k, pa, a.shape[1], pb, b.shape[1], pc);
      });
    },

    linearForward(x, weight, bias, z, after) {
      const f64 = isF64(x);
      const kind = after ? fusedActivationId(after.fn) : undefined;
      const fused = after !== null && kind !== undefined;
      // An expression activation runs over the finished z in generated code, inside the same staging.
      const expression = after && !fused ? generated.activationKernels(after.fn) : undefined;
      const [rows, inputs, outputs] = [x.rows, x.cols, weight.cols];
      const operands = fused || expression ? [x.data, weight.data, bias.data, z.data, after!.out.data] : [x.data, weight.data, bias.data, z.data];
      staging.run(operands, ([px, pw, pb, pz, pa = 0]) => {
        if (!kernels.linearIsNarrow(f64, inputs, outputs)) {
          gemm(f64, false, false, rows, outputs, inputs, px, inputs, pw, outputs, pz);
          kernels.linearFinishForward(f64, kind ?? NO_ACTIVATION, pb, pz, pa, rows, outputs);
        } else {
          const bytes = f64 ? 8 : 4;
          const jobs = planLinearRows(rows, inputs * outputs, runner.threads).map(({ start, end }, t) => [
            f64 ? 1 : 0, kind ?? NO_ACTIVATION, px + start * inputs * bytes, pw, pb, pz + start * outputs * bytes,
            fused ? pa + start * outputs * bytes : 0, end - start, inputs, outputs, scratch[t],
          ]);
          runner.run("linearForward", jobs);
        }
        if (expression) activationForward(expression.forward, f64, pz, pa, rows * outputs);
      });
      // An activation with neither a fused kernel nor an expression runs its own JavaScript on the finished z.
      if (after && !fused && !expression) javascript.activate(after.fn, z, after.out);
    },

    linearInputGradient(g, weight, out, below) {
      const f64 = isF64(g);
      const kind = below ? fusedActivationId(below.fn) : undefined;
      const fused = below !== null && kind !== undefined;
      const expression = below && !fused ? generated.activationKernels(below.fn) : undefined;
      const [rows, inputs, outputs] = [g.rows, weight.rows, weight.cols];
      const operands = fused || expression ? [g.data, weight.data, out.data, below!.z.data, below!.a.data] : [g.data, weight.data, out.data];
      staging.run(operands, ([pg, pw, po, pz = 0, pa = 0]) => {
        if (!kernels.linearIsNarrow(f64, outputs, inputs)) {
          gemm(f64, false, true, rows, inputs, outputs, pg, outputs, pw, outputs, po);
          if (fused) kernels.activateBackward(f64, kind, pz, pa, po, po, rows * inputs);
        } else {
          const bytes = f64 ? 8 : 4;
          const jobs = planLinearRows(rows, inputs * outputs, runner.threads).map(({ start, end }, t) => {
            const at = start * inputs * bytes;
            return [f64 ? 1 : 0, kind ?? NO_ACTIVATION, pg + start * outputs * bytes, pw, fused ? pz + at : 0, fused ? pa + at : 0, po + at, end - start, inputs, outputs, scratch[t]];
          });
          runner.run("linearInputGradient", jobs);
        }
        if (expression) activationBackward(expression.backward, f64, pz, pa, po, po, rows * inputs);
      });
      if (below && !fused && !expression) javascript.activateBackward(below.fn, below.z, below.a, out, out);
    },

    linearWeightGradients(x, g, gradWeight, gradBias) {
      const f64 = isF64(x);
      const [rows, inputs, outputs] = [x.rows, x.cols, g.cols];
      staging.run([x.data, g.data, gradWeight.data, gradBias.data], ([px, pg, pw, pb]) => {
        if (!kernels.linearIsNarrow(f64, inputs, outputs)) {
          gemm(f64, true, false, inputs, outputs, rows, px, inputs, pg, outputs, pw);
          kernels.sumRows(f64, pg, pb, rows, outputs);
          return;
        }
        // Each thread sums its rows into its own scratch; the partial sums are added in order here.
        const bytes = f64 ? 8 : 4;
        const jobs = planLinearRows(rows, inputs * outputs, runner.threads).map(({ start, end }, t) => [
          f64 ? 1 : 0, px + start * inputs * bytes, pg + start * outputs * bytes, end - start, inputs, outputs, scratch[t],
        ]);
        runner.run("linearWeightGradientsPartial", jobs);
        jobs.forEach((_, t) => kernels.linearWeightGradientsFinish(f64, scratch[t], pw, pb, inputs, outputs, t > 0));
      });
    },

    addRowVector(x, row, out) {
      staging.run([x.data, row.data, out.data], ([px, pr, po]) => {
        kernels.addRowVector(isF64(x), px, pr, po, x.rows, x.cols);
      });
    },

    sumRows(x, out) {
      staging.run([x.data, out.data], ([px, po]) => kernels.sumRows(isF64(x), px, po, x.rows, x.cols));
    },

    activate(fn: ActivationFunction, z, out) {
      const kind = fusedActivationId(fn);
      const expression = kind === undefined ? generated.activationKernels(fn) : undefined;
      if (expression) return staging.run([z.data, out.data], ([pz, po]) => activationForward(expression.forward, isF64(z), pz, po, z.size));
      if (kind === undefined) return javascript.activate(fn, z, out);
      staging.run([z.data, out.data], ([pz, po]) => kernels.activate(isF64(z), kind, pz, po, z.size));
    },

    activateBackward(fn: ActivationFunction, z, a, gradA, gradZ) {
      const kind = fusedActivationId(fn);
      const expression = kind === undefined ? generated.activationKernels(fn) : undefined;
      if (expression) {
        return staging.run([z.data, a.data, gradA.data, gradZ.data], ([pz, pa, pg, po]) => activationBackward(expression.backward, isF64(z), pz, pa, pg, po, z.size));
      }
      if (kind === undefined) return javascript.activateBackward(fn, z, a, gradA, gradZ);
      staging.run([z.data, a.data, gradA.data, gradZ.data], ([pz, pa, pg, po]) => {
        kernels.activateBackward(isF64(z), kind, pz, pa, pg, po, z.size);
      });
    },

    map: javascript.map,

    multiply(a, b, out) {
      staging.run([a.data, b.data, out.data], ([pa, pb, po]) => kernels.multiply(isF64(a), pa, pb, po, out.size));
    },

    scale(x, alpha, out) {
      staging.run([x.data, out.data], ([px, po]) => kernels.scale(isF64(x), px, alpha, po, out.size));
    },

    dropout(x, mask, out, draw) {
      staging.run([x.data, mask.data, out.data], ([px, pm, po]) => {
        kernels.dropout(isF64(x), px, pm, po, x.size, draw.key[0], draw.key[1], draw.keepMax, draw.scale);
      });
    },

    meanSquaredError(pred, target, grad) {
      const operands = grad ? [pred.data, target.data, grad.data] : [pred.data, target.data];
      return staging.run(operands, ([pp, pt, pg = 0]) => kernels.meanSquaredError(isF64(pred), pp, pt, pg, pred.size));
    },

    softmaxCrossEntropy(logits, labels, grad) {
      const operands = grad ? [logits.data, labels, grad.data] : [logits.data, labels];
      return staging.run(operands, ([pl, pi, pg = 0]) => {
        return kernels.softmaxCrossEntropy(isF64(logits), pl, pi, pg, logits.rows, logits.cols);
      });
    },

    sgdUpdate(param, grad, lr) {
      staging.run([param.data, grad.data], ([pw, pg]) => kernels.sgdUpdate(isF64(param), pw, pg, lr, param.size));
    },

    adamUpdate(param, grad, m, v, hp: AdamHyperparameters) {
      const { lr, beta1, beta2, eps, step } = hp;
      staging.run([param.data, grad.data, m.data, v.data], ([pw, pg, pm, pv]) => {
        kernels.adamUpdate(isF64(param), pw, pg, pm, pv, param.size, lr, beta1, beta2, eps, 1 - beta1 ** step, 1 - beta2 ** step);
      });
    },

    applyUpdateRule(rule, tensors, scalars) {
      const kernel = generated.updateRuleKernel(rule);
      const [first] = tensors;
      staging.run(tensors.map((t) => t.data), (pointers) => elementwise(kernel, isF64(first), first.size, pointers, (r) => [r.f64, r.n, ...r.pointers, ...scalars]));
    },

    argmaxRows(x) {
      const result = new Int32Array(x.rows);
      staging.run([x.data, result], ([px, pr]) => kernels.argmaxRows(isF64(x), px, x.rows, x.cols, pr));
      return result;
    },

    allFinite(x) {
      return staging.run([x.data], ([px]) => kernels.allFinite(isF64(x), px, x.size) !== 0);
    },

    gatherRows: javascript.gatherRows,
    copy: javascript.copy,
    fill: javascript.fill,
  };
}

/** The activation kind the fused Linear kernels read as "none". */
const NO_ACTIVATION = -1;

function isF64(t: Tensor): boolean {
  return t.dtype === "float64";
}
