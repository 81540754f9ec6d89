/** fit called with options it cannot train with (a bad epoch count or batch size); bad data is a TrainingDataError. */
export class FitOptionsError extends Error {
  override readonly name = "FitOptionsError";
  constructor(
    /** The option at fault ("epochs", "batchSize", "checkpoint.every", "model", …). */
    readonly option: string,
    readonly problem: string,
  ) {
    super(`fit: ${option}: ${problem}`);
  }
}
