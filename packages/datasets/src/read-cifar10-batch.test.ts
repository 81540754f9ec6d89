import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-errors.js";
import { cifarBatchBytes, pixelValue } from "./cifar10-fixture.js";
import { cifar10RecordCount, readCifar10Batch } from "./read-cifar10-batch.js";

function writeBatch(bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), "nabla-cifar-")), "data_batch_1.bin");
  writeFileSync(path, bytes);
  return path;
}

describe("readCifar10Batch", () => {
  it("puts pixel (row, col, channel) at (row·32 + col)·3 + channel in the default hwc layout", () => {
    const table = readCifar10Batch(writeBatch(cifarBatchBytes([3, 9])));
    expect(table.rows).toBe(2);
    expect(table.cols).toBe(3072);
    expect(table.features).toBeInstanceOf(Uint8Array);
    expect([...table.targets]).toEqual([3, 9]);
    for (let image = 0; image < 2; image++)
      for (const [row, col, channel] of [
        [0, 0, 0],
        [0, 1, 2],
        [5, 31, 1],
        [31, 31, 2],
        [17, 4, 0],
      ]) {
        expect(table.features[image * 3072 + (row * 32 + col) * 3 + channel]).toBe(pixelValue(image, channel, row, col));
      }
  });

  it("keeps the file's channel-planar order in the chw layout", () => {
    const bytes = cifarBatchBytes([0, 1]);
    const table = readCifar10Batch(writeBatch(bytes), "chw");
    expect(table.features).toEqual(new Uint8Array([...bytes.subarray(1, 3073), ...bytes.subarray(3074, 6146)]));
    expect(table.features[1 * 3072 + 2 * 1024 + 31 * 32 + 30]).toBe(pixelValue(1, 2, 31, 30));
  });

  it("reads only the first records when limited", () => {
    const table = readCifar10Batch(writeBatch(cifarBatchBytes([4, 5, 6])), "hwc", 2);
    expect(table.rows).toBe(2);
    expect([...table.targets]).toEqual([4, 5]);
  });

  it("reads across its 512-record chunks", () => {
    const labels = Array.from({ length: 600 }, (_, i) => i % 10);
    const table = readCifar10Batch(writeBatch(cifarBatchBytes(labels)));
    expect([...table.targets]).toEqual(labels);
    expect(table.features[599 * 3072 + (10 * 32 + 20) * 3 + 1]).toBe(pixelValue(599, 1, 10, 20));
  });

  it("rejects a file that is not whole records, naming its size and the record size", () => {
    const path = writeBatch(cifarBatchBytes([1, 2]).subarray(0, 3073 + 100));
    expect(() => readCifar10Batch(path)).toThrow(DatasetFormatError);
    expect(() => cifar10RecordCount(path)).toThrow(
      `${path} (byte 3073 (record 1)): size 3173 is not a multiple of 3073-byte records`,
    );
  });

  it("rejects a label outside 0..9, naming the record and its byte offset", () => {
    const bytes = cifarBatchBytes([1, 2]);
    bytes[3073] = 12;
    const path = writeBatch(bytes);
    expect(() => readCifar10Batch(path)).toThrow(`${path} (byte 3073 (record 1)): label 12 is outside 0..9`);
  });

  it("rejects an unknown layout", () => {
    const path = writeBatch(cifarBatchBytes([1]));
    expect(() => readCifar10Batch(path, "CHW" as "chw")).toThrow('layout must be "hwc" or "chw", got "CHW"');
  });
});
