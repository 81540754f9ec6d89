import { extname } from "node:path";
import type { TabularData, Task } from "@nabla/core";
import { readCsvFile, readNpyFile, readNpzFile, type NpyArray } from "@nabla/datasets";
import { ExperimentFileError } from "./experiment-file-error.js";
import type { FileDataset } from "./experiment-schema.js";

interface Table {
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  columnNames?: readonly string[];
}

function npyTable(array: NpyArray, source: string): Table {
  if (array.shape.length !== 2) throw new ExperimentFileError(source, "$.dataset.file", `expected a 2-D array, got shape [${array.shape.join(", ")}]`);
  if (typeof array.data[0] === "bigint") throw new ExperimentFileError(source, "$.dataset.file", `64-bit integer arrays are not read as tables (dtype ${array.dtype})`);
  return { values: array.data as ArrayLike<number>, rows: array.shape[0], cols: array.shape[1] };
}

function readTable(path: string, dataset: FileDataset, experimentFile: string): Table {
  const extension = extname(path);
  if (extension === ".csv") {
    const csv = readCsvFile(path, { header: typeof dataset.target === "string" });
    return { values: csv.data, rows: csv.rows, cols: csv.cols, columnNames: csv.columnNames };
  }
  if (extension === ".npy") return npyTable(readNpyFile(path), path);
  const arrays = readNpzFile(path);
  const name = dataset.array ?? (arrays.size === 1 ? [...arrays.keys()][0] : undefined);
  const array = name === undefined ? undefined : arrays.get(name);
  if (!array) throw new ExperimentFileError(experimentFile, "$.dataset.array", `${path} holds several arrays (or not this one): name one`, [...arrays.keys()]);
  return npyTable(array, path);
}

/** Reads a dataset file as features and targets: every column but the target column, and that column. */
export function loadTableFile(path: string, dataset: FileDataset, task: Task, experimentFile: string): TabularData {
  const table = readTable(path, dataset, experimentFile);
  const targetColumn = typeof dataset.target === "number" ? dataset.target : (table.columnNames ?? []).indexOf(dataset.target);
  if (targetColumn < 0 || targetColumn >= table.cols) {
    throw new ExperimentFileError(experimentFile, "$.dataset.target", `no column ${JSON.stringify(dataset.target)} in ${path}`, table.columnNames ?? [`0…${table.cols - 1}`]);
  }
  const cols = table.cols - 1;
  const features = new Float64Array(table.rows * cols);
  const targets = task === "classification" ? new Int32Array(table.rows) : new Float64Array(table.rows);
  for (let row = 0; row < table.rows; row++) {
    let out = row * cols;
    for (let col = 0; col < table.cols; col++) {
      const value = Number(table.values[row * table.cols + col]);
      if (col === targetColumn) targets[row] = value;
      else features[out++] = value;
    }
  }
  return { features, rows: table.rows, cols, targets };
}
