import type { Parameter } from "./parameter.js";
import { sameShape, type Tensor } from "./tensor.js";

/** Updates parameters from their gradients; state (moments, step count) lives inside. */
export interface Optimizer {
  /** The registry key it was built from ("nabla/adam"). */
  readonly type: string;
  /** The parameters it updates, in the order given. */
  readonly parameters: readonly Parameter[];
  /** Updates every parameter from its current gradient. */
  step(): void;
  /** Everything `step` depends on besides the parameters (moments, step count), for a checkpoint. */
  exportState(): OptimizerState;
  /**
   * Continues from a state `exportState` returned (its tensors are copied in). Throws
   * OptimizerStateError when an entry is missing, extra or of the wrong shape.
   */
  importState(state: OptimizerState): void;
}

/**
 * An optimizer's state by name: tensors (one per parameter and kind, e.g. "m.0", "v.0") and
 * numbers (e.g. "step"). A stateless optimizer returns two empty maps.
 */
export interface OptimizerState {
  /** Per-parameter tensors by name ("m.0", "velocity.1"), the shapes of the parameters. */
  readonly tensors: ReadonlyMap<string, Tensor>;
  /** Numbers by name ("step"). */
  readonly scalars: ReadonlyMap<string, number>;
}

/** A state that does not fit the optimizer it is imported into. */
export class OptimizerStateError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "OptimizerStateError";
  constructor(
    /** The optimizer the state was imported into (its `type`). */
    readonly optimizer: string,
    /** What does not fit, for people. */
    readonly problem: string,
  ) {
    super(`${optimizer}: cannot import the optimizer state: ${problem}`);
  }
}

/**
 * Copies `state` into an optimizer's own tensors and returns its scalars, after checking that
 * the names are exactly those of `tensors` and `scalarNames` and every shape matches: the one
 * check every optimizer's importState needs.
 */
export function importOptimizerState(
  optimizer: string,
  state: OptimizerState,
  tensors: ReadonlyMap<string, Tensor>,
  scalarNames: readonly string[],
): Map<string, number> {
  for (const name of state.tensors.keys()) {
    if (!tensors.has(name)) throw new OptimizerStateError(optimizer, `unexpected tensor "${name}"`);
  }
  for (const name of state.scalars.keys()) {
    if (!scalarNames.includes(name)) throw new OptimizerStateError(optimizer, `unexpected number "${name}"`);
  }
  for (const [name, target] of tensors) {
    const source = state.tensors.get(name);
    if (!source) throw new OptimizerStateError(optimizer, `missing tensor "${name}"`);
    if (!sameShape(source.shape, target.shape)) {
      throw new OptimizerStateError(optimizer, `tensor "${name}" has shape [${source.shape.join(", ")}], expected [${target.shape.join(", ")}]`);
    }
  }
  const scalars = new Map<string, number>();
  for (const name of scalarNames) {
    const value = state.scalars.get(name);
    if (value === undefined || !Number.isFinite(value)) throw new OptimizerStateError(optimizer, `missing number "${name}"`);
    scalars.set(name, value);
  }
  for (const [name, target] of tensors) target.data.set(state.tensors.get(name)!.data);
  return scalars;
}
