import { Tensor, importOptimizerState, ops, type Optimizer, type OptimizerState, type Parameter } from "@nabla/core";
import { SGD_MOMENTUM_UPDATE } from "./sgd-momentum-update.js";

/** Options of `SGDMomentum`. */
export interface SGDMomentumOptions {
  /** Learning rate (default 1e-3). */
  lr?: number;
  /** Fraction of the previous velocity kept each step, in [0, 1) (default 0.9). */
  momentum?: number;
}

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
    this.lr = options.lr ?? 1e-3;
    this.momentum = options.momentum ?? 0.9;
    if (!(this.lr > 0)) throw new RangeError(`SGDMomentum: lr must be > 0, got ${this.lr}`);
    if (!(this.momentum >= 0 && this.momentum < 1)) throw new RangeError(`SGDMomentum: momentum must be in [0, 1), got ${this.momentum}`);
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
