import { Tensor, importOptimizerState, ops, type Optimizer, type OptimizerState, type Parameter } from "@nabla/core";
import { RMSPROP_UPDATE } from "./rmsprop-update.js";

/** Options of `RMSprop`. */
export interface RMSpropOptions {
  /** Learning rate (default 1e-3). */
  lr?: number;
  /** Decay of the running mean of squared gradients, in [0, 1) (default 0.9). */
  rho?: number;
  /** Added to the root mean square so the step stays finite (default 1e-8). */
  eps?: number;
}

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
    this.lr = options.lr ?? 1e-3;
    this.rho = options.rho ?? 0.9;
    this.eps = options.eps ?? 1e-8;
    if (!(this.lr > 0)) throw new RangeError(`RMSprop: lr must be > 0, got ${this.lr}`);
    if (!(this.rho >= 0 && this.rho < 1)) throw new RangeError(`RMSprop: rho must be in [0, 1), got ${this.rho}`);
    if (!(this.eps > 0)) throw new RangeError(`RMSprop: eps must be > 0, got ${this.eps}`);
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
