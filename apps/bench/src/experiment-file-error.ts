/** An experiment file that is not a valid experiment: which file, where in it (a JSON path), what is wrong and what is allowed. */
export class ExperimentFileError extends Error {
  override readonly name = "ExperimentFileError";
  constructor(
    readonly file: string,
    readonly path: string,
    readonly problem: string,
    readonly allowed: readonly string[] = [],
  ) {
    super(`${file}: ${path}: ${problem}${allowed.length > 0 ? ` (allowed: ${allowed.join(", ")})` : ""}`);
  }
}
