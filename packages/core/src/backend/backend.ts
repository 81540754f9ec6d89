import type { ActivationFunction } from "../activation-function.js";
import type { CompiledUpdateRule } from "../expression/update-rule.js";
import type { DType, FloatArray } from "../dtype.js";
import type { DropoutMask } from "../random/dropout-mask.js";
import type { Tensor } from "../tensor.js";

/** The constants of one Adam step, equations (19)–(22). */
export interface AdamHyperparameters {
  /** Learning rate α. */
  lr: number;
  /** Decay β1 of the first moment, equation (19). */
  beta1: number;
  /** Decay β2 of the second moment, equation (20). */
  beta2: number;
  /** ε added to sqrt(v̂) in equation (22). */
  eps: number;
  /** 1-based step count t used for the bias corrections 1 − β^t. */
  step: number;
}

/** The activation right after a Linear layer, applied in the layer's forward pass: out = fn(z). */
export interface ActivationAfter {
  /** The activation g. */
  fn: ActivationFunction;
  /** Where a = g(z) goes. */
  out: Tensor;
}

/** The activation right below a Linear layer (z → a = fn(z)), whose derivative its input gradient takes in. */
export interface ActivationBelow {
  /** The activation g. */
  fn: ActivationFunction;
  /** Its input z, from the forward pass. */
  z: Tensor;
  /** Its output a = g(z), from the forward pass. */
  a: Tensor;
}

/**
 * Every numeric kernel Nabla runs. Layers, losses and optimizers call these and never loop over
 * tensor data themselves, so a faster backend (WebAssembly, native) can replace the reference one.
 * Kernels write into `out` tensors that callers allocate through `allocate`, and may assume the
 * shapes were validated by `ops.ts`. All operands of one call share a dtype and this backend.
 */
export interface Backend {
  /** Short name for messages and benchmarks ("reference", "wasm", "native"). */
  readonly name: string;

  /** Storage for `length` elements, zero-filled; the backend decides where it lives. */
  allocate(dtype: DType, length: number): FloatArray;

  /** out = op(a) · op(b), where op transposes when asked. 2-D operands only. */
  matmul(a: Tensor, b: Tensor, out: Tensor, transposeA: boolean, transposeB: boolean): void;

  /**
   * z = x·weight + bias, then after.out = after.fn(z) when `after` is given: a Linear layer and
   * the activation after it in one pass. Optional, like the two below: without them `ops`
   * composes the same result from matmul, addRowVector, activate, activateBackward and sumRows.
   */
  linearForward?(x: Tensor, weight: Tensor, bias: Tensor, z: Tensor, after: ActivationAfter | null): void;

  /** out = g·weightᵀ, times below.fn'(below.z) elementwise when `below` is given. `out` is never `g`. */
  linearInputGradient?(g: Tensor, weight: Tensor, out: Tensor, below: ActivationBelow | null): void;

  /** gradWeight = xᵀ·g and gradBias = Σ_rows g: a Linear layer's parameter gradients in one pass. */
  linearWeightGradients?(x: Tensor, g: Tensor, gradWeight: Tensor, gradBias: Tensor): void;

  /** out[i, j] = x[i, j] + row[j]: the bias add of a Linear layer. */
  addRowVector(x: Tensor, row: Tensor, out: Tensor): void;

  /** out[0, j] = Σ_i x[i, j]: the bias gradient summed over the batch. */
  sumRows(x: Tensor, out: Tensor): void;

  /** out = g(z) elementwise. */
  activate(fn: ActivationFunction, z: Tensor, out: Tensor): void;

  /** gradZ = gradA ⊙ g'(z), given z and a = g(z). */
  activateBackward(fn: ActivationFunction, z: Tensor, a: Tensor, gradA: Tensor, gradZ: Tensor): void;

  /** out = f(inputs[0][k], inputs[1][k], …) for every element k: the escape hatch for plugins. */
  map(out: Tensor, inputs: readonly Tensor[], f: (...values: number[]) => number): void;

  /** out = a ⊙ b */
  multiply(a: Tensor, b: Tensor, out: Tensor): void;

  /** out = alpha · x */
  scale(x: Tensor, alpha: number, out: Tensor): void;

  /**
   * Inverted dropout with its mask drawn here: mask[k] = draw.scale or 0 from Philox4x32-10 under
   * draw.key, exactly as `DropoutMask` defines it, and out = x ⊙ mask. The mask must not depend
   * on threads or instruction set: every backend draws the reference's mask bit for bit.
   * `out` may be `x`; `mask` is neither.
   */
  dropout(x: Tensor, mask: Tensor, out: Tensor, draw: DropoutMask): void;

  /** Mean over all elements of (pred − target)²; writes its gradient 2(pred − target)/size into grad if given. */
  meanSquaredError(pred: Tensor, target: Tensor, grad: Tensor | null): number;

  /**
   * Mean over rows of −log softmax(logits)[label], computed with a stable log-sum-exp; writes the
   * gradient (softmax − onehot)/rows into grad if given.
   */
  softmaxCrossEntropy(logits: Tensor, labels: Int32Array, grad: Tensor | null): number;

  /** param ← param − lr · grad */
  sgdUpdate(param: Tensor, grad: Tensor, lr: number): void;

  /** One bias-corrected Adam step, updating the moment tensors m and v in place. */
  adamUpdate(param: Tensor, grad: Tensor, m: Tensor, v: Tensor, hp: AdamHyperparameters): void;

  /**
   * One step of an optimizer declared as an update rule: `tensors` and `scalars` in the order the
   * rule names them, its targets updated in place, each assignment seeing the ones before it.
   * Optional: without it `ops` runs each assignment through `map` with the rule's reference evaluation.
   */
  applyUpdateRule?(rule: CompiledUpdateRule, tensors: readonly Tensor[], scalars: readonly number[]): void;

  /** Index of the largest element of each row. */
  argmaxRows(x: Tensor): Int32Array;

  /** True when no element is NaN or ±Infinity. */
  allFinite(x: Tensor): boolean;

  /** out[r, :] = x[indices[r], :]: assembles a mini-batch. */
  gatherRows(x: Tensor, indices: Int32Array, out: Tensor): void;

  /** target ← source, elementwise; same shape and dtype. */
  copy(source: Tensor, target: Tensor): void;
  /** Sets every element of x to `value`. */
  fill(x: Tensor, value: number): void;
}
