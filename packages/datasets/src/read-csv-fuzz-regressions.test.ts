import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-errors.js";
import { readCsv } from "./read-csv.js";

// Counterexamples the fuzz harness (tests/fuzz, target "csv") found in readCsv. Its special
// values ("nan", "inf", …) live in a plain object indexed by the lower-cased cell, so a cell
// naming one of Object.prototype's members finds that member and is stored as NaN. read-csv.ts
// is being reworked on feat-cli, where the fix belongs (a Map, or Object.hasOwn); these are
// `it.fails` until then, and each must become `it` with it.
describe("readCsv on cells that name Object.prototype's members", () => {
  for (const cell of ["constructor", "__proto__"]) {
    it.fails(`reports the cell "${cell}" as not a number instead of reading NaN`, () => {
      expect(() => readCsv(`1,${cell}\n`)).toThrow(DatasetFormatError);
    });
  }
});
