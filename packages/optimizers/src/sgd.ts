import { importOptimizerState, ops, type Optimizer, type OptimizerState, type Parameter } from "@nabla/core";

/** Options of `SGD`. */
export interface SGDOptions {
  /** Learning rate α (default 1e-3). */
  lr?: number;
}

/** Plain gradient descent, w ← w − α ∂L/∂w (18): no momentum, as in the report. */
export class SGD implements Optimizer {
  /** Its registry key. */
  readonly type = "nabla/sgd";
  /** The parameters it updates. */
  readonly parameters: readonly Parameter[];
  /** Learning rate α. */
  readonly lr: number;

  constructor(parameters: readonly Parameter[], options: SGDOptions = {}) {
    this.lr = options.lr ?? 1e-3;
    if (!(this.lr > 0 && Number.isFinite(this.lr))) throw new RangeError(`SGD: lr must be a finite number > 0, got ${this.lr}`);
    this.parameters = [...parameters];
  }

  // #region step
  /** w ← w − α·∂L/∂w for every parameter (18). */
  step(): void {
    for (const parameter of this.parameters) ops.sgdUpdate(parameter.value, parameter.grad, this.lr);
  }
  // #endregion step

  /** Plain SGD keeps no state: two empty maps. */
  exportState(): OptimizerState {
    return { tensors: new Map(), scalars: new Map() };
  }

  importState(state: OptimizerState): void {
    importOptimizerState(this.type, state, new Map(), []);
  }
}
