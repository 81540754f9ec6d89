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
}
