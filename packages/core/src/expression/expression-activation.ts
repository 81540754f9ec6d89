import type { ActivationExpression, ActivationFunction } from "../activation-function.js";
import { compileExpression } from "./compile-expression.js";
import { differentiateExpression } from "./differentiate-expression.js";
import { validateExpression } from "./validate-expression.js";

/** Variables of an activation's forward expression: the input. */
const FORWARD_VARIABLES = ["x"] as const;
/** Variables of its derivative: the input and the forward value. */
const DERIVATIVE_VARIABLES = ["x", "y"] as const;

/** An activation declared as data: see expressionActivation. */
export interface ActivationDeclaration {
  /** The activation's name, as `ActivationFunction.name`. */
  readonly name: string;
  /** g(x) as an expression over "x". */
  readonly forward: unknown;
  /** g'(x) over "x" and "y" = g(x); derived from `forward` (and simplified) when left out. */
  readonly derivative?: unknown;
  /** A backend's own fused kernel for the same function, which it may use instead. */
  readonly kernel?: string;
}

/**
 * An ActivationFunction from expressions: validated (InvalidExpressionError with the JSON path
 * below `path`, e.g. `$.forward[2]`), its derivative derived symbolically when not given, and
 * `forward` and `derivative` the reference evaluation every backend is checked against, compiled
 * when first called.
 */
export function expressionActivation(declaration: ActivationDeclaration, path = "$"): ActivationFunction {
  const forward = validateExpression(declaration.forward, FORWARD_VARIABLES, `${path}.forward`);
  const derivative =
    declaration.derivative === undefined
      ? differentiateExpression(forward, "x")
      : validateExpression(declaration.derivative, DERIVATIVE_VARIABLES, `${path}.derivative`);
  const expression: ActivationExpression = { forward, derivative };
  // Compiled on first use: a backend with its own kernels never needs them, and declaring an
  // activation (importing @nabla/activations) then runs no generated code, which a content
  // security policy without 'unsafe-eval' would forbid.
  let forwardValue: ((x: number) => number) | undefined;
  let derivativeValue: ((x: number, y: number) => number) | undefined;
  return {
    name: declaration.name,
    ...(declaration.kernel === undefined ? {} : { kernel: declaration.kernel }),
    expression,
    forward: (z) => (forwardValue ??= compileExpression(forward, FORWARD_VARIABLES))(z),
    derivative: (z, a) => (derivativeValue ??= compileExpression(derivative, DERIVATIVE_VARIABLES))(z, a),
  };
}
