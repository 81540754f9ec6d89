import { fitStandardScaler } from "@nabla/datasets";
import type { DataTable } from "./data-table.js";
import { classLabelOf, encodeFeatures, encodeTargets, findColumn, selectRows } from "./encode-rows.js";
import { cellText, isMissingCell, parseNumberCell } from "./parse-cell.js";
import type { FeatureColumn, MissingValuePolicy, Preprocessing, Task } from "./preprocessing.js";
import { TextColumnError, UsageError } from "./usage-error.js";

/** Options of fitPreprocessing, from `nabla train`'s flags and the spec's loss. */
export interface FitPreprocessingOptions {
  task: Task;
  /** The target column (default: the last column). */
  target?: string;
  /** Text columns to one-hot encode. */
  categorical?: readonly string[];
  missing: MissingValuePolicy;
}

/** The preprocessing fitted to a training table, and that table's rows after it. */
export interface PreparedTable {
  preprocessing: Preprocessing;
  /** Standardized features, row-major [rows × cols]. */
  features: Float64Array;
  rows: number;
  cols: number;
  targets: Float64Array | Int32Array;
}

const MISSING_HINT = "pass --missing mean to fill it with the column's mean or --missing drop to skip its row";

/**
 * Learns from the training rows what to do with raw rows (which columns are features, the
 * categories of each `--categorical` column, fill values, class labels and the standardization)
 * and applies it to them, through the same encoding `evaluate` and `predict` use.
 */
export function fitPreprocessing(table: DataTable, options: FitPreprocessingOptions): PreparedTable {
  const target = options.target ?? table.columnNames[table.columnNames.length - 1];
  const targetColumn = findColumn(table, target);
  const categorical = new Set(options.categorical ?? []);
  for (const name of categorical) {
    if (findColumn(table, name) === targetColumn) throw new UsageError(`"${name}" is the target column; --categorical is for input columns`, "--categorical");
  }
  const featureColumns = table.columnNames.map((_, i) => i).filter((i) => i !== targetColumn);
  const rows = selectRows(table, [...featureColumns, targetColumn], options.missing === "drop");
  if (rows.length === 0) {
    throw new UsageError(options.missing === "drop" ? "no rows left to train on: every row has an empty cell" : "no rows to train on", table.source);
  }

  const features = featureColumns.map((column) =>
    categorical.has(table.columnNames[column])
      ? fitCategorical(table, column, rows, options.missing)
      : fitNumeric(table, column, rows, options.missing),
  );
  const classLabels = options.task === "classification" ? fitClassLabels(table, targetColumn, rows) : undefined;
  const raw = encodeFeatures(features, table, rows, MISSING_HINT);
  const cols = raw.length / Math.max(rows.length, 1);
  const scaler = fitStandardScaler(raw, rows.length, cols);
  const preprocessing: Preprocessing = {
    version: 1,
    task: options.task,
    target,
    features,
    missing: options.missing,
    ...(classLabels ? { classLabels } : {}),
    mean: [...scaler.mean],
    scale: [...scaler.scale],
  };
  return {
    preprocessing,
    features: scaler.transform(raw, raw),
    rows: rows.length,
    cols,
    targets: encodeTargets(preprocessing, table, rows),
  };
}

function fitNumeric(table: DataTable, column: number, rows: Int32Array, missing: MissingValuePolicy): FeatureColumn {
  const name = table.columnNames[column];
  let sum = 0;
  let count = 0;
  for (const row of rows) {
    const cell = table.cell(row, column);
    if (isMissingCell(cell)) continue;
    const value = parseNumberCell(cell);
    if (value === undefined) throw new TextColumnError(name, table.source, table.rowLocation(row), cellText(cell));
    sum += value;
    count++;
  }
  return { name, kind: "numeric", fill: missing === "mean" && count > 0 ? sum / count : null };
}

function fitCategorical(table: DataTable, column: number, rows: Int32Array, missing: MissingValuePolicy): FeatureColumn {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const cell = table.cell(row, column);
    if (!isMissingCell(cell)) counts.set(cellText(cell), (counts.get(cellText(cell)) ?? 0) + 1);
  }
  const categories = [...counts.keys()].sort();
  // "mean" of a category column: its most frequent category (the first in sorted order on a tie).
  const mostFrequent = categories.reduce<string | null>((best, c) => (best === null || counts.get(c)! > counts.get(best)! ? c : best), null);
  return { name: table.columnNames[column], kind: "categorical", categories, fill: missing === "mean" ? mostFrequent : null };
}

function fitClassLabels(table: DataTable, column: number, rows: Int32Array): string[] {
  if (table.classNames) return [...table.classNames];
  const labels = new Set<string>();
  for (const row of rows) {
    const cell = table.cell(row, column);
    if (!isMissingCell(cell)) labels.add(classLabelOf(table, cell));
  }
  const sorted = [...labels];
  // Numeric labels sort as numbers (so "10" follows "9"), text labels as strings.
  const numeric = sorted.every((label) => parseNumberCell(label) !== undefined);
  return numeric ? sorted.sort((a, b) => Number(a) - Number(b)) : sorted.sort();
}
