import { readCsvCells } from "@nabla/datasets";
import fc from "fast-check";
import { FuzzInvariantError } from "../fuzz-invariant-error.js";
import type { FuzzTarget } from "../fuzz-target.js";
import { csvText } from "./csv-target.js";

/**
 * CSV text through readCsvCells (RFC 4180: quoted cells, BOM, CRLF). Beyond the shared
 * invariants, every row it returns has one cell per column and starts on a later line than the last.
 */
export const csvCellsTarget: FuzzTarget<{ text: string; delimiter: string }> = {
  name: "csv-cells",
  input: fc.record({
    text: csvText,
    delimiter: fc.oneof({ weight: 4, arbitrary: fc.constant(",") }, { weight: 1, arbitrary: fc.constantFrom(";", "\t", " ") }),
  }),
  run({ text, delimiter }) {
    const table = readCsvCells(text, { delimiter, source: "fuzz.csv" });
    table.rows.forEach((row, i) => {
      if (row.length !== table.columnNames.length) {
        throw new FuzzInvariantError("csv-cells", "result", `row ${i} has ${row.length} cells for ${table.columnNames.length} columns`);
      }
      if (i > 0 && table.rowLines[i] <= table.rowLines[i - 1]) {
        throw new FuzzInvariantError("csv-cells", "result", `row ${i} starts on line ${table.rowLines[i]}, not after row ${i - 1}'s line ${table.rowLines[i - 1]}`);
      }
    });
  },
  inputBytes: ({ text }) => Buffer.byteLength(text),
};
