import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-errors.js";
import { readCifar10Batch } from "./read-cifar10-batch.js";
import { readCifar10Bytes } from "./read-cifar10-bytes.js";

function batch(labels: number[]): Uint8Array {
  const bytes = new Uint8Array(labels.length * 3073);
  labels.forEach((label, r) => {
    bytes[r * 3073] = label;
    for (let p = 0; p < 3072; p++) bytes[r * 3073 + 1 + p] = (p * 7 + r) % 251;
  });
  return bytes;
}

describe("readCifar10Bytes", () => {
  it("reads the same table from bytes as readCifar10Batch reads from the file, in both layouts", () => {
    const bytes = batch([3, 0, 9]);
    const path = join(mkdtempSync(join(tmpdir(), "cifar-bytes-")), "data_batch_1.bin");
    writeFileSync(path, bytes);
    for (const layout of ["hwc", "chw"] as const) {
      expect(readCifar10Bytes(readFileSync(path), layout)).toEqual(readCifar10Batch(path, layout));
    }
    expect(readCifar10Bytes(bytes, "hwc", 2).targets).toEqual(new Int32Array([3, 0]));
  });

  it("names the byte of a label outside 0..9 and of a partial record", () => {
    expect(() => readCifar10Bytes(batch([1, 10]), "hwc", Infinity, "b.bin")).toThrow(/b\.bin.*byte 3073 \(record 1\).*label 10/);
    expect(() => readCifar10Bytes(batch([1]).subarray(0, 3000))).toThrow(DatasetFormatError);
  });
});
