/** Targets of the wrong kind for a loss: labels given to a regression loss, or values to a classification loss. */
export class InvalidTargetsError extends TypeError {
  override readonly name = "InvalidTargetsError";
  constructor(
    readonly loss: string,
    expected: string,
    got: string,
  ) {
    super(`${loss}: targets must be ${expected}, got ${got}`);
  }
}
