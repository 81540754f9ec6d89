/** fit called with options or data it cannot train on (a bad epoch count, rows that do not match). */
export class FitOptionsError extends Error {
  override readonly name = "FitOptionsError";
  constructor(
    /** The option at fault ("epochs", "batchSize", "checkpoint.every", "y", …). */
    readonly option: string,
    readonly problem: string,
  ) {
    super(`fit: ${option}: ${problem}`);
  }
}
