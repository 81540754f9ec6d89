import type { ActivationFunction } from "./activation-function.js";
import type { ActivationAfter, ActivationBelow, AdamHyperparameters } from "./backend/backend.js";
import { OperandMismatchError, ShapeMismatchError } from "./errors.js";
import type { CompiledUpdateRule } from "./expression/update-rule.js";
import { dropoutMask } from "./random/dropout-mask.js";
import { Tensor, sameShape } from "./tensor.js";

// The validated front door to the backend kernels: shapes, dtypes and backends are checked here
// once, so kernels can stay tight and layers can stay free of loops over tensor data.

function checkOperands(operation: string, tensors: readonly Tensor[]): void {
  const [first] = tensors;
  for (const t of tensors) {
    if (t.dtype !== first.dtype) throw new OperandMismatchError(`${operation}: mixes ${first.dtype} and ${t.dtype} tensors`);
    if (t.backend !== first.backend) {
      // Most often a tensor made before a faster backend was imported, which moved the default.
      throw new OperandMismatchError(
        `${operation}: mixes tensors of the ${first.backend.name} and ${t.backend.name} backends; ` +
          "move one with tensor.to({ backend }), or make both after the backend packages are imported",
      );
    }
  }
}

function checkSameShape(operation: string, a: Tensor, b: Tensor): void {
  if (!sameShape(a.shape, b.shape)) throw new ShapeMismatchError(operation, [a.shape, b.shape], "shapes must be equal");
}

function outputFor(out: Tensor | undefined, shape: readonly number[], like: Tensor, operation: string): Tensor {
  if (!out) return Tensor.zeros(shape, { dtype: like.dtype, backend: like.backend });
  if (!sameShape(out.shape, shape)) throw new ShapeMismatchError(operation, [out.shape, shape], "output has the wrong shape");
  return out;
}

function check2d(operation: string, t: Tensor): void {
  if (t.shape.length !== 2) throw new ShapeMismatchError(operation, [t.shape], "expected a 2-D tensor");
}

/** Options of `matmul`. */
export interface MatmulOptions {
  /** Use aᵀ instead of a. */
  transposeA?: boolean;
  /** Use bᵀ instead of b. */
  transposeB?: boolean;
  /** Where the product goes (default: a new tensor). */
  out?: Tensor;
}

/** op(a) · op(b) for 2-D tensors; the transposed forms serve the backward pass. */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  const { transposeA = false, transposeB = false } = options;
  check2d("matmul", a);
  check2d("matmul", b);
  const [m, kA] = transposeA ? [a.shape[1], a.shape[0]] : [a.shape[0], a.shape[1]];
  const [kB, n] = transposeB ? [b.shape[1], b.shape[0]] : [b.shape[0], b.shape[1]];
  if (kA !== kB) {
    throw new ShapeMismatchError("matmul", [a.shape, b.shape], `inner dimensions ${kA} and ${kB} differ`);
  }
  const out = outputFor(options.out, [m, n], a, "matmul");
  checkOperands("matmul", [a, b, out]);
  a.backend.matmul(a, b, out, transposeA, transposeB);
  return out;
}

function checkLinear(operation: string, x: Tensor, weight: Tensor, bias: Tensor): void {
  check2d(operation, x);
  check2d(operation, weight);
  if (x.cols !== weight.rows) {
    throw new ShapeMismatchError(operation, [x.shape, weight.shape], `input has ${x.cols} features, weight expects ${weight.rows}`);
  }
  if (bias.size !== weight.cols) throw new ShapeMismatchError(operation, [weight.shape, bias.shape], `bias needs ${weight.cols} elements`);
}

// #region linear-forward
/**
 * z = x·weight + bias, and after.out = after.fn(z) when `after` is given: a Linear layer, with
 * the activation after it, in one pass where the backend has a fused kernel.
 */
