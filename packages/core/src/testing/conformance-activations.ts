import type { ActivationFunction } from "../activation-function.js";
import type { Expression } from "../expression/expression.js";
import { expressionActivation } from "../expression/expression-activation.js";
import { stableSigmoid } from "../expression/stable-sigmoid.js";
import { FUSED_ACTIVATION_KERNELS } from "../fused-activation-kernels.js";
import { fusedKernelActivation } from "../fused-activation-math.js";

// The activations the conformance suite runs through activate, activateBackward and the fused
// Linear kernels.

/**
 * ReLU, SiLU, sigmoid and tanh, every activation a backend may have a fused kernel for, evaluated
 * from the math core declares for those kernels (FUSED_ACTIVATION_MATH), as @nabla/activations
 * defines them too: a backend's hand-written kernels are checked against that one source.
 */
export const BUILT_IN_ACTIVATIONS: readonly ActivationFunction[] = FUSED_ACTIVATION_KERNELS.map(fusedKernelActivation);

/**
 * Activations no backend has a fused kernel for (one names none, one names a kernel that does
 * not exist): a backend must run their own forward and derivative, so the results are exact.
 */
export const JAVASCRIPT_ACTIVATIONS: readonly ActivationFunction[] = [
  { name: "softsign", forward: (z) => z / (1 + Math.abs(z)), derivative: (z) => 1 / (1 + Math.abs(z)) ** 2 },
  { name: "softplus", kernel: "no-such-kernel", forward: (z) => Math.log1p(Math.exp(z)), derivative: (z) => stableSigmoid(z) },
];

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
/** tanh u of GELU's tanh approximation, u = sqrt(2/π)(x + 0.044715x³). */
const GELU_TANH: Expression = ["tanh", ["mul", SQRT_2_OVER_PI, ["add", "x", ["mul", 0.044715, ["pow", "x", 3]]]]];

/**
 * Activations declared as expressions, together using every operator: a backend may compile them
 * into its own kernels, and must then agree with their reference evaluation. All but the first
 * have derivatives derived by core, so the suite covers the differentiation rules too.
 */
export const EXPRESSION_ACTIVATIONS: readonly ActivationFunction[] = [
  expressionActivation({
    name: "gelu-tanh (expression, derivative given)",
    forward: ["mul", ["mul", 0.5, "x"], ["add", 1, GELU_TANH]],
    // ½(1 + tanh u) + ½x(1 − tanh² u)·sqrt(2/π)(1 + 3·0.044715x²), and its limits 1 and 0 past |x| = 10.
    derivative: [
      "where",
      ["gt", ["abs", "x"], 10],
      ["gt", "x", 0],
      ["add", ["mul", 0.5, ["add", 1, GELU_TANH]], ["mul", ["mul", ["mul", 0.5, "x"], ["sub", 1, ["pow", GELU_TANH, 2]]], ["mul", SQRT_2_OVER_PI, ["add", 1, ["mul", 3 * 0.044715, ["pow", "x", 2]]]]]],
    ],
  }),
  expressionActivation({ name: "tanh (expression, derivative over y)", forward: ["tanh", "x"], derivative: ["sub", 1, ["mul", "y", "y"]] }),
  expressionActivation({ name: "gelu-erf (expression)", forward: ["mul", ["mul", 0.5, "x"], ["add", 1, ["erf", ["mul", Math.SQRT1_2, "x"]]]] }),
  expressionActivation({ name: "softplus (expression)", forward: ["where", ["gt", "x", 30], "x", ["log1p", ["exp", "x"]]] }),
  expressionActivation({ name: "leaky-relu (expression)", forward: ["where", ["gt", "x", 0], "x", ["mul", 0.01, "x"]] }),
  expressionActivation({ name: "isru (expression)", forward: ["div", "x", ["sqrt", ["add", 1, ["pow", "x", 2]]]] }),
  expressionActivation({ name: "swish-log (expression)", forward: ["mul", ["sigmoid", "x"], ["log", ["add", 1, ["abs", "x"]]]] }),
  expressionActivation({ name: "clipped (expression)", forward: ["max", ["min", ["sub", ["mul", 2, "x"], ["pow", "x", -2]], 6], ["neg", 6]] }),
  expressionActivation({ name: "bump (expression)", forward: ["add", ["mul", ["le", "x", 1], ["exp", ["neg", ["pow", "x", 2]]]], ["mul", ["ne", "x", 0], ["lt", "x", ["ge", "x", ["eq", "x", 2]]]]] }),
];

/** True for an activation a backend may compile from its expression: one without a fused kernel's name. */
export function isCompiledExpression(fn: ActivationFunction): boolean {
  return fn.expression !== undefined && fn.kernel === undefined;
}

/** Fused kernels that are piecewise linear, so any correct implementation gives the reference's exact bits. */
const EXACT_KERNELS: ReadonlySet<string> = new Set(["relu"]);

/**
 * True when a backend must reproduce fn's JavaScript results bit for bit: fn runs as JavaScript
 * on every backend, or its fused kernel involves no rounding beyond the reference's. Other fused
 * kernels (sigmoid, silu, tanh) go through exp, whose last bits a backend's own exp may not share,
 * and so may a backend's compiled expressions.
 */
export function activationIsExact(fn: ActivationFunction): boolean {
  if (fn.kernel !== undefined && EXACT_KERNELS.has(fn.kernel)) return true;
  if (fn.expression !== undefined) return false;
  return JAVASCRIPT_ACTIVATIONS.includes(fn) || fn.kernel === undefined;
}
