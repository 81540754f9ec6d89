/**
 * Rows of raw data as a command reads them, before any preprocessing: CSV cells are text ("" when
 * empty), NumPy arrays and built-in datasets give numbers (NaN when missing).
 */
export interface DataTable {
  /** The file or dataset, for messages. */
  readonly source: string;
  readonly rowCount: number;
  readonly columnNames: readonly string[];
  /** The cell at row `row` (0-based) and column index `column`. */
  cell(row: number, column: number): string | number;
  /** Where row `row` is in the source, for messages ("line 14", "row 3"). */
  rowLocation(row: number): string;
  /** Class names of integer labels in the target column, when the dataset ships them. */
  readonly classNames?: readonly string[];
}

/** The index of each column by name; a Map so that headers like `__proto__` are ordinary names. */
export function columnIndex(table: DataTable): Map<string, number> {
  return new Map(table.columnNames.map((name, i) => [name, i]));
}
