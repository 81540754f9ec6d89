import { availableParallelism } from "node:os";
import { createReferenceBackend, type ActivationFunction, type AdamHyperparameters, type Backend, type DType, type FloatArray, type Tensor } from "@nabla/core";
import { fusedActivationId } from "./activation-kernels.js";
import { detectWasmFeatures, type WasmFeatures } from "./feature-probe.js";
import { planGemmRows } from "./gemm-plan.js";
import { compileKernelModule, instantiateKernels } from "./kernel-module.js";
import { OperandStaging, type KernelOperand } from "./operand-staging.js";
import { ParallelRunner } from "./parallel-runner.js";
import { WASM_PAGE_BYTES, WasmAllocator } from "./wasm-allocator.js";
import { WasmUnsupportedError } from "./wasm-unsupported-error.js";

// Work that stays in JavaScript on any backend (arbitrary functions, typed-array copies) is the
// reference backend's: it reads and writes tensor data through the same typed-array views.
const javascript = createReferenceBackend();

/** A wasm32 module addresses at most 4 GiB. */
const MAXIMUM_MEMORY_BYTES = 65536 * WASM_PAGE_BYTES;

export interface WasmBackendOptions {
  /** Threads that share a large matrix product, the calling thread included (default: os.availableParallelism()). */
  threads?: number;
  /** Largest size the backend's memory may grow to, in bytes (default and limit: 4 GiB). */
  maximumMemoryBytes?: number;
}

/** The WebAssembly backend, with the handles a caller may need beyond the Backend interface. */
export interface WasmBackend extends Backend {
  /** Threads a large matrix product is split across. */
  readonly threads: number;
  /** The WebAssembly features found at startup; the GEMM uses fused multiply-add when relaxedSimd is true. */
  readonly features: WasmFeatures;
  /** Bytes of the backend's memory held by live allocations. */
  readonly liveBytes: number;
  /** Stops the worker threads; the backend stays usable, running everything on the calling thread. */
  dispose(): void;
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
  const threads = options.threads ?? availableParallelism();
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

  const scratch = Array.from({ length: threads }, () => allocator.allocate(kernels.gemmScratchBytes()));
  const runner = new ParallelRunner(kernels, module, memory, threads);

  return {
    name: "wasm",
    features,

    get threads() {
      return runner.threads;
    },

    get liveBytes() {
      return allocator.liveBytes;
    },

    dispose() {
      runner.dispose();
    },

    allocate(dtype: DType, length: number): FloatArray {
      const bytes = length * (dtype === "float64" ? 8 : 4);
      const offset = allocator.allocate(bytes);
      const data = view(dtype, offset, length);
      data.fill(0);
      reclaim.register(data, offset);
      return data;
    },

    matmul(a, b, out, transposeA, transposeB) {
      const m = out.shape[0];
      const n = out.shape[1];
      const k = transposeA ? a.shape[0] : a.shape[1];
      const lda = a.shape[1];
      const ldb = b.shape[1];
      const bytes = a.dtype === "float64" ? 8 : 4;
      const ranges = planGemmRows(m, n, k, runner.threads);
      staging.run([a.data, b.data, out.data], ([pa, pb, pc]) => {
        const jobs = ranges.map(({ start, end }, t) => [
          transposeA ? 1 : 0,
          transposeB ? 1 : 0,
          end - start,
          n,
          k,
          pa + (transposeA ? start : start * lda) * bytes,
          lda,
          pb,
          ldb,
          pc + start * n * bytes,
          n,
          scratch[t],
        ]);
        runner.run(a.dtype === "float64" ? "gemmF64" : "gemmF32", jobs);
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
      if (kind === undefined) return javascript.activate(fn, z, out);
      staging.run([z.data, out.data], ([pz, po]) => kernels.activate(isF64(z), kind, pz, po, z.size));
    },

    activateBackward(fn: ActivationFunction, z, a, gradA, gradZ) {
      const kind = fusedActivationId(fn);
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

function isF64(t: Tensor): boolean {
  return t.dtype === "float64";
}
