import { createRequire } from "node:module";
import { FUSED_ACTIVATION_KERNELS, type FloatArray } from "@nabla/core";
import type { NativeIsa } from "./native-isa.js";

/** The functions the addon (nabla_native.node) exports (see native/addon.cc for each signature). */
export interface NativeAddon {
  /** The instruction sets whose kernels this CPU can run, best first; "generic" is always there. */
  supportedIsas(): NativeIsa[];
  /** The kernels compiled for `isa`; throws when this CPU cannot run them. */
  kernels(isa: NativeIsa): NativeKernels;
  /** The fused activation names, in id order, from the list the addon was built with. */
  activationKernels(): string[];
  /** The operation names of expression programs, in code order (native/expression-program.h). */
  expressionOperations(): string[];
  /**
   * Checks and keeps a program compiled by compileExpressionProgram, returning its handle for
   * the kernels' `expression` arguments; programs live as long as the process.
   */
  compileExpression(code: Int32Array, constants: Float64Array, inputs: number, scalars: number, outputs: number, registers: number, uniform: number): number;
}

/** The kernels of one instruction set (see native/addon.cc for each signature). */
export interface NativeKernels {
  matmul(a: FloatArray, b: FloatArray, out: FloatArray, m: number, k: number, n: number, transposeA: boolean, transposeB: boolean, threads: number): void;
  /** `kernel` (a fused activation's code) or `expression` (a forward program's handle) computes a from z; null both for none. */
  linearForward(
    x: FloatArray,
    weight: FloatArray,
    bias: FloatArray,
    z: FloatArray,
    a: FloatArray | null,
    kernel: number | null,
    expression: number | null,
    rows: number,
    inputs: number,
    outputs: number,
    threads: number,
  ): void;
  /** `kernel` or `expression` (a backward program's handle) is the activation below; null both for none. */
  linearInputGradient(
    g: FloatArray,
    weight: FloatArray,
    z: FloatArray | null,
    a: FloatArray | null,
    out: FloatArray,
    kernel: number | null,
    expression: number | null,
    rows: number,
    inputs: number,
    outputs: number,
    threads: number,
  ): void;
  linearWeightGradients(x: FloatArray, g: FloatArray, gradWeight: FloatArray, gradBias: FloatArray, rows: number, inputs: number, outputs: number, threads: number): void;
  addRowVector(x: FloatArray, row: FloatArray, out: FloatArray, cols: number, threads: number): void;
  sumRows(x: FloatArray, out: FloatArray, cols: number, threads: number): void;
  activate(kernel: number, z: FloatArray, out: FloatArray, threads: number): void;
  activateBackward(kernel: number, z: FloatArray, a: FloatArray, gradA: FloatArray, gradZ: FloatArray, threads: number): void;
  multiply(a: FloatArray, b: FloatArray, out: FloatArray, threads: number): void;
  scale(x: FloatArray, alpha: number, out: FloatArray, threads: number): void;
  dropout(x: FloatArray, mask: FloatArray, out: FloatArray, key0: number, key1: number, keepMax: number, scale: number, threads: number): void;
  meanSquaredError(pred: FloatArray, target: FloatArray, grad: FloatArray | null, threads: number): number;
  softmaxCrossEntropy(logits: FloatArray, labels: Int32Array, grad: FloatArray | null, cols: number, threads: number): number;
  sgdUpdate(param: FloatArray, grad: FloatArray, lr: number, threads: number): void;
  adamUpdate(
    param: FloatArray,
    grad: FloatArray,
    m: FloatArray,
    v: FloatArray,
    lr: number,
    beta1: number,
    beta2: number,
    eps: number,
    correction1: number,
    correction2: number,
    threads: number,
  ): void;
  argmaxRows(x: FloatArray, out: Int32Array, cols: number): void;
  allFinite(x: FloatArray, threads: number): boolean;
  gatherRows(x: FloatArray, indices: Int32Array, out: FloatArray, cols: number, threads: number): void;
  copy(source: FloatArray, target: FloatArray, threads: number): void;
  fill(x: FloatArray, value: number, threads: number): void;
  /** Runs a compiled program over every element of its arrays (an output may also be an input). */
  evaluateExpression(program: number, inputs: readonly FloatArray[], outputs: readonly FloatArray[], scalars: Float64Array, threads: number): void;
}

export type AddonLoad =
  | { addon: NativeAddon; reason?: undefined; disabled?: undefined }
  | { addon?: undefined; reason: string; /** True when NABLA_DISABLE_NATIVE=1 asked for it, rather than something failing. */ disabled: boolean };

/**
 * Where the addon may be, relative to this module (src/ in tests, dist/ once built, both beside
 * native/ and prebuilds/), most specific first: one compiled on this machine (by the package's
 * build or, where no prebuild fitted, at install), then the prebuild for this platform and
 * architecture, in the prebuildify layout prebuilds/<platform>-<arch>/.
 */
export function nativeAddonCandidates(platform: string = process.platform, arch: string = process.arch): string[] {
  return ["../native/build/Release/nabla_native.node", `../prebuilds/${platform}-${arch}/nabla_native.node`];
}

let loaded: AddonLoad | undefined;

/** The first candidate that loads on this CPU, or every candidate's reason for not loading, in one line. */
export function loadFirstAddon(candidates: readonly string[], load: (path: string) => unknown): AddonLoad {
  const failures: string[] = [];
  for (const path of candidates) {
    let addon: NativeAddon;
    try {
      addon = load(path) as NativeAddon;
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      failures.push(code === "MODULE_NOT_FOUND" ? `${path} does not exist` : `${path} did not load: ${message.split("\n")[0]}`);
      continue;
    }
    const mismatch = activationKernelsMismatch(addon.activationKernels());
    return mismatch === undefined ? { addon } : { reason: mismatch, disabled: false };
  }
  return {
    reason: `no addon for ${process.platform}-${process.arch} (${failures.join("; ")}); with a C++17 compiler present, "npm rebuild @nabla/backend-native" compiles it`,
    disabled: false,
  };
}

/**
 * Why an addon built from another version of @nabla/core's FUSED_ACTIVATION_KERNELS must not
 * run (its kernel ids would mean other activations), or undefined when its list is core's.
 */
export function activationKernelsMismatch(built: readonly string[]): string | undefined {
  if (built.length === FUSED_ACTIVATION_KERNELS.length && built.every((name, id) => name === FUSED_ACTIVATION_KERNELS[id])) return undefined;
  return `the addon was built for the fused activations [${built.join(", ")}], but @nabla/core lists [${FUSED_ACTIVATION_KERNELS.join(", ")}]; rebuild it with "pnpm --filter @nabla/backend-native build"`;
}

/** The addon, or why it cannot be used. Never throws; NABLA_DISABLE_NATIVE=1 turns it off. */
export function loadNativeAddon(): AddonLoad {
  if (process.env.NABLA_DISABLE_NATIVE === "1") return { reason: "NABLA_DISABLE_NATIVE=1 is set", disabled: true };
  loaded ??= loadFirstAddon(nativeAddonCandidates(), createRequire(import.meta.url));
  return loaded;
}
