import { columnIndex, type DataTable } from "./data-table.js";
import { cellText, isMissingCell, parseNumberCell } from "./parse-cell.js";
import { expandedFeatureNames, type FeatureColumn, type Preprocessing } from "./preprocessing.js";
import { ColumnNotFoundError, MissingCellError, TextColumnError, UnseenCategoryError, UsageError } from "./usage-error.js";

/** The index of column `name` in `table`, or a ColumnNotFoundError listing the columns there are. */
export function findColumn(table: DataTable, name: string): number {
  const index = columnIndex(table).get(name);
  if (index === undefined) throw new ColumnNotFoundError(name, table.source, table.columnNames);
  return index;
}

/** The rows to use: all of them, or (when `dropIncomplete`) those with no empty cell in `columns`. */
export function selectRows(table: DataTable, columns: readonly number[], dropIncomplete: boolean): Int32Array {
  const kept: number[] = [];
  for (let row = 0; row < table.rowCount; row++) {
    if (!dropIncomplete || columns.every((column) => !isMissingCell(table.cell(row, column)))) kept.push(row);
  }
  return Int32Array.from(kept);
}

/**
 * The network's raw (unstandardized) inputs for `rows`: numeric columns as numbers, one-hot
 * columns as 0/1 per category. An empty cell takes its column's fill value or throws
 * MissingCellError with `missingHint`; text in a numeric column throws TextColumnError; a
 * category outside the trained ones throws UnseenCategoryError.
 */
export function encodeFeatures(
  features: readonly FeatureColumn[],
  table: DataTable,
  rows: Int32Array,
  missingHint: string,
): Float64Array {
  const width = expandedFeatureNames({ features: [...features] }).length;
  const values = new Float64Array(rows.length * width);
  let offset = 0;
  for (const feature of features) {
    const column = findColumn(table, feature.name);
    const categories = feature.kind === "categorical" ? new Map(feature.categories.map((category, i) => [category, i])) : undefined;
    rows.forEach((row, r) => {
      let cell = table.cell(row, column);
      if (isMissingCell(cell)) {
        if (feature.fill === null) throw new MissingCellError(feature.name, table.source, table.rowLocation(row), missingHint);
        cell = feature.fill;
      }
      const out = r * width + offset;
      if (categories) {
        const category = categories.get(cellText(cell));
        if (category === undefined) {
          throw new UnseenCategoryError(feature.name, cellText(cell), [...categories.keys()], `${table.source}, ${table.rowLocation(row)}`);
        }
        values[out + category] = 1;
        return;
      }
      const value = parseNumberCell(cell);
      if (value === undefined) throw new TextColumnError(feature.name, table.source, table.rowLocation(row), cellText(cell));
      values[out] = value;
    });
    offset += categories ? categories.size : 1;
  }
  return values;
}

/** Regression targets as numbers, or classification targets as class indices of `classLabels`. */
export function encodeTargets(preprocessing: Preprocessing, table: DataTable, rows: Int32Array): Float64Array | Int32Array {
  const column = findColumn(table, preprocessing.target);
  const where = (row: number) => `${table.source}, ${table.rowLocation(row)}`;
  const cellAt = (row: number) => {
    const cell = table.cell(row, column);
    if (isMissingCell(cell)) throw new MissingCellError(preprocessing.target, table.source, table.rowLocation(row), "a target cannot be filled; pass --missing drop to skip its row");
    return cell;
  };
  if (preprocessing.task === "regression") {
    return Float64Array.from(rows, (row) => {
      const cell = cellAt(row);
      const value = parseNumberCell(cell);
      if (value === undefined) {
        throw new UsageError(`target column "${preprocessing.target}" holds text such as ${JSON.stringify(cell)}, but the spec's loss is for regression`, where(row));
      }
      return value;
    });
  }
  const labels = new Map((preprocessing.classLabels ?? []).map((label, i) => [label, i]));
  return Int32Array.from(rows, (row) => {
    const label = classLabelOf(table, cellAt(row));
    const index = labels.get(label);
    if (index === undefined) throw new UnseenCategoryError(preprocessing.target, label, [...labels.keys()], where(row));
    return index;
  });
}

/** A target cell as a class label: the dataset's class name for an integer label when it ships names, else the cell's text. */
export function classLabelOf(table: DataTable, cell: string | number): string {
  if (table.classNames && typeof cell === "number" && Number.isInteger(cell) && cell >= 0 && cell < table.classNames.length) {
    return table.classNames[cell];
  }
  return cellText(cell);
}
