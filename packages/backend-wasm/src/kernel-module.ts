import { KERNELS_RELAXED_SIMD_BASE64, KERNELS_SIMD_BASE64 } from "./generated/kernels-wasm.js";

/**
 * The exports of the compiled AssemblyScript kernels (assembly/index.ts). Pointers are byte offsets
 * into the shared memory, 0 meaning "none"; flags select float64 (true) or float32 storage.
 */
export interface KernelExports {
  gemmF32(transA: boolean, transB: boolean, m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number, scratch: number): void;
  gemmF64(transA: boolean, transB: boolean, m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number, scratch: number): void;
  gemmScratchBytes(): number;
  activate(isF64: boolean, kind: number, z: number, out: number, n: number): void;
  activateBackward(isF64: boolean, kind: number, z: number, a: number, gradA: number, gradZ: number, n: number): void;
  addRowVector(isF64: boolean, x: number, row: number, out: number, rows: number, cols: number): void;
  sumRows(isF64: boolean, x: number, out: number, rows: number, cols: number): void;
  multiply(isF64: boolean, a: number, b: number, out: number, n: number): void;
  scale(isF64: boolean, x: number, alpha: number, out: number, n: number): void;
  dropout(isF64: boolean, x: number, mask: number, out: number, n: number, key0: number, key1: number, keepMax: number, scale: number): void;
  sgdUpdate(isF64: boolean, param: number, grad: number, lr: number, n: number): void;
  adamUpdate(
    isF64: boolean, param: number, grad: number, m: number, v: number, n: number,
    lr: number, beta1: number, beta2: number, eps: number, correction1: number, correction2: number,
  ): void;
  allFinite(isF64: boolean, x: number, n: number): number;
  meanSquaredError(isF64: boolean, pred: number, target: number, grad: number, n: number): number;
  softmaxCrossEntropy(isF64: boolean, logits: number, labels: number, grad: number, rows: number, cols: number): number;
  argmaxRows(isF64: boolean, x: number, rows: number, cols: number, out: number): void;
  linearScratchBytes(): number;
  linearIsNarrow(isF64: boolean, depth: number, width: number): number;
  linearForward(
    isF64: boolean, kind: number, x: number, weight: number, bias: number, z: number, a: number,
    rows: number, inputs: number, outputs: number, scratch: number,
  ): void;
  linearFinishForward(isF64: boolean, kind: number, bias: number, z: number, a: number, rows: number, outputs: number): void;
  linearInputGradient(
    isF64: boolean, kind: number, g: number, weight: number, z: number, a: number, out: number,
    rows: number, inputs: number, outputs: number, scratch: number,
  ): void;
  linearWeightGradientsPartial(isF64: boolean, x: number, g: number, rows: number, inputs: number, outputs: number, scratch: number): void;
  linearWeightGradientsFinish(
    isF64: boolean, scratch: number, gradWeight: number, gradBias: number, inputs: number, outputs: number, accumulate: boolean,
  ): void;
}

/** The names a worker thread may be asked to run (kernels worth splitting across threads). */
export type ParallelKernelName = "gemmF32" | "gemmF64" | "linearForward" | "linearInputGradient" | "linearWeightGradientsPartial";

const compiled = new Map<boolean, WebAssembly.Module>();

/**
 * The kernels compiled for this runtime: the relaxed-SIMD build (fused multiply-add in the GEMM)
 * when `relaxedSimd`, else the plain SIMD128 one. Compiled once per process and variant; the
 * module is shared with worker threads, which instantiate it over the same memory.
 */
export function compileKernelModule(relaxedSimd: boolean): WebAssembly.Module {
  let module = compiled.get(relaxedSimd);
  if (!module) {
    const base64 = relaxedSimd ? KERNELS_RELAXED_SIMD_BASE64 : KERNELS_SIMD_BASE64;
    // atob, not Buffer: the same code runs in Node and in browsers.
    module = new WebAssembly.Module(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
    compiled.set(relaxedSimd, module);
  }
  return module;
}

export function instantiateKernels(module: WebAssembly.Module, memory: WebAssembly.Memory): KernelExports {
  return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
}
