import { describe, expect, it } from "vitest";
import type { ActivationFunction } from "../activation-function.js";
import type { Backend } from "../backend/backend.js";
import { createReferenceBackend } from "../backend/reference-backend.js";
import { DTYPES } from "../dtype.js";
import { Tensor } from "../tensor.js";
import { BackendConformanceError } from "./backend-conformance-error.js";
import { BUILT_IN_ACTIVATIONS } from "./conformance-activations.js";
import { CONFORMANCE_CASES, type BackendKernel } from "./conformance-cases.js";

const base = createReferenceBackend();
const reference = createReferenceBackend();

/** The optional Linear kernels composed from the reference's, as ops does without them: correct by construction. */
const composedLinearKernels: Pick<Required<Backend>, "linearForward" | "linearInputGradient" | "linearWeightGradients" | "applyUpdateRule"> = {
  linearForward(x, weight, bias, z, after) {
    base.matmul(x, weight, z, false, false);
    base.addRowVector(z, bias, z);
    if (after) base.activate(after.fn, z, after.out);
  },
  linearInputGradient(g, weight, out, below) {
    base.matmul(g, weight, out, false, true);
    if (below) base.activateBackward(below.fn, below.z, below.a, out, out);
  },
  linearWeightGradients(x, g, gradWeight, gradBias) {
    base.matmul(x, g, gradWeight, true, false);
    base.sumRows(g, gradBias);
  },
  applyUpdateRule(rule, tensors, scalars) {
    rule.updates.forEach(({ target }, i) => base.map(tensors[rule.tensors.indexOf(target)], tensors, rule.evaluators[i](...scalars)));
  },
};

