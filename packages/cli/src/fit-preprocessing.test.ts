import { readCsvCells } from "@nabla/datasets";
import { describe, expect, it } from "vitest";
import { applyPreprocessing } from "./apply-preprocessing.js";
import type { DataTable } from "./data-table.js";
import { fitPreprocessing } from "./fit-preprocessing.js";
import { expandedFeatureNames } from "./preprocessing.js";

function csvTable(text: string): DataTable {
  const { columnNames, rows, rowLines } = readCsvCells(text, { source: "t.csv" });
  return { source: "t.csv", rowCount: rows.length, columnNames, cell: (r, c) => rows[r][c], rowLocation: (r) => `line ${rowLines[r]}` };
}

const HOUSES = csvTable("rooms,bedrooms,coast,value\n1,2,NEAR BAY,10\n3,,INLAND,20\n5,6,NEAR BAY,30\n");

describe("fitPreprocessing", () => {
  it("takes every column but the target as a feature and standardizes them", () => {
    const table = csvTable("a,b,y\n1,10,0.5\n3,30,1.5\n");
    const { preprocessing, features, rows, cols, targets } = fitPreprocessing(table, { task: "regression", missing: "error" });
    expect(preprocessing.target).toBe("y");
    expect(expandedFeatureNames(preprocessing)).toEqual(["a", "b"]);
    expect(preprocessing.mean).toEqual([2, 20]);
    expect(preprocessing.scale).toEqual([1, 10]);
    expect([rows, cols]).toEqual([2, 2]);
    expect([...features]).toEqual([-1, -1, 1, 1]);
    expect([...targets]).toEqual([0.5, 1.5]);
  });

  it("names the row and column of an empty cell when no --missing rule is given", () => {
    expect(() => fitPreprocessing(HOUSES, { task: "regression", categorical: ["coast"], missing: "error" })).toThrow(
      'empty cell in column "bedrooms"; pass --missing mean to fill it with the column\'s mean or --missing drop to skip its row (t.csv, line 3)',
    );
  });

  it("fills empty cells with the column mean and saves the fill value", () => {
    const { preprocessing, rows } = fitPreprocessing(HOUSES, { task: "regression", categorical: ["coast"], missing: "mean" });
    expect(rows).toBe(3);
    expect(preprocessing.features[1]).toEqual({ name: "bedrooms", kind: "numeric", fill: 4 });
  });

  it("drops rows with an empty cell under --missing drop", () => {
    expect(fitPreprocessing(HOUSES, { task: "regression", categorical: ["coast"], missing: "drop" }).rows).toBe(2);
  });

  it("one-hot encodes a --categorical column over its sorted categories", () => {
    const { preprocessing, features, cols } = fitPreprocessing(HOUSES, { task: "regression", categorical: ["coast"], missing: "drop" });
    expect(expandedFeatureNames(preprocessing)).toEqual(["rooms", "bedrooms", "coast=NEAR BAY"]);
    expect(cols).toBe(3);
    expect(preprocessing.features[2]).toEqual({ name: "coast", kind: "categorical", categories: ["NEAR BAY"], fill: null });
    expect(features.length).toBe(6);
  });

  it("rejects a text column not named with --categorical, naming it and a sample value", () => {
    expect(() => fitPreprocessing(HOUSES, { task: "regression", missing: "drop" })).toThrow(
      'column "coast" holds text such as "NEAR BAY"; name it with --categorical coast to one-hot encode it (t.csv, line 2)',
    );
  });

  it("names a target column that is not there and lists the columns", () => {
    expect(() => fitPreprocessing(HOUSES, { task: "regression", target: "price", missing: "drop" })).toThrow(
      'no column "price" (columns: rooms, bedrooms, coast, value) (t.csv)',
    );
  });

  it("label-encodes classification targets in sorted order, numbers as numbers", () => {
    const table = csvTable("x,label\n1,10\n2,9\n3,10\n");
    const { preprocessing, targets } = fitPreprocessing(table, { task: "classification", missing: "error" });
    expect(preprocessing.classLabels).toEqual(["9", "10"]);
    expect([...targets]).toEqual([1, 0, 1]);
  });

  it("treats a header named __proto__ as an ordinary column", () => {
    const table = csvTable("__proto__,constructor\n1,2\n3,4\n");
    expect(expandedFeatureNames(fitPreprocessing(table, { task: "regression", missing: "error" }).preprocessing)).toEqual(["__proto__"]);
  });
});

describe("applyPreprocessing", () => {
  it("gives raw rows the same inputs training gave them", () => {
    const fitted = fitPreprocessing(HOUSES, { task: "regression", categorical: ["coast"], missing: "mean" });
    const applied = applyPreprocessing(fitted.preprocessing, HOUSES, true);
    expect([...applied.features]).toEqual([...fitted.features]);
    expect([...applied.targets!]).toEqual([...fitted.targets]);
  });

  it("finds columns by name, whatever their order, and ignores extra ones", () => {
    const { preprocessing } = fitPreprocessing(csvTable("a,b,y\n1,10,0\n3,30,1\n"), { task: "regression", missing: "error" });
    const applied = applyPreprocessing(preprocessing, csvTable("extra,b,a\nx,30,3\n"), false);
    expect([...applied.features]).toEqual([1, 1]);
  });

  it("rejects a category the model was not trained on", () => {
    const { preprocessing } = fitPreprocessing(HOUSES, { task: "regression", categorical: ["coast"], missing: "mean" });
    expect(() => applyPreprocessing(preprocessing, csvTable("rooms,bedrooms,coast\n1,2,ISLAND\n"), false)).toThrow(
      'column "coast" has "ISLAND", which the model was not trained on (known: INLAND, NEAR BAY) (t.csv, line 2)',
    );
  });
});
