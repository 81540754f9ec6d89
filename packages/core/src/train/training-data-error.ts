/** What is wrong with the data given to fit. */
export type TrainingDataProblem = "shape-mismatch" | "non-finite" | "label-out-of-range";

/** Where the problem is: the first bad value's row and column, or the two shapes that disagree. */
export interface TrainingDataLocation {
  /** Row of the first bad value. */
  readonly row?: number;
  /** An index within the sample (for x, the feature). */
  readonly column?: number;
  /** The shape given and the shape the model needs, for a shape mismatch. */
  readonly shapes?: {
    /** The shape fit was given. */
    readonly given: readonly number[];
    /** The shape the model needs. */
    readonly expected: readonly number[];
  };
}

/**
 * Data that fit refuses before training: says which argument (`x` or `y`), what is wrong, and
 * where: the row (and column) of the first bad value, or both shapes when they disagree.
 */
export class TrainingDataError extends Error {
  /** The class name, so logs and `error.name` checks can tell the errors apart. */
  override readonly name = "TrainingDataError";
  /** Row of the first bad value. */
  readonly row?: number;
  /** Column of the first bad value, an index within the sample. */
  readonly column?: number;
  /** The shape given and the shape the model needs, for a shape mismatch. */
  readonly shapes?: TrainingDataLocation["shapes"];

  constructor(
    /** Which of fit's arguments is at fault. */
    readonly argument: "x" | "y",
    /** What is wrong with it. */
    readonly problem: TrainingDataProblem,
    detail: string,
    location: TrainingDataLocation = {},
  ) {
    super(`fit: ${detail}`);
    this.row = location.row;
    this.column = location.column;
    this.shapes = location.shapes;
  }
}
