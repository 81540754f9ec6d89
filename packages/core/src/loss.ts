import type { Tensor } from "./tensor.js";

/** Regression targets are a tensor shaped like the predictions; class targets are integer labels. */
export type Targets = Tensor | Int32Array;

/** A scalar objective: forward returns the mean loss, backward returns ∂L/∂predictions. */
export interface Loss {
  readonly type: string;
  forward(predictions: Tensor, targets: Targets): number;
  /** ∂L/∂predictions for the latest forward call; starts the chain of backward passes. */
  backward(): Tensor;
}
