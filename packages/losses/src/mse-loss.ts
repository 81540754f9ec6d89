import { ShapeMismatchError, isTensor, ops, reuseTensor, type Loss, type Targets, type Tensor } from "@nabla/core";
import { describeTargets } from "./describe-targets.js";
import { InvalidTargetsError } from "./invalid-targets-error.js";

/**
 * Mean squared error over all elements, L = (1/N) Σ (a − y)² (13), for regression. The gradient
 * 2(a − y)/N (14) is formed in the same pass as the loss and handed out by `backward`.
 */
export class MSELoss implements Loss {
  /** Its registry key. */
  readonly type = "nabla/mse";
  private grad: Tensor | undefined;

  // #region forward
  /** The mean squared error (13); forms the gradient (14) for `backward`. Targets must be a Tensor with one value per prediction. */
  forward(predictions: Tensor, targets: Targets): number {
    if (!isTensor(targets)) {
      throw new InvalidTargetsError("MSELoss", "a Tensor with one value per prediction", describeTargets(targets));
    }
    if (targets.size !== predictions.size) {
      throw new ShapeMismatchError(
        "MSELoss",
        [predictions.shape, targets.shape],
        `targets need one value per prediction (${predictions.size}), got ${targets.size}`,
      );
    }
    this.grad = reuseTensor(this.grad, predictions.shape, predictions);
    return ops.meanSquaredError(predictions, targets, this.grad);
  }
  // #endregion forward

  backward(): Tensor {
    if (!this.grad) throw new Error("MSELoss: backward called before forward");
    return this.grad;
  }
}
