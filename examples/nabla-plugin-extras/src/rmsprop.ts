import { Type, type Static } from "@sinclair/typebox";
import { Tensor, ops, validateOptions, type Optimizer, type Parameter } from "@nabla/core";

/** RMSprop's options, with their ranges and defaults: what a spec's "extras/rmsprop" accepts and what the constructor fills in. */
export const rmspropOptionsSchema = Type.Object({
  lr: Type.Number({ exclusiveMinimum: 0, default: 1e-3, description: "learning rate" }),
  rho: Type.Number({ minimum: 0, exclusiveMaximum: 1, default: 0.9, description: "decay of the running mean of squared gradients, in [0, 1)" }),
  eps: Type.Number({ exclusiveMinimum: 0, default: 1e-8, description: "added to the root mean square so the step stays finite" }),
});

/** RMSprop's options; each one left out takes its default from rmspropOptionsSchema. */
export type RMSpropOptions = Partial<Static<typeof rmspropOptionsSchema>>;

/** RMSprop (Hinton): s ← ρ s + (1 − ρ) g², w ← w − lr·g / (sqrt(s) + eps). */
export class RMSprop implements Optimizer {
  readonly type = "extras/rmsprop";
  readonly parameters: readonly Parameter[];
  readonly lr: number;
  readonly rho: number;
  readonly eps: number;
  private readonly meanSquares: readonly Tensor[];

  constructor(parameters: readonly Parameter[], options: RMSpropOptions = {}) {
    ({ lr: this.lr, rho: this.rho, eps: this.eps } = validateOptions(rmspropOptionsSchema, options, "RMSprop"));
    this.parameters = [...parameters];
    this.meanSquares = this.parameters.map(({ value }) => Tensor.zeros(value.shape, { dtype: value.dtype, backend: value.backend }));
  }

  step(): void {
    const { lr, rho, eps } = this;
    this.parameters.forEach((parameter, i) => {
      const s = this.meanSquares[i];
      ops.map([s, parameter.grad], (sk, g) => rho * sk + (1 - rho) * g * g, s);
      ops.map([parameter.value, parameter.grad, s], (w, g, sk) => w - (lr * g) / (Math.sqrt(sk) + eps), parameter.value);
    });
  }
}
