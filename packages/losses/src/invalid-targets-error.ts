/** Targets of the wrong kind for a loss: labels given to a regression loss, or values to a classification loss. */
export class InvalidTargetsError extends TypeError {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "InvalidTargetsError";
  constructor(
    /** The loss that refused them, e.g. "MSELoss". */
    readonly loss: string,
    expected: string,
    got: string,
  ) {
    super(`${loss}: targets must be ${expected}, got ${got}`);
  }
}
