import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-errors.js";
import { readCsv } from "./read-csv.js";

// Counterexamples the fuzz harness (tests/fuzz, target "csv") found in readCsv: its special
// values ("nan", "inf", …) lived in a plain object indexed by the lower-cased cell, so a cell
// naming one of Object.prototype's members found that member and was stored as NaN.
describe("readCsv on cells that name Object.prototype's members", () => {
  for (const cell of ["constructor", "__proto__"]) {
    it(`reports the cell "${cell}" as not a number instead of reading NaN`, () => {
      expect(() => readCsv(`1,${cell}\n`)).toThrow(DatasetFormatError);
    });
  }
});
