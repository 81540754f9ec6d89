import { availableParallelism } from "node:os";
import {
  createReferenceBackend,
  fusedActivationKernelId,
  type ActivationFunction,
  type AdamHyperparameters,
  type Backend,
  type DType,
  type FloatArray,
  type Tensor,
} from "@nabla/core";
import { activationProgramHandles, updateRuleProgramHandle } from "./expression-program-handles.js";
import { loadNativeAddon } from "./native-addon.js";
import { NativeBackendUnavailableError } from "./native-backend-unavailable-error.js";
import { chooseNativeIsa, type NativeIsa } from "./native-isa.js";
import { NativeBackendOptionError } from "./native-backend-option-error.js";

// Work that stays in JavaScript on any backend (arbitrary functions, typed-array copies) is the
// reference backend's: it reads and writes tensor data through the same typed-array views.
const javascript = createReferenceBackend();

/** Options of `createNativeBackend`. */
export interface NativeBackendOptions {
  /**
   * Threads each kernel may use, the caller's included. Defaults to NABLA_NATIVE_THREADS when
   * set, else to the cores this process may run on.
   */
  threads?: number;
  /**
   * The instruction set whose kernels to run. Defaults to NABLA_NATIVE_ISA when set, else to the
   * best this CPU supports; asking for one the CPU lacks is an error.
   */
  isa?: NativeIsa;
}

/** The native backend, telling which compiled path of its kernels it runs. */
export interface NativeBackend extends Backend {
  /** The kernels' path: "avx512", "avx2" or "generic". */
  readonly isa: NativeIsa;
}

function threadCount(requested: number | undefined): number {
  const fromEnvironment = process.env.NABLA_NATIVE_THREADS;
  const threads = requested ?? (fromEnvironment ? Number(fromEnvironment) : availableParallelism());
  if (!Number.isInteger(threads) || threads < 1) {
    const source = requested === undefined ? `NABLA_NATIVE_THREADS="${fromEnvironment}"` : `threads: ${requested}`;
    throw new NativeBackendOptionError(source, `the thread count must be a positive integer (got ${source})`);
  }
  return threads;
}

function instructionSet(requested: NativeIsa | undefined, supported: readonly NativeIsa[]): NativeIsa {
  if (requested !== undefined) return chooseNativeIsa(requested, supported, `isa: "${requested}"`);
  const fromEnvironment = process.env.NABLA_NATIVE_ISA;
  return chooseNativeIsa(fromEnvironment || undefined, supported, `NABLA_NATIVE_ISA="${fromEnvironment}"`);
}

/**
 * The addon's code for the fused kernel of `fn`, if it has one: its id in @nabla/core's
 * FUSED_ACTIVATION_KERNELS, from which native/activation-kernels.h is generated.
 */
function kernelOf(fn: ActivationFunction): number | undefined {
  return fusedActivationKernelId(fn.kernel);
}

/** The scalars of an activation's programs, which take none. */
const NO_SCALARS = new Float64Array(0);

/** True when the addon is built and loads on this x86-64 CPU (and NABLA_DISABLE_NATIVE is not 1). */
export function isNativeBackendAvailable(): boolean {
  return loadNativeAddon().addon !== undefined;
}

/** The instruction sets whose kernels this CPU can run, best first; empty where isNativeBackendAvailable() is false. */
export function supportedNativeIsas(): NativeIsa[] {
  return loadNativeAddon().addon?.supportedIsas() ?? [];
}

/**
 * Kernels in C++ with a thread pool, behind the same interface as the reference backend: the
 * AVX-512, AVX2/FMA or generic x86-64 build of them, as `isa` says. Tensor data stays in ordinary
 * typed arrays, which the addon reads and writes in place. Throws NativeBackendUnavailableError
 * where isNativeBackendAvailable() is false.
 */
