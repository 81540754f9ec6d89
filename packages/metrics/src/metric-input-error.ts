/** Inputs a metric cannot score (mismatched lengths, no samples, non-finite values, non-integer labels) or options it does not know. */
export class MetricInputError extends Error {
  override readonly name = "MetricInputError";
  constructor(
    /** The metric that was called, e.g. "r2Score". */
    readonly metric: string,
    readonly problem: string,
  ) {
    super(`${metric}: ${problem}`);
  }
}
