import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDefaultRegistry } from "@nabla/core";
import { writeNpy } from "@nabla/datasets";
import { describe, expect, it } from "vitest";
import { readDataTable } from "./read-data-table.js";

const options = { registry: getDefaultRegistry(), split: "train", flag: "--data" } as const;

describe("readDataTable", () => {
  it("reads a CSV's cells as text, keeping empty cells empty", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "nabla-table-")), "t.csv");
    writeFileSync(path, "\uFEFFa,b\r\n1,\r\n");
    const table = await readDataTable(path, options);
    expect(table.columnNames).toEqual(["a", "b"]);
    expect([table.cell(0, 0), table.cell(0, 1)]).toEqual(["1", ""]);
    expect(table.rowLocation(0)).toBe("line 2");
  });

  it("numbers a .npy file's columns from 0", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "nabla-table-")), "t.npy");
    writeFileSync(path, writeNpy(Float64Array.from([1, 2, 3, 4, 5, 6]), [2, 3]));
    const table = await readDataTable(path, options);
    expect(table.columnNames).toEqual(["0", "1", "2"]);
    expect(table.cell(1, 2)).toBe(6);
  });

  it("names a missing file and the flag it came from", async () => {
    await expect(readDataTable("absent.csv", options)).rejects.toThrow("no such file (--data absent.csv)");
  });

  it("lists the datasets when the source is neither a file nor a dataset", async () => {
    await expect(readDataTable("housing", options)).rejects.toThrow('expected a .csv, .npy or .npz file or one of the datasets california-housing, cifar10, got "housing" (--data)');
  });
});
