import { existsSync } from "node:fs";
import { extname } from "node:path";
import { type Registry, type TabularData } from "@nabla/core";
import { readCsvCellsFile, readNpyFile, readNpzFile, type NpyArray } from "@nabla/datasets";
import type { DataTable } from "./data-table.js";
import { UsageError } from "./usage-error.js";

/** Which split of a built-in dataset to read: `train` trains on the training split, `evaluate` scores the test split when there is one. */
export type DatasetSplit = "train" | "test";

/** Options of readDataTable. */
export interface ReadDataTableOptions {
  registry: Registry;
  split: DatasetSplit;
  /** The flag the source came from, for messages ("--data"). */
  flag: string;
}

/** The name the target column of a NumPy file or built-in dataset has. */
export const TARGET_COLUMN = "target";

/**
 * Reads `--data`: a registered dataset by name (`california-housing`, `cifar10`, files under
 * NABLA_DATA_DIR), or a .csv, .npy or .npz file. A .npy array is rows × columns named 0, 1, …;
 * a .npz file holds features `x` and targets `y`.
 */
export async function readDataTable(source: string, options: ReadDataTableOptions): Promise<DataTable> {
  const extension = extname(source).toLowerCase();
  if (extension === ".csv" || extension === ".npy" || extension === ".npz") {
    if (!existsSync(source)) throw new UsageError("no such file", `${options.flag} ${source}`);
    if (extension === ".csv") return csvTable(source);
    if (extension === ".npy") return npyTable(source);
    return npzTable(source);
  }
  if (options.registry.has("dataset", source)) return datasetTable(source, options);
  const datasets = options.registry.keys("dataset").map((key) => key.replace(/^nabla\//, ""));
  throw new UsageError(`expected a .csv, .npy or .npz file or one of the datasets ${datasets.join(", ")}, got "${source}"`, options.flag);
}

function csvTable(path: string): DataTable {
  const { columnNames, rows, rowLines } = readCsvCellsFile(path);
  return {
    source: path,
    rowCount: rows.length,
    columnNames,
    cell: (row, column) => rows[row][column],
    rowLocation: (row) => `line ${rowLines[row]}`,
  };
}

function matrixOf(array: NpyArray, path: string, name: string): { rows: number; cols: number } {
  if (array.shape.length === 1) return { rows: array.shape[0], cols: 1 };
  if (array.shape.length === 2) return { rows: array.shape[0], cols: array.shape[1] };
  throw new UsageError(`expected a 1-D or 2-D array, got shape [${array.shape.join(", ")}]`, `${path}${name}`);
}

function npyTable(path: string): DataTable {
  const array = readNpyFile(path);
  const { rows, cols } = matrixOf(array, path, "");
  const data = array.data as ArrayLike<number>;
  return {
    source: path,
    rowCount: rows,
    columnNames: Array.from({ length: cols }, (_, c) => String(c)),
    cell: (row, column) => Number(data[row * cols + column]),
    rowLocation: (row) => `row ${row}`,
  };
}

function npzTable(path: string): DataTable {
  const arrays = readNpzFile(path);
  const x = arrays.get("x");
  if (!x) throw new UsageError(`expected an array named "x" (arrays: ${[...arrays.keys()].join(", ")})`, path);
  const { rows, cols } = matrixOf(x, path, ":x");
  const y = arrays.get("y");
  if (y && y.shape[0] !== rows) throw new UsageError(`"x" has ${rows} rows but "y" has ${y.shape[0]}`, path);
  const features = x.data as ArrayLike<number>;
  const targets = y?.data as ArrayLike<number> | undefined;
  return {
    source: path,
    rowCount: rows,
    columnNames: [...Array.from({ length: cols }, (_, c) => String(c)), ...(targets ? [TARGET_COLUMN] : [])],
    cell: (row, column) => Number(column < cols ? features[row * cols + column] : targets![row]),
    rowLocation: (row) => `row ${row}`,
  };
}

async function datasetTable(name: string, options: ReadDataTableOptions): Promise<DataTable> {
  const splits = await options.registry.get("dataset", name, options.flag).load({});
  const part: TabularData = options.split === "test" && splits.test ? splits.test : splits.train;
  const { features, targets, rows, cols } = part;
  const featureNames = splits.featureNames ?? Array.from({ length: cols }, (_, c) => String(c));
  return {
    source: name,
    rowCount: rows,
    columnNames: [...featureNames, TARGET_COLUMN],
    cell: (row, column) => (column < cols ? features[row * cols + column] : targets[row]),
    rowLocation: (row) => `row ${row}`,
    ...(splits.classNames ? { classNames: splits.classNames } : {}),
  };
}
