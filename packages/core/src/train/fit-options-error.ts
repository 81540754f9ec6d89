/** fit called with options it cannot train with (a bad epoch count or batch size); bad data is a TrainingDataError. */
export class FitOptionsError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "FitOptionsError";
  constructor(
    /** The option at fault ("epochs", "batchSize", "checkpoint.every", "model", …). */
    readonly option: string,
    /** What is wrong with it, for people. */
    readonly problem: string,
  ) {
    super(`fit: ${option}: ${problem}`);
  }
}
