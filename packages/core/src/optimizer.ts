import type { Parameter } from "./parameter.js";

/** Updates parameters from their gradients; state (moments, step count) lives inside. */
export interface Optimizer {
  /** The registry key it was built from ("nabla/adam"). */
  readonly type: string;
  /** The parameters it updates, in the order given. */
  readonly parameters: readonly Parameter[];
  /** Updates every parameter from its current gradient. */
  step(): void;
}
