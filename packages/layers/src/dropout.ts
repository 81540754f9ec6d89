import { Type } from "@sinclair/typebox";
import { Module, ops, reuseTensor, validateOptions, type BackwardOptions, type RandomGenerator, type Tensor } from "@nabla/core";

/** Dropout's drop probability, as a model spec gives it: the one place its range and default are stated. */
export const dropoutRateSchema = Type.Object({
  /** Drop probability, in [0, 1). */
  p: Type.Number({ minimum: 0, exclusiveMaximum: 1, default: 0.5, description: "drop probability, in [0, 1)" }),
});

/** How a Dropout layer is built. */
export interface DropoutOptions {
  /** Draws the masks. */
  generator: RandomGenerator;
}

/**
 * Inverted dropout: in training each element is kept with probability 1 − p and scaled by
 * 1/(1 − p), so the expected output equals the input and eval mode is the plain identity.
 * The backend draws each mask from a Philox key of two words of the generator's stream, except
 * with a generator whose masks must come from its own stream (`masksFromStream`, NumPy's).
 */
export class Dropout extends Module {
  readonly type = "nabla/dropout";
  private readonly generator: RandomGenerator;
  /** What the latest forward pass did: backward must undo the same thing. */
  private lastPass: "identity" | "masked" | undefined;
  private mask: Tensor | undefined;
  private output: Tensor | undefined;
  private inputGrad: Tensor | undefined;

  /** @param p - Probability of dropping each element, in [0, 1). @param options - The generator that draws the masks. */
  constructor(
    readonly p: number,
    options: DropoutOptions,
  ) {
    super();
    validateOptions(dropoutRateSchema, { p }, "Dropout");
    this.generator = options.generator;
  }

  // #region forward
  /** In training, x ⊙ mask/(1 − p) with a new mask; in eval mode (or with p = 0), x itself. */
  forward(x: Tensor): Tensor {
    if (!this.training || this.p === 0) {
      this.lastPass = "identity";
      return x;
    }
    this.mask = reuseTensor(this.mask, x.shape, x);
    this.output = reuseTensor(this.output, x.shape, x);
    this.lastPass = "masked";
    if (this.generator.masksFromStream) {
      // One draw per element in row-major order, in a single call: a NumPy-compatible generator
      // reproduces binomial(1, 1 − p, size=x.shape) only when asked for the whole mask at once.
      this.generator.fillBernoulli(this.mask.data, 1 - this.p);
      ops.scale(this.mask, 1 / (1 - this.p), this.mask);
      ops.multiply(x, this.mask, this.output);
    } else {
      // Two words of the model's stream key the mask; the backend draws it, so a checkpoint of
      // the generator is all a resumed run needs to draw the same masks.
      ops.dropout(x, this.p, [this.generator.nextUint32(), this.generator.nextUint32()], this.mask, this.output);
    }
    return this.output;
  }
  // #endregion forward

  // #region backward
  /** ∂L/∂x = ∂L/∂y ⊙ mask: the dropped elements pass no gradient back. */
  backward(gradOutput: Tensor, options: BackwardOptions = { inputGrad: true }): Tensor | null {
    if (!this.lastPass) throw new Error("Dropout: backward called before forward");
    if (!options.inputGrad) return null;
    if (this.lastPass === "identity") return gradOutput;
    this.inputGrad = ops.multiply(gradOutput, this.mask!, reuseTensor(this.inputGrad, gradOutput.shape, gradOutput));
    return this.inputGrad;
  }
  // #endregion backward
}