export function linearForward(x: Tensor, weight: Tensor, bias: Tensor, z?: Tensor, after?: ActivationAfter): Tensor {
  checkLinear("linearForward", x, weight, bias);
  const result = outputFor(z, [x.rows, weight.cols], x, "linearForward");
  if (after) checkSameShape("linearForward", result, after.out);
  checkOperands("linearForward", after ? [x, weight, bias, result, after.out] : [x, weight, bias, result]);
  const backend = x.backend;
  if (backend.linearForward) {
    backend.linearForward(x, weight, bias, result, after ?? null);
  } else {
    backend.matmul(x, weight, result, false, false);
    backend.addRowVector(result, bias, result);
    if (after) backend.activate(after.fn, result, after.out);
  }
  return result;
}
// #endregion linear-forward

// #region linear-input-gradient
/**
 * ∂L/∂x = g·weightᵀ of a Linear layer; when `below` is the activation that produced x, its
 * derivative is applied too, giving ∂L/∂z of that activation in one pass.
 */
export function linearInputGradient(g: Tensor, weight: Tensor, out?: Tensor, below?: ActivationBelow): Tensor {
  check2d("linearInputGradient", g);
  check2d("linearInputGradient", weight);
  if (g.cols !== weight.cols) {
    throw new ShapeMismatchError("linearInputGradient", [g.shape, weight.shape], `gradient has ${g.cols} columns, weight has ${weight.cols} outputs`);
  }
  const result = outputFor(out, [g.rows, weight.rows], g, "linearInputGradient");
  if (result === g) throw new OperandMismatchError("linearInputGradient: out must not be g");
  if (below) {
    checkSameShape("linearInputGradient", result, below.z);
    checkSameShape("linearInputGradient", result, below.a);
  }
  checkOperands("linearInputGradient", below ? [g, weight, result, below.z, below.a] : [g, weight, result]);
  const backend = g.backend;
  if (backend.linearInputGradient) {
    backend.linearInputGradient(g, weight, result, below ?? null);
  } else {
    backend.matmul(g, weight, result, false, true);
    if (below) backend.activateBackward(below.fn, below.z, below.a, result, result);
  }
  return result;
}
// #endregion linear-input-gradient

// #region linear-weight-gradients
/** ∂L/∂W = xᵀ·g into gradWeight and ∂L/∂b = Σ_rows g into gradBias: a Linear layer's parameter gradients. */
export function linearWeightGradients(x: Tensor, g: Tensor, gradWeight: Tensor, gradBias: Tensor): void {
  check2d("linearWeightGradients", x);
  check2d("linearWeightGradients", g);
  if (x.rows !== g.rows) throw new ShapeMismatchError("linearWeightGradients", [x.shape, g.shape], "x and g need the same rows");
  outputFor(gradWeight, [x.cols, g.cols], x, "linearWeightGradients");
  if (gradBias.size !== g.cols) throw new ShapeMismatchError("linearWeightGradients", [g.shape, gradBias.shape], `bias gradient needs ${g.cols} elements`);
  checkOperands("linearWeightGradients", [x, g, gradWeight, gradBias]);
  const backend = x.backend;
  if (backend.linearWeightGradients) {
    backend.linearWeightGradients(x, g, gradWeight, gradBias);
  } else {
    backend.matmul(x, g, gradWeight, true, false);
    backend.sumRows(g, gradBias);
  }
}
// #endregion linear-weight-gradients

/** x + row, the row broadcast over every row of x. */
export function addRowVector(x: Tensor, row: Tensor, out?: Tensor): Tensor {
  check2d("addRowVector", x);
  if (row.size !== x.cols) throw new ShapeMismatchError("addRowVector", [x.shape, row.shape], `row needs ${x.cols} elements`);
  const result = outputFor(out, x.shape, x, "addRowVector");
  checkOperands("addRowVector", [x, row, result]);
  x.backend.addRowVector(x, row, result);
  return result;
}

/** Σ over axis 0, as a [1, cols] tensor. */
export function sumRows(x: Tensor, out?: Tensor): Tensor {
  check2d("sumRows", x);
  const result = outputFor(out, [1, x.cols], x, "sumRows");
  checkOperands("sumRows", [x, result]);
  x.backend.sumRows(x, result);
  return result;
}

