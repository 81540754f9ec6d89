import type { Tensor } from "./tensor.js";

/** Regression targets are a tensor shaped like the predictions; class targets are integer labels. */
export type Targets = Tensor | Int32Array;

/** A scalar objective: forward returns the mean loss, backward returns ∂L/∂predictions. */
export interface Loss {
  /** The registry key it was built from ("nabla/mse"). */
  readonly type: string;
  /** The mean loss over the batch; also forms the gradient that `backward` returns. */
  forward(predictions: Tensor, targets: Targets): number;
  /** ∂L/∂predictions for the latest forward call; starts the chain of backward passes. */
  backward(): Tensor;
}
