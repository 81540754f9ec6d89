import { ShapeMismatchError, ops, reuseTensor, type Loss, type Targets, type Tensor } from "@nabla/core";
import { describeTargets } from "./describe-targets.js";
import { InvalidTargetsError } from "./invalid-targets-error.js";

/**
 * Softmax cross entropy for classification: p = softmax(a) (15), L = −(1/N) Σ log p_y (16),
 * ∂L/∂a = (p − onehot(y))/N (17). Softmax and log are fused into one log-sum-exp per row, so
 * logits of any size give a finite loss; the gradient comes out of the same pass.
 */
export class CrossEntropyLoss implements Loss {
  /** Its registry key. */
  readonly type = "nabla/cross-entropy";
  private grad: Tensor | undefined;

  // #region forward
  /** The mean cross-entropy (16) of logits [rows, classes] against one Int32Array label per row; forms the gradient (17) for `backward`. */
  forward(logits: Tensor, labels: Targets): number {
    if (!(labels instanceof Int32Array)) {
      throw new InvalidTargetsError("CrossEntropyLoss", "an Int32Array of class labels, one per row", describeTargets(labels));
    }
    if (logits.shape.length !== 2 || labels.length !== logits.rows) {
      throw new ShapeMismatchError(
        "CrossEntropyLoss",
        [logits.shape, [labels.length]],
        `logits must be [rows, classes] with one label per row, got ${labels.length} labels`,
      );
    }
    this.grad = reuseTensor(this.grad, logits.shape, logits);
    return ops.softmaxCrossEntropy(logits, labels, this.grad);
  }
  // #endregion forward

  backward(): Tensor {
    if (!this.grad) throw new Error("CrossEntropyLoss: backward called before forward");
    return this.grad;
  }
}
