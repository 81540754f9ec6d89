import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeNpy } from "@nabla/datasets";
import { ExperimentFileError } from "./experiment-file-error.js";
import { loadTableFile } from "./load-table-file.js";

const dir = mkdtempSync(join(tmpdir(), "nabla-table-"));

describe("loadTableFile", () => {
  it("takes a CSV's named target column out of its features", () => {
    const file = join(dir, "houses.csv");
    writeFileSync(file, "rooms,price,age\n3,1.5,10\n4,2.5,20\n");
    const table = loadTableFile(file, { file: "houses.csv", target: "price" }, "regression", "e.json");
    expect(table).toMatchObject({ rows: 2, cols: 2 });
    expect([...table.features]).toEqual([3, 10, 4, 20]);
    expect([...table.targets]).toEqual([1.5, 2.5]);
  });

  it("reads class labels from a column of a 2-D .npy array as integers", () => {
    const file = join(dir, "points.npy");
    writeFileSync(file, writeNpy(Float64Array.from([0.5, 1, 0.25, 0, 0.75, 2]), [3, 2]));
    const table = loadTableFile(file, { file: "points.npy", target: 1 }, "classification", "e.json");
    expect(table.targets).toBeInstanceOf(Int32Array);
    expect([...table.targets]).toEqual([1, 0, 2]);
    expect([...table.features]).toEqual([0.5, 0.25, 0.75]);
  });

  it("names the experiment's target path and the columns there are when the target is missing", () => {
    const file = join(dir, "houses.csv");
    const read = () => loadTableFile(file, { file: "houses.csv", target: "value" }, "regression", "e.json");
    expect(read).toThrow(ExperimentFileError);
    expect(read).toThrow(/e\.json: \$\.dataset\.target: .*allowed: rooms, price, age/);
  });
});