/** One subtly wrong kernel per entry, each the kind of slip a SIMD tail, a fused loop or a stable formula invites. */
const BUGS: { kernel: BackendKernel; bug: string; replacement: Partial<Backend> }[] = [
  {
    kernel: "allocate",
    bug: "returns storage that is not zero-filled",
    replacement: { allocate: (dtype, length) => base.allocate(dtype, length).fill(1e-3) },
  },
  {
    kernel: "matmul",
    bug: "accumulates into its output instead of overwriting it",
    replacement: {
      matmul(a, b, out, transposeA, transposeB) {
        const product = Tensor.zeros(out.shape, { dtype: out.dtype, backend: base });
        base.matmul(a, b, product, transposeA, transposeB);
        out.data.forEach((v, i) => (out.data[i] = v + product.data[i]));
      },
    },
  },
  {
    kernel: "linearForward",
    bug: "adds the bias twice",
    replacement: {
      linearForward(x, weight, bias, z, after) {
        composedLinearKernels.linearForward(x, weight, bias, z, null);
        base.addRowVector(z, bias, z);
        if (after) base.activate(after.fn, z, after.out);
      },
    },
  },
  {
    kernel: "linearInputGradient",
    bug: "ignores the derivative of the activation below",
    replacement: { linearInputGradient: (g, weight, out) => base.matmul(g, weight, out, false, true) },
  },
  {
    kernel: "linearWeightGradients",
    bug: "leaves the last row of g out of the bias gradient",
    replacement: {
      linearWeightGradients(x, g, gradWeight, gradBias) {
        base.matmul(x, g, gradWeight, true, false);
        gradBias.data.fill(0);
        for (let i = 0; i < (g.rows - 1) * g.cols; i++) gradBias.data[i % g.cols] += g.data[i];
      },
    },
  },
  {
    kernel: "addRowVector",
    bug: "skips the last column",
    replacement: {
      addRowVector(x, row, out) {
        for (let i = 0; i < x.size; i++) if ((i + 1) % x.cols !== 0) out.data[i] = x.data[i] + row.data[i % x.cols];
      },
    },
  },
  {
    kernel: "sumRows",
    bug: "adds into its stale output instead of zeroing it first",
    replacement: {
      sumRows(x, out) {
        for (let i = 0; i < x.size; i++) out.data[i % x.cols] += x.data[i];
      },
    },
  },
  {
    kernel: "activate",
    bug: "computes tanh as (e^2z − 1)/(e^2z + 1), NaN once e^2z overflows",
    replacement: {
      activate(fn, z, out) {
        if (fn.kernel !== "tanh") return base.activate(fn, z, out);
        z.data.forEach((v, i) => (out.data[i] = (Math.exp(2 * v) - 1) / (Math.exp(2 * v) + 1)));
      },
    },
  },
  {
    kernel: "activateBackward",
    bug: "gives ReLU a derivative of 1 at z = 0",
    replacement: {
      activateBackward(fn, z, a, gradA, gradZ) {
        if (fn.kernel !== "relu") return base.activateBackward(fn, z, a, gradA, gradZ);
        z.data.forEach((v, i) => (gradZ.data[i] = v >= 0 ? gradA.data[i] : 0));
      },
    },
  },
  {
    kernel: "activate",
    bug: "clamps an expression activation's input to ±20, as a vector exp might to avoid overflow",
    replacement: {
      activate(fn, z, out) {
        if (!fn.expression || fn.kernel) return base.activate(fn, z, out);
        z.data.forEach((v, i) => (out.data[i] = fn.forward(Math.max(-20, Math.min(20, v)))));
      },
    },
  },
  {
    kernel: "activateBackward",
    bug: "passes an expression derivative z where it reads the forward value y",
    replacement: {
      activateBackward(fn, z, a, gradA, gradZ) {
        if (!fn.expression || fn.kernel) return base.activateBackward(fn, z, a, gradA, gradZ);
        z.data.forEach((v, i) => (gradZ.data[i] = gradA.data[i] * fn.derivative(v, v)));
      },
    },
  },
  {
    kernel: "applyUpdateRule",
    bug: "computes every assignment from the old values, as if they ran at once",
    replacement: {
      applyUpdateRule(rule, tensors, scalars) {
        const before = tensors.map((t) => Tensor.from(t.data, t.shape, { dtype: t.dtype, backend: base }));
        rule.updates.forEach(({ target }, i) => base.map(tensors[rule.tensors.indexOf(target)], before, rule.evaluators[i](...scalars)));
      },
    },
  },
  {
    kernel: "map",
    bug: "passes its inputs in reverse order",
    replacement: { map: (out, inputs, f) => base.map(out, [...inputs].reverse(), f) },
  },
  {
    kernel: "multiply",
    bug: "squares its first operand",
    replacement: { multiply: (a, _b, out) => base.multiply(a, a, out) },
  },
  {
    kernel: "scale",
    bug: "skips the last element",
    replacement: {
      scale(x, alpha, out) {
        for (let i = 0; i < x.size - 1; i++) out.data[i] = alpha * x.data[i];
      },
    },
  },
  {
    kernel: "dropout",
    bug: "restarts the Philox counter for the second half of the elements, as a thread given its own range might",
    replacement: {
      dropout(x, mask, out, draw) {
        const half = Math.ceil(x.size / 2);
        const part = (t: Tensor, from: number, to: number) => Tensor.from(t.data.subarray(from, to), [to - from], { dtype: t.dtype, backend: base });
        for (const [from, to] of [[0, half], [half, x.size]]) {
          const maskPart = part(mask, from, to), outPart = part(out, from, to);
          base.dropout(part(x, from, to), maskPart, outPart, draw);
          mask.data.set(maskPart.data, from);
          out.data.set(outPart.data, from);
        }
      },
    },
  },
  {
    kernel: "meanSquaredError",
    bug: "leaves out the factor 2 of the gradient",
    replacement: {
      meanSquaredError(pred, target, grad) {
        const loss = base.meanSquaredError(pred, target, grad);
        grad?.data.forEach((v, i) => (grad.data[i] = v / 2));
        return loss;
      },
    },
  },
  {
    kernel: "softmaxCrossEntropy",
    bug: "takes e^logit without subtracting the row's largest logit first",
    replacement: {
      softmaxCrossEntropy(logits, labels, grad) {
        let total = 0;
        for (let i = 0; i < logits.rows; i++) {
          const row = logits.data.subarray(i * logits.cols, (i + 1) * logits.cols);
          let sumExp = 0;
          for (const v of row) sumExp += Math.exp(v);
          total += Math.log(sumExp) - row[labels[i]];
          if (!grad) continue;
          row.forEach((v, j) => (grad.data[i * logits.cols + j] = (Math.exp(v) / sumExp - (j === labels[i] ? 1 : 0)) / logits.rows));
        }
        return total / logits.rows;
      },
    },
  },
  {
    kernel: "sgdUpdate",
    bug: "steps up the gradient instead of down",
    replacement: { sgdUpdate: (param, grad, lr) => base.sgdUpdate(param, grad, -lr) },
  },
  {
    kernel: "adamUpdate",
    bug: "skips the bias corrections",
    replacement: {
      adamUpdate(param, grad, m, v, hp) {
        const { lr, beta1, beta2, eps } = hp;
        param.data.forEach((_, k) => {
          m.data[k] = beta1 * m.data[k] + (1 - beta1) * grad.data[k];
          v.data[k] = beta2 * v.data[k] + (1 - beta2) * grad.data[k] ** 2;
          param.data[k] -= (lr * m.data[k]) / (Math.sqrt(v.data[k]) + eps);
        });
      },
    },
  },
  {
    kernel: "argmaxRows",
    bug: "returns the last of tied maxima",
    replacement: {
      argmaxRows(x) {
        return Int32Array.from({ length: x.rows }, (_, i) => {
          let best = 0;
          for (let j = 1; j < x.cols; j++) if (x.data[i * x.cols + j] >= x.data[i * x.cols + best]) best = j;
          return best;
        });
      },
    },
  },
  {
    kernel: "allFinite",
    bug: "never looks at the last element",
    replacement: { allFinite: (x) => x.data.subarray(0, x.size - 1).every(Number.isFinite) },
  },
  {
    kernel: "gatherRows",
    bug: "leaves out the last index",
    replacement: { gatherRows: (x, indices, out) => base.gatherRows(x, indices.subarray(0, indices.length - 1), out) },
  },
  {
    kernel: "copy",
    bug: "adds 0 to every element, which turns −0 into +0",
    replacement: { copy: (source, target) => source.data.forEach((v, i) => (target.data[i] = v + 0)) },
  },
  {
    kernel: "fill",
    bug: "fills every element but the last",
    replacement: { fill: (x, value) => x.data.fill(value, 0, x.size - 1) },
  },
];

