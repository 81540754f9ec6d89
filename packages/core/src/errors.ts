/** Two tensors whose shapes cannot be combined by the requested operation. */
export class ShapeMismatchError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "ShapeMismatchError";
  constructor(
    /** The operation that was asked for ("matmul", "MSELoss"). */
    readonly operation: string,
    /** The shapes that do not fit together. */
    readonly shapes: ReadonlyArray<readonly number[]>,
    detail: string,
  ) {
    super(`${operation}: ${detail} (shapes ${shapes.map((s) => `[${s.join(", ")}]`).join(" and ")})`);
  }
}

/** Operands of one kernel that disagree on dtype or backend. */
export class OperandMismatchError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "OperandMismatchError";
}