export function createNativeBackend(options: NativeBackendOptions = {}): NativeBackend {
  const { addon: loaded, reason } = loadNativeAddon();
  if (!loaded) throw new NativeBackendUnavailableError(reason);
  const threads = threadCount(options.threads);
  const isa = instructionSet(options.isa, loaded.supportedIsas());
  const addon = loaded.kernels(isa);
  /** The compiled programs of fn's expression, if it has one. */
  const programsOf = (fn: ActivationFunction) => (fn.expression ? activationProgramHandles(loaded, fn.expression) : undefined);

  return {
    name: "native",
    isa,

    allocate(dtype: DType, length: number): FloatArray {
      return dtype === "float64" ? new Float64Array(length) : new Float32Array(length);
    },

    matmul(a, b, out, transposeA, transposeB) {
      const k = transposeA ? a.shape[0] : a.shape[1];
      addon.matmul(a.data, b.data, out.data, out.shape[0], k, out.shape[1], transposeA, transposeB, threads);
    },

    linearForward(x, weight, bias, z, after) {
      const kernel = after ? kernelOf(after.fn) : undefined;
      const expression = after && kernel === undefined ? programsOf(after.fn)?.forward : undefined;
      const fused = after !== null && (kernel !== undefined || expression !== undefined);
      addon.linearForward(x.data, weight.data, bias.data, z.data, fused ? after.out.data : null, kernel ?? null, expression ?? null, x.rows, x.cols, weight.cols, threads);
      // An activation with neither a fused kernel nor an expression runs its own JavaScript on the finished z.
      if (after && !fused) javascript.activate(after.fn, z, after.out);
    },

    linearInputGradient(g, weight, out, below) {
      const kernel = below ? kernelOf(below.fn) : undefined;
      const expression = below && kernel === undefined ? programsOf(below.fn)?.backward : undefined;
      const fused = below !== null && (kernel !== undefined || expression !== undefined);
      addon.linearInputGradient(
        g.data,
        weight.data,
        fused ? below.z.data : null,
        fused ? below.a.data : null,
        out.data,
        kernel ?? null,
        expression ?? null,
        g.rows,
        weight.rows,
        weight.cols,
        threads,
      );
      if (below && !fused) javascript.activateBackward(below.fn, below.z, below.a, out, out);
    },

    linearWeightGradients(x, g, gradWeight, gradBias) {
      addon.linearWeightGradients(x.data, g.data, gradWeight.data, gradBias.data, x.rows, x.cols, g.cols, threads);
    },

    addRowVector(x, row, out) {
      addon.addRowVector(x.data, row.data, out.data, x.cols, threads);
    },

    sumRows(x, out) {
      addon.sumRows(x.data, out.data, x.cols, threads);
    },

    activate(fn: ActivationFunction, z, out) {
      const kernel = kernelOf(fn);
      if (kernel !== undefined) return addon.activate(kernel, z.data, out.data, threads);
      const programs = programsOf(fn);
      if (programs) return addon.evaluateExpression(programs.forward, [z.data], [out.data], NO_SCALARS, threads);
      // An activation with neither a fused kernel nor an expression runs its own JavaScript, element by element.
      javascript.activate(fn, z, out);
    },

    activateBackward(fn: ActivationFunction, z, a, gradA, gradZ) {
      const kernel = kernelOf(fn);
      if (kernel !== undefined) return addon.activateBackward(kernel, z.data, a.data, gradA.data, gradZ.data, threads);
      const programs = programsOf(fn);
      if (programs) return addon.evaluateExpression(programs.backward, [z.data, a.data, gradA.data], [gradZ.data], NO_SCALARS, threads);
      javascript.activateBackward(fn, z, a, gradA, gradZ);
    },

    // Arbitrary JavaScript cannot run in the addon.
    map: javascript.map,

    // One threaded pass over the tensors, every assignment per element.
    applyUpdateRule(rule, tensors, scalars) {
      const arrays = tensors.map((t) => t.data);
      addon.evaluateExpression(updateRuleProgramHandle(loaded, rule), arrays, arrays, Float64Array.from(scalars), threads);
    },

    multiply(a, b, out) {
      addon.multiply(a.data, b.data, out.data, threads);
    },

    scale(x, alpha, out) {
      addon.scale(x.data, alpha, out.data, threads);
    },

    dropout(x, mask, out, draw) {
      addon.dropout(x.data, mask.data, out.data, draw.key[0], draw.key[1], draw.keepMax, draw.scale, threads);
    },

    meanSquaredError(pred, target, grad) {
      return addon.meanSquaredError(pred.data, target.data, grad?.data ?? null, threads);
    },

    softmaxCrossEntropy(logits, labels, grad) {
      return addon.softmaxCrossEntropy(logits.data, labels, grad?.data ?? null, logits.cols, threads);
    },

    sgdUpdate(param, grad, lr) {
      addon.sgdUpdate(param.data, grad.data, lr, threads);
    },

    adamUpdate(param, grad, m, v, hp: AdamHyperparameters) {
      const { lr, beta1, beta2, eps, step } = hp;
      // The bias corrections are computed here, with JavaScript's **, as the reference backend does.
      addon.adamUpdate(param.data, grad.data, m.data, v.data, lr, beta1, beta2, eps, 1 - beta1 ** step, 1 - beta2 ** step, threads);
    },

    argmaxRows(x) {
      const result = new Int32Array(x.rows);
      // With no columns every row's answer is index 0, as in the reference backend.
      if (x.cols > 0) addon.argmaxRows(x.data, result, x.cols);
      return result;
    },

    allFinite(x) {
      return addon.allFinite(x.data, threads);
    },

    gatherRows(x, indices, out) {
      addon.gatherRows(x.data, indices, out.data, x.cols, threads);
    },

    copy(source: Tensor, target: Tensor) {
      addon.copy(source.data, target.data, threads);
    },

    fill(x, value) {
      addon.fill(x.data, value, threads);
    },
  };
}