/** a = g(z) elementwise, into `out` (default: a new tensor). */
export function activate(fn: ActivationFunction, z: Tensor, out?: Tensor): Tensor {
  const result = outputFor(out, z.shape, z, "activate");
  checkOperands("activate", [z, result]);
  z.backend.activate(fn, z, result);
  return result;
}

/** ∂L/∂z = ∂L/∂a ⊙ g'(z), elementwise, from the z and a of the forward pass. */
export function activateBackward(fn: ActivationFunction, z: Tensor, a: Tensor, gradA: Tensor, out?: Tensor): Tensor {
  checkSameShape("activateBackward", z, a);
  checkSameShape("activateBackward", z, gradA);
  const result = outputFor(out, z.shape, z, "activateBackward");
  checkOperands("activateBackward", [z, a, gradA, result]);
  z.backend.activateBackward(fn, z, a, gradA, result);
  return result;
}

/** out[k] = f(inputs[0][k], …): elementwise work a plugin needs beyond the named kernels. */
export function map(inputs: readonly Tensor[], f: (...values: number[]) => number, out?: Tensor): Tensor {
  if (inputs.length === 0 && !out) throw new RangeError("map needs at least one input or an output tensor");
  const like = inputs[0] ?? out!;
  for (const t of inputs) checkSameShape("map", like, t);
  const result = outputFor(out, like.shape, like, "map");
  checkOperands("map", [...inputs, result]);
  result.backend.map(result, inputs, f);
  return result;
}

/** a ⊙ b, elementwise; same shapes. */
export function multiply(a: Tensor, b: Tensor, out?: Tensor): Tensor {
  checkSameShape("multiply", a, b);
  const result = outputFor(out, a.shape, a, "multiply");
  checkOperands("multiply", [a, b, result]);
  a.backend.multiply(a, b, result);
  return result;
}

/** α·x, elementwise. */
export function scale(x: Tensor, alpha: number, out?: Tensor): Tensor {
  const result = outputFor(out, x.shape, x, "scale");
  checkOperands("scale", [x, result]);
  x.backend.scale(x, alpha, result);
  return result;
}

/**
 * Inverted dropout of x with drop probability p ∈ (0, 1): the backend draws a mask from the
 * Philox key (two unsigned 32-bit words, a fresh pair for every mask) with mask[k] = 1/(1 − p)
 * or 0, writes it into `mask` (backward needs it) and x ⊙ mask into `out`, which is returned.
 */
export function dropout(x: Tensor, p: number, key: readonly [number, number], mask: Tensor, out: Tensor): Tensor {
  checkSameShape("dropout", x, mask);
  checkSameShape("dropout", x, out);
  if (mask === x || mask === out) throw new OperandMismatchError("dropout: mask must be a tensor of its own");
  checkOperands("dropout", [x, mask, out]);
  x.backend.dropout(x, mask, out, dropoutMask(p, key));
  return out;
}

/** Mean of (pred − target)² over all elements, equation (13); writes 2(pred − target)/N into `grad` when given, equation (14). */
export function meanSquaredError(pred: Tensor, target: Tensor, grad: Tensor | null = null): number {
  if (pred.size !== target.size) throw new ShapeMismatchError("meanSquaredError", [pred.shape, target.shape], "sizes differ");
  if (grad) checkSameShape("meanSquaredError", pred, grad);
  checkOperands("meanSquaredError", grad ? [pred, target, grad] : [pred, target]);
  return pred.backend.meanSquaredError(pred, target, grad);
}

