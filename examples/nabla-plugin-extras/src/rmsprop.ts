import { Type, type Static } from "@sinclair/typebox";
import { Tensor, importOptimizerState, ops, validateOptions, type Optimizer, type OptimizerState, type Parameter } from "@nabla/core";
import { RMSPROP_UPDATE } from "./rmsprop-update.js";

/** RMSprop's options, with their ranges and defaults: what a spec's "extras/rmsprop" accepts and what the constructor fills in. */
export const rmspropOptionsSchema = Type.Object({
  /** Learning rate. */
  lr: Type.Number({ exclusiveMinimum: 0, default: 1e-3, description: "learning rate" }),
  /** Decay of the running mean of squared gradients, in [0, 1). */
  rho: Type.Number({ minimum: 0, exclusiveMaximum: 1, default: 0.9, description: "decay of the running mean of squared gradients, in [0, 1)" }),
  /** Added to the root mean square so the step stays finite. */
  eps: Type.Number({ exclusiveMinimum: 0, default: 1e-8, description: "added to the root mean square so the step stays finite" }),
});

/** RMSprop's options; each one left out takes its default from rmspropOptionsSchema. */
export type RMSpropOptions = Partial<Static<typeof rmspropOptionsSchema>>;

/** RMSprop (Hinton): s ← ρ s + (1 − ρ) g², w ← w − lr·g / (sqrt(s) + eps), as the update rule RMSPROP_UPDATE. */
export class RMSprop implements Optimizer {
  /** Its registry key. */
  readonly type = "extras/rmsprop";
  /** The parameters it updates. */
  readonly parameters: readonly Parameter[];
  /** Learning rate. */
  readonly lr: number;
  /** Decay ρ of the running mean of squared gradients. */
  readonly rho: number;
  /** Added to the root mean square so the step stays finite. */
  readonly eps: number;
  private readonly meanSquares: readonly Tensor[];

  constructor(parameters: readonly Parameter[], options: RMSpropOptions = {}) {
    ({ lr: this.lr, rho: this.rho, eps: this.eps } = validateOptions(rmspropOptionsSchema, options, "RMSprop"));
    this.parameters = [...parameters];
    this.meanSquares = this.parameters.map(({ value }) => Tensor.zeros(value.shape, { dtype: value.dtype, backend: value.backend }));
  }

  /** s ← ρ s + (1 − ρ) g², then w ← w − lr·g/(√s + ε), for every parameter. */
  step(): void {
    const { lr, rho, eps } = this;
    this.parameters.forEach((parameter, i) => {
      ops.applyUpdateRule(RMSPROP_UPDATE, [parameter.value, parameter.grad, this.meanSquares[i]], [lr, rho, eps]);
    });
  }

  /** The running mean squares as "meanSquare.<i>" for parameter i. */
  exportState(): OptimizerState {
    return { tensors: this.namedMeanSquares(), scalars: new Map() };
  }

  importState(state: OptimizerState): void {
    importOptimizerState(this.type, state, this.namedMeanSquares(), []);
  }

  private namedMeanSquares(): Map<string, Tensor> {
    return new Map(this.meanSquares.map((s, i) => [`meanSquare.${i}`, s]));
  }
}
