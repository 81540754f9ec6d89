import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-errors.js";
import { readCsvCells, readCsvCellsFile } from "./read-csv-cells.js";

describe("readCsvCells", () => {
  it("splits a header and rows into text cells", () => {
    const table = readCsvCells("a,b\n1,x\n2,y\n");
    expect(table.columnNames).toEqual(["a", "b"]);
    expect(table.rows).toEqual([
      ["1", "x"],
      ["2", "y"],
    ]);
    expect(table.rowLines).toEqual([2, 3]);
  });

  it("reads quoted cells holding delimiters, doubled quotes and line breaks", () => {
    const table = readCsvCells('name,note\n"<1H OCEAN","say ""hi"", then\nleave"\nb,c\n');
    expect(table.rows).toEqual([
      ["<1H OCEAN", 'say "hi", then\nleave'],
      ["b", "c"],
    ]);
    expect(table.rowLines).toEqual([2, 4]);
  });

  it("drops a byte-order mark and accepts CRLF line ends", () => {
    const table = readCsvCells("\uFEFFx,y\r\n1,2\r\n3,4\r\n");
    expect(table.columnNames).toEqual(["x", "y"]);
    expect(table.rows).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("keeps empty cells as empty strings and skips blank lines", () => {
    const table = readCsvCells("a,b,c\n1,,3\n\n,2,\n");
    expect(table.rows).toEqual([
      ["1", "", "3"],
      ["", "2", ""],
    ]);
    expect(table.rowLines).toEqual([2, 4]);
  });

  it("treats __proto__ and constructor as ordinary column names", () => {
    expect(readCsvCells("__proto__,constructor\n1,2\n").columnNames).toEqual(["__proto__", "constructor"]);
  });

  it("names the line of a ragged row", () => {
    expect(() => readCsvCells("a,b\n1,2\n3\n", { source: "f.csv" })).toThrow(
      new DatasetFormatError("f.csv", "line 3", "expected 2 cells (as in the header on line 1), found 1"),
    );
  });

  it("names the line where an unclosed quote opens", () => {
    expect(() => readCsvCells('a\n"open\n', { source: "f.csv" })).toThrow(/f\.csv \(line 2\): a quoted cell is never closed/);
  });

  it("rejects text after a closing quote", () => {
    expect(() => readCsvCells('a\n"x"y\n')).toThrow(/unexpected "y" after a quoted cell/);
  });

  it("reads a file and names it in errors", () => {
    const path = join(mkdtempSync(join(tmpdir(), "nabla-csv-")), "t.csv");
    writeFileSync(path, "a;b\n1;2\n");
    expect(readCsvCellsFile(path, { delimiter: ";" }).rows).toEqual([["1", "2"]]);
    writeFileSync(path, "");
    expect(() => readCsvCellsFile(path)).toThrow(path);
  });
});
