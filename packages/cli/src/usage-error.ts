/**
 * A mistake in how `nabla` was called or in the files it was given (a missing file, a bad flag,
 * a spec that does not build, a column that is not there). The command prints
 * `nabla: <problem> (<where>)` on one line and exits with status 2.
 */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(
    readonly problem: string,
    readonly where?: string,
  ) {
    super(where ? `${problem} (${where})` : problem);
  }
}

/** A data column the command needs that the file does not have. */
export class ColumnNotFoundError extends UsageError {
  override name = "ColumnNotFoundError";
  constructor(
    readonly column: string,
    readonly source: string,
    readonly available: readonly string[],
  ) {
    super(`no column "${column}" (columns: ${available.join(", ")})`, source);
  }
}

/** An empty cell where the model needs a value and no `--missing` rule says what to do. */
export class MissingCellError extends UsageError {
  override name = "MissingCellError";
  constructor(
    readonly column: string,
    readonly source: string,
    readonly row: string,
    readonly hint: string,
  ) {
    super(`empty cell in column "${column}"; ${hint}`, `${source}, ${row}`);
  }
}

/** A column of words where numbers were expected, not named with `--categorical`. */
export class TextColumnError extends UsageError {
  override name = "TextColumnError";
  constructor(
    readonly column: string,
    readonly source: string,
    readonly row: string,
    readonly sample: string,
  ) {
    super(
      `column "${column}" holds text such as ${JSON.stringify(sample)}; name it with --categorical ${column} to one-hot encode it`,
      `${source}, ${row}`,
    );
  }
}

/** A category (or class label) the model never saw in training. */
export class UnseenCategoryError extends UsageError {
  override name = "UnseenCategoryError";
  constructor(
    readonly column: string,
    readonly value: string,
    readonly known: readonly string[],
    where: string,
  ) {
    super(`column "${column}" has ${JSON.stringify(value)}, which the model was not trained on (known: ${known.join(", ")})`, where);
  }
}
