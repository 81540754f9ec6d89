import { Type, type Static } from "@sinclair/typebox";
import { importOptimizerState, ops, validateOptions, type Optimizer, type OptimizerState, type Parameter } from "@nabla/core";

/** SGD's options, with their ranges and defaults: what a spec's "nabla/sgd" accepts and what the constructor fills in. */
export const sgdOptionsSchema = Type.Object({
  /** Learning rate α. */
  lr: Type.Number({ exclusiveMinimum: 0, default: 1e-3, description: "learning rate α" }),
});

/** SGD's options; each one left out takes its default from sgdOptionsSchema. */
export type SGDOptions = Partial<Static<typeof sgdOptionsSchema>>;

/** Plain gradient descent, w ← w − α ∂L/∂w (18): no momentum, as in the report. */
export class SGD implements Optimizer {
  /** Its registry key. */
  readonly type = "nabla/sgd";
  /** The parameters it updates. */
  readonly parameters: readonly Parameter[];
  /** Learning rate α. */
  readonly lr: number;

  constructor(parameters: readonly Parameter[], options: SGDOptions = {}) {
    this.lr = validateOptions(sgdOptionsSchema, options, "SGD").lr;
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