/** Mean of −log softmax(logits)[label] over the rows, equations (15)–(16), by a stable log-sum-exp; writes (softmax − onehot)/N into `grad` when given, equation (17). */
export function softmaxCrossEntropy(logits: Tensor, labels: Int32Array, grad: Tensor | null = null): number {
  check2d("softmaxCrossEntropy", logits);
  if (labels.length !== logits.rows) {
    throw new ShapeMismatchError("softmaxCrossEntropy", [logits.shape, [labels.length]], "need one label per row");
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0 || labels[i] >= logits.cols || !Number.isInteger(labels[i])) {
      throw new RangeError(`softmaxCrossEntropy: label ${labels[i]} at row ${i} is outside 0..${logits.cols - 1}`);
    }
  }
  if (grad) checkSameShape("softmaxCrossEntropy", logits, grad);
  checkOperands("softmaxCrossEntropy", grad ? [logits, grad] : [logits]);
  return logits.backend.softmaxCrossEntropy(logits, labels, grad);
}

/** param ← param − lr·grad, equation (18), in place. */
export function sgdUpdate(param: Tensor, grad: Tensor, lr: number): void {
  checkSameShape("sgdUpdate", param, grad);
  checkOperands("sgdUpdate", [param, grad]);
  param.backend.sgdUpdate(param, grad, lr);
}

/** One Adam step, equations (19)–(22), in place: updates the moments m and v, then param. */
export function adamUpdate(param: Tensor, grad: Tensor, m: Tensor, v: Tensor, hp: AdamHyperparameters): void {
  for (const t of [grad, m, v]) checkSameShape("adamUpdate", param, t);
  checkOperands("adamUpdate", [param, grad, m, v]);
  param.backend.adamUpdate(param, grad, m, v, hp);
}

/** Index of the largest value in each row: predicted classes from logits. */
export function argmaxRows(x: Tensor): Int32Array {
  check2d("argmaxRows", x);
  return x.backend.argmaxRows(x);
}

/** Whether no element is NaN or ±Infinity. */
export function allFinite(x: Tensor): boolean {
  return x.backend.allFinite(x);
}

/** The rows of x at `indices`, in that order. */
export function gatherRows(x: Tensor, indices: Int32Array, out?: Tensor): Tensor {
  check2d("gatherRows", x);
  for (let r = 0; r < indices.length; r++) {
    if (!Number.isInteger(indices[r]) || indices[r] < 0 || indices[r] >= x.rows) {
      throw new RangeError(`gatherRows: index ${indices[r]} is outside 0..${x.rows - 1}`);
    }
  }
  const result = outputFor(out, [indices.length, x.cols], x, "gatherRows");
  checkOperands("gatherRows", [x, result]);
  x.backend.gatherRows(x, indices, result);
  return result;
}

/** target ← source, elementwise; same shape, dtype and backend. */
export function copy(source: Tensor, target: Tensor): void {
  checkSameShape("copy", source, target);
  checkOperands("copy", [source, target]);
  source.backend.copy(source, target);
}

/** Sets every element of x to `value`. */
export function fill(x: Tensor, value: number): void {
  x.backend.fill(x, value);
}

/**
 * One step of an optimizer declared as an UpdateRule: `tensors` and `scalars` in the order the
 * rule names them, the targets updated in place, by the backend's compiled kernel where it has
 * one and else each assignment through the backend's `map` with the rule's reference evaluation.
 */
export function applyUpdateRule(rule: CompiledUpdateRule, tensors: readonly Tensor[], scalars: readonly number[]): void {
  if (tensors.length !== rule.tensors.length) throw new RangeError(`applyUpdateRule: the rule names ${rule.tensors.length} tensors (${rule.tensors.join(", ")}), got ${tensors.length}`);
  if (scalars.length !== rule.scalars.length) throw new RangeError(`applyUpdateRule: the rule names ${rule.scalars.length} scalars (${rule.scalars.join(", ")}), got ${scalars.length}`);
  for (const t of tensors) checkSameShape("applyUpdateRule", tensors[0], t);
  checkOperands("applyUpdateRule", tensors);
  const backend = tensors[0].backend;
  if (backend.applyUpdateRule) return backend.applyUpdateRule(rule, tensors, scalars);
  rule.updates.forEach(({ target }, i) => {
    backend.map(tensors[rule.tensors.indexOf(target)], tensors, rule.evaluators[i](...scalars));
  });
}
