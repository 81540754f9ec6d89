import type { Tensor } from "./tensor.js";
import { Tensor as TensorClass } from "./tensor.js";

/** A trainable tensor and the gradient of the loss with respect to it (overwritten by each backward pass). */
export class Parameter {
  /** ∂L/∂value from the latest backward pass, same shape and dtype as `value`. */
  readonly grad: Tensor;

  constructor(
    /** Name within its module ("weight", "bias"), used by gradient checks and saved models. */
    readonly name: string,
    /** The current values, updated in place by the optimizer. */
    readonly value: Tensor,
  ) {
    this.grad = TensorClass.zeros(value.shape, { dtype: value.dtype, backend: value.backend });
  }
}