function casesOf(kernel: BackendKernel) {
  return CONFORMANCE_CASES.filter((c) => c.kernel === kernel);
}

describe("the backend conformance suite", () => {
  it("has cases for every kernel of the reference backend and every optional one", () => {
    const kernels = new Set(CONFORMANCE_CASES.map((c) => c.kernel));
    const required = Object.keys(base).filter((key) => key !== "name");
    expect(required.filter((kernel) => !kernels.has(kernel as BackendKernel))).toEqual([]);
    expect(Object.keys(composedLinearKernels).filter((kernel) => !kernels.has(kernel as BackendKernel))).toEqual([]);
  });

  it.each(DTYPES)("passes correct optional Linear and update-rule kernels in %s", (dtype) => {
    const backend: Backend = { ...createReferenceBackend(), ...composedLinearKernels, name: "composed linear" };
    for (const kernel of ["linearForward", "linearInputGradient", "linearWeightGradients", "applyUpdateRule"] as const) {
      for (const c of casesOf(kernel)) c.run({ backend, reference, dtype, activations: BUILT_IN_ACTIVATIONS });
    }
  });

  it.each(DTYPES)("holds fused kernels to FUSED_ACTIVATION_MATH even when given activations that disagree with it, in %s", (dtype) => {
    // A backend whose "sigmoid" kernel computes tanh, given a "sigmoid" whose JavaScript is tanh
    // too: every case comparing with the given activation passes, only the declared math shows it.
    const tanhAsSigmoid: ActivationFunction = { name: "sigmoid", kernel: "sigmoid", forward: Math.tanh, derivative: (_z, a) => 1 - a * a };
    const swap = (fn: ActivationFunction) => (fn.kernel === "sigmoid" ? tanhAsSigmoid : fn);
    const backend: Backend = {
      ...createReferenceBackend(),
      name: "sigmoid kernel computing tanh",
      activate: (fn, z, out) => base.activate(swap(fn), z, out),
      activateBackward: (fn, z, a, gradA, gradZ) => base.activateBackward(swap(fn), z, a, gradA, gradZ),
    };
    const failing = [...casesOf("activate"), ...casesOf("activateBackward")].filter((c) => {
      try {
        c.run({ backend, reference, dtype, activations: [tanhAsSigmoid] });
        return false;
      } catch (error) {
        expect((error as Error).message).toContain("sigmoid against its declared expression");
        return true;
      }
    });
    expect(failing.map((c) => c.name)).toEqual([
      "every fused kernel computes the forward expression @nabla/core declares for it (FUSED_ACTIVATION_MATH)",
      "every fused kernel's derivative computes the expression @nabla/core declares for it (FUSED_ACTIVATION_MATH)",
    ]);
  });

  it("has a bug below for every kernel, so every kernel's cases are shown to fail", () => {
    expect(new Set(BUGS.map((b) => b.kernel))).toEqual(new Set(CONFORMANCE_CASES.map((c) => c.kernel)));
  });

  describe.each(DTYPES)("in %s", (dtype) => {
    it.each(BUGS)("catches a $kernel that $bug", ({ kernel, bug, replacement }) => {
      const backend: Backend = { ...createReferenceBackend(), ...composedLinearKernels, ...replacement, name: `${kernel} that ${bug}` };
      const failures = casesOf(kernel).filter((c) => {
        try {
          c.run({ backend, reference, dtype, activations: BUILT_IN_ACTIVATIONS });
          return false;
        } catch (error) {
          expect(error).toBeInstanceOf(BackendConformanceError);
          expect((error as Error).message).toContain(`${kernel} that ${bug} backend, ${dtype}`);
          return true;
        }
      });
      expect(failures.length).toBeGreaterThan(0);
    });
  });
});
