import type { Parameter } from "./parameter.js";

/** Updates parameters from their gradients; state (moments, step count) lives inside. */
export interface Optimizer {
  readonly type: string;
  readonly parameters: readonly Parameter[];
  step(): void;
}
