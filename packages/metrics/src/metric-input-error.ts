/** Inputs a metric cannot score (mismatched lengths, no samples, non-finite values, non-integer labels) or options it does not know. */
export class MetricInputError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "MetricInputError";
  constructor(
    /** The metric that was called, e.g. "r2Score". */
    readonly metric: string,
    /** What is wrong with the inputs or options. */
    readonly problem: string,
  ) {
    super(`${metric}: ${problem}`);
  }
}
