import type { Tensor } from "./tensor.js";
import { Tensor as TensorClass } from "./tensor.js";

/** A trainable tensor and the gradient of the loss with respect to it (overwritten by each backward pass). */
export class Parameter {
  readonly grad: Tensor;

  constructor(
    readonly name: string,
    readonly value: Tensor,
  ) {
    this.grad = TensorClass.zeros(value.shape, { dtype: value.dtype, backend: value.backend });
  }
}
