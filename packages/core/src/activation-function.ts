import type { Expression } from "./expression/expression.js";

/**
 * An elementwise activation a = g(z) with its derivative written beside it. Backends apply
 * `forward` and `derivative` element by element; a backend that has a fused kernel for `kernel`
 * (e.g. "relu") may use it instead, with the same results.
 */
export interface ActivationFunction {
  /** The registry name without namespace ("relu"); also shown in messages. */
  readonly name: string;
  /** a = g(z) */
  forward(z: number): number;
  /** g'(z), given z and the forward value a = g(z) (many derivatives are cheapest from a). */
  derivative(z: number, a: number): number;
  /** Name of a fused backend kernel computing the same function, if one exists. */
  readonly kernel?: string;
  /**
   * The same math as data, when the activation was declared as expressions: a backend may
   * compile it into its fused kernels instead of calling `forward` and `derivative` per element.
   */
  readonly expression?: ActivationExpression;
}

/**
 * An activation's math as expressions: `forward` over the variable "x" (the input z), and
 * `derivative` over "x" and "y" (the forward value a = g(z), as `derivative`'s second argument).
 */
export interface ActivationExpression {
  /** g(x), over the variable "x". */
  readonly forward: Expression;
  /** g'(x), over "x" and "y" = g(x). */
  readonly derivative: Expression;
}
