import type { ActivationFunction } from "../activation-function.js";
import type { DType, FloatArray } from "../dtype.js";
import { compileUpdateRule, type CompiledUpdateRule } from "../expression/update-rule.js";
import { ADAM_UPDATE_RULE, SGD_UPDATE_RULE } from "../fused-update-rules.js";
import { applyDropoutMask } from "../random/dropout-mask.js";
import type { Tensor } from "../tensor.js";
import type { AdamHyperparameters, Backend } from "./backend.js";
import { matmulNN, matmulNT, matmulTN, matmulTT } from "./reference-matmul.js";

/** Plain TypeScript kernels: the readable baseline every other backend is checked against. */
export function createReferenceBackend(): Backend {
  // Compiled on the first step, not when the backend is made: the wasm and native backends make
  // one on import, and importing them should run no generated code.
  let sgd: CompiledUpdateRule | undefined;
  let adam: CompiledUpdateRule | undefined;
  return {
    name: "reference",

    allocate(dtype: DType, length: number): FloatArray {
      return dtype === "float64" ? new Float64Array(length) : new Float32Array(length);
    },

    matmul(a, b, out, transposeA, transposeB) {
      const m = out.shape[0];
      const n = out.shape[1];
      const k = transposeA ? a.shape[0] : a.shape[1];
      const kernel = transposeA ? (transposeB ? matmulTT : matmulTN) : transposeB ? matmulNT : matmulNN;
      kernel(a.data, b.data, out.data, m, k, n);
    },

    addRowVector(x, row, out) {
      const n = x.cols;
      const xs = x.data, rs = row.data, os = out.data;
      for (let i = 0; i < x.size; i += n) {
        for (let j = 0; j < n; j++) os[i + j] = xs[i + j] + rs[j];
      }
    },

    sumRows(x, out) {
      const n = x.cols;
      const xs = x.data, os = out.data;
      os.fill(0);
      for (let i = 0; i < x.size; i += n) {
        for (let j = 0; j < n; j++) os[j] += xs[i + j];
      }
    },

    // #region activate
    activate(fn: ActivationFunction, z, out) {
      const zs = z.data, os = out.data;
      for (let k = 0; k < zs.length; k++) os[k] = fn.forward(zs[k]);
    },
    // #endregion activate

    // #region activate-backward
    activateBackward(fn: ActivationFunction, z, a, gradA, gradZ) {
      const zs = z.data, as = a.data, gs = gradA.data, out = gradZ.data;
      for (let k = 0; k < zs.length; k++) out[k] = gs[k] * fn.derivative(zs[k], as[k]);
    },
    // #endregion activate-backward

    map(out, inputs, f) {
      const os = out.data;
      const arrays = inputs.map((t) => t.data);
      const values = new Array<number>(arrays.length);
      for (let k = 0; k < os.length; k++) {
        for (let q = 0; q < arrays.length; q++) values[q] = arrays[q][k];
        os[k] = f(...values);
      }
    },

    multiply(a, b, out) {
      const as = a.data, bs = b.data, os = out.data;
      for (let k = 0; k < os.length; k++) os[k] = as[k] * bs[k];
    },

    scale(x, alpha, out) {
      const xs = x.data, os = out.data;
      for (let k = 0; k < os.length; k++) os[k] = alpha * xs[k];
    },

    dropout(x, mask, out, draw) {
      applyDropoutMask(x.data, mask.data, out.data, draw);
    },

    // #region mse
    meanSquaredError(pred, target, grad) {
      const ps = pred.data, ts = target.data;
      const size = ps.length;
      let sum = 0;
      for (let k = 0; k < size; k++) {
        const d = ps[k] - ts[k];
        sum += d * d;
      }
      if (grad) {
        // Equation (14): ∂L/∂a = 2(a − y)/N
        const gs = grad.data;
        const factor = 2 / size;
        for (let k = 0; k < size; k++) gs[k] = factor * (ps[k] - ts[k]);
      }
      return sum / size;
    },
    // #endregion mse

    // #region softmax-cross-entropy
    softmaxCrossEntropy(logits, labels, grad) {
      const rows = logits.rows, cols = logits.cols;
      const ls = logits.data;
      const gs = grad?.data;
      let total = 0;
      for (let i = 0; i < rows; i++) {
        const row = i * cols;
        let max = -Infinity;
        for (let j = 0; j < cols; j++) if (ls[row + j] > max) max = ls[row + j];
        let sumExp = 0;
        for (let j = 0; j < cols; j++) sumExp += Math.exp(ls[row + j] - max);
        const logSumExp = max + Math.log(sumExp);
        total += logSumExp - ls[row + labels[i]];
        if (gs) {
          // Equation (17): ∂L/∂a = (softmax − onehot)/N
          for (let j = 0; j < cols; j++) {
            const p = Math.exp(ls[row + j] - logSumExp);
            gs[row + j] = (p - (j === labels[i] ? 1 : 0)) / rows;
          }
        }
      }
      return total / rows;
    },
    // #endregion softmax-cross-entropy

    // #region sgd
    // SGD_UPDATE_RULE, equation (18), as one loop over the elements.
    sgdUpdate(param, grad, lr) {
      sgd ??= compileUpdateRule(SGD_UPDATE_RULE);
      sgd.elementLoop([param.data, grad.data], [lr]);
    },
    // #endregion sgd

    // #region adam
    // ADAM_UPDATE_RULE, equations (19)–(22), with the bias corrections of (21) once per step.
    adamUpdate(param, grad, m, v, hp: AdamHyperparameters) {
      const { lr, beta1, beta2, eps, step } = hp;
      adam ??= compileUpdateRule(ADAM_UPDATE_RULE);
      adam.elementLoop([param.data, grad.data, m.data, v.data], [lr, beta1, beta2, eps, 1 - beta1 ** step, 1 - beta2 ** step]);
    },
    // #endregion adam

    applyUpdateRule(rule, tensors, scalars) {
      rule.elementLoop(tensors.map((t) => t.data), scalars);
    },

    argmaxRows(x) {
      const rows = x.rows, cols = x.cols, xs = x.data;
      const result = new Int32Array(rows);
      for (let i = 0; i < rows; i++) {
        let best = 0;
        let bestValue = xs[i * cols];
        for (let j = 1; j < cols; j++) {
          if (xs[i * cols + j] > bestValue) {
            bestValue = xs[i * cols + j];
            best = j;
          }
        }
        result[i] = best;
      }
      return result;
    },

    allFinite(x) {
      const xs = x.data;
      for (let k = 0; k < xs.length; k++) if (!Number.isFinite(xs[k])) return false;
      return true;
    },

    gatherRows(x, indices, out) {
      const cols = x.cols;
      for (let r = 0; r < indices.length; r++) {
        out.data.set(x.data.subarray(indices[r] * cols, (indices[r] + 1) * cols), r * cols);
      }
    },

    copy(source: Tensor, target: Tensor) {
      target.data.set(source.data);
    },

    fill(x, value) {
      x.data.fill(value);
    },
  };
}
