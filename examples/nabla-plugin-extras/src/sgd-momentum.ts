import { Type, type Static } from "@sinclair/typebox";
import { Tensor, importOptimizerState, ops, validateOptions, type Optimizer, type OptimizerState, type Parameter } from "@nabla/core";
import { SGD_MOMENTUM_UPDATE } from "./sgd-momentum-update.js";

/** SGDMomentum's options, with their ranges and defaults: what a spec's "extras/sgd-momentum" accepts and what the constructor fills in. */
export const sgdMomentumOptionsSchema = Type.Object({
  /** Learning rate. */
  lr: Type.Number({ exclusiveMinimum: 0, default: 1e-3, description: "learning rate" }),
  /** Fraction of the previous velocity kept each step, in [0, 1). */
  momentum: Type.Number({ minimum: 0, exclusiveMaximum: 1, default: 0.9, description: "fraction of the previous velocity kept each step, in [0, 1)" }),
});

/** SGDMomentum's options; each one left out takes its default from sgdMomentumOptionsSchema. */
export type SGDMomentumOptions = Partial<Static<typeof sgdMomentumOptionsSchema>>;

/** Gradient descent with heavy-ball momentum, as PyTorch writes it: v ← μ v + g, w ← w − lr·v (the update rule SGD_MOMENTUM_UPDATE). */
export class SGDMomentum implements Optimizer {
  /** Its registry key. */
  readonly type = "extras/sgd-momentum";
  /** The parameters it updates. */
  readonly parameters: readonly Parameter[];
  /** Learning rate. */
  readonly lr: number;
  /** Fraction μ of the velocity kept each step. */
  readonly momentum: number;
  private readonly velocities: readonly Tensor[];

  constructor(parameters: readonly Parameter[], options: SGDMomentumOptions = {}) {
    ({ lr: this.lr, momentum: this.momentum } = validateOptions(sgdMomentumOptionsSchema, options, "SGDMomentum"));
    this.parameters = [...parameters];
    this.velocities = this.parameters.map(({ value }) => Tensor.zeros(value.shape, { dtype: value.dtype, backend: value.backend }));
  }

  /** v ← μ v + g, then w ← w − lr·v, for every parameter. */
  step(): void {
    this.parameters.forEach((parameter, i) => {
      ops.applyUpdateRule(SGD_MOMENTUM_UPDATE, [parameter.value, parameter.grad, this.velocities[i]], [this.lr, this.momentum]);
    });
  }

  /** The velocities as "velocity.<i>" for parameter i. */
  exportState(): OptimizerState {
    return { tensors: this.namedVelocities(), scalars: new Map() };
  }

  importState(state: OptimizerState): void {
    importOptimizerState(this.type, state, this.namedVelocities(), []);
  }

  private namedVelocities(): Map<string, Tensor> {
    return new Map(this.velocities.map((velocity, i) => [`velocity.${i}`, velocity]));
  }
}
