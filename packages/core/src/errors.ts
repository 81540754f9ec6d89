/** Two tensors whose shapes cannot be combined by the requested operation. */
export class ShapeMismatchError extends Error {
  override readonly name = "ShapeMismatchError";
  constructor(
    readonly operation: string,
    readonly shapes: ReadonlyArray<readonly number[]>,
    detail: string,
  ) {
    super(`${operation}: ${detail} (shapes ${shapes.map((s) => `[${s.join(", ")}]`).join(" and ")})`);
  }
}

/** Operands of one kernel that disagree on dtype or backend. */
export class OperandMismatchError extends Error {
  override readonly name = "OperandMismatchError";
}
