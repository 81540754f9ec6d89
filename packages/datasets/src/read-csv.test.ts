import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-errors.js";
import { readCsv, readCsvFile } from "./read-csv.js";

describe("readCsv", () => {
  it("reads rows of numbers into a row-major matrix", () => {
    const table = readCsv("1,2,3\n4.5,-6,7e2\n");
    expect(table.rows).toBe(2);
    expect(table.cols).toBe(3);
    expect([...table.data]).toEqual([1, 2, 3, 4.5, -6, 700]);
    expect(table.columnNames).toBeUndefined();
  });

  it("gives the same doubles as Number() for plain decimals, long mantissas and exponents", () => {
    const cells = [
      "-122.23",
      "37.88",
      "8.3252",
      "0.1",
      "0.3",
      "452600.0",
      "1e-7",
      "123456789012345678",
      "0.1234567890123456789",
      "9007199254740993",
      "-0",
      "+.5",
      "1.",
      "00012.50",
      "2.2250738585072014e-308",
    ];
    const table = readCsv(cells.join("\n"));
    expect(table.rows).toBe(cells.length);
    cells.forEach((cell, i) => expect(Object.is(table.data[i], Number(cell))).toBe(true));
  });

  it("accepts NumPy's spellings of NaN and infinities", () => {
    const table = readCsv("nan,inf,-inf,NaN");
    expect([...table.data]).toEqual([NaN, Infinity, -Infinity, NaN]);
  });

  it("reads a header, another delimiter, CRLF line ends, spaces and blank lines", () => {
    const table = readCsv('"a"; b ;c\r\n\r\n 1 ;2;3\r\n4;5;6\r\n\r\n', { header: true, delimiter: ";" });
    expect(table.columnNames).toEqual(["a", "b", "c"]);
    expect(table.rows).toBe(2);
    expect([...table.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("reads a last line without a newline", () => {
    expect([...readCsv("1,2\n3,4").data]).toEqual([1, 2, 3, 4]);
  });

  it("names the line and the column counts of a ragged row", () => {
    expect(() => readCsv("1,2,3\n4,5\n")).toThrow(DatasetFormatError);
    expect(() => readCsv("1,2,3\n4,5\n")).toThrow("CSV text (line 2): expected 3 columns (as on line 1), found 2");
    expect(() => readCsv("1,2\n\n3,4,5,6\n")).toThrow("(line 3): expected 2 columns (as on line 1), found 4");
  });

  it("names the line, column and header name of a cell that is not a number", () => {
    expect(() => readCsv("x,y\n1,2\n3,abc\n", { header: true, source: "t.csv" })).toThrow(
      't.csv (line 3, column 2 ("y")): cannot read "abc" as a number',
    );
    expect(() => readCsv("1,0x10\n")).toThrow('(line 1, column 2): cannot read "0x10" as a number');
    expect(() => readCsv("1,,2\n")).toThrow("(line 1, column 2): empty cell");
  });

  it("readCsvFile names the file in its errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "nabla-csv-"));
    const path = join(dir, "bad.csv");
    writeFileSync(path, "1,2\n3\n");
    expect(() => readCsvFile(path)).toThrow(`${path} (line 2)`);
    writeFileSync(path, "1,2\n3,4\n");
    expect(readCsvFile(path).rows).toBe(2);
  });
});
