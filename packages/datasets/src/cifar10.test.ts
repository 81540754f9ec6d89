import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCifar10 } from "./cifar10.js";
import { cifarBatchBytes, pixelValue } from "./cifar10-fixture.js";
import { DatasetFormatError, DatasetNotFoundError } from "./dataset-errors.js";

const CLASS_NAMES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

/** Five training batches of two images (images 0..9, label = image index) and a test batch of two. */
function fixtureDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), "nabla-cifar-"));
  const folder = join(dataDir, "cifar-10-batches-bin");
  mkdirSync(folder);
  for (let b = 0; b < 5; b++) writeFileSync(join(folder, `data_batch_${b + 1}.bin`), cifarBatchBytes([2 * b, 2 * b + 1], 2 * b));
  writeFileSync(join(folder, "test_batch.bin"), cifarBatchBytes([7, 3], 100));
  writeFileSync(join(folder, "batches.meta.txt"), `${CLASS_NAMES.join("\n")}\n\n`);
  return dataDir;
}

describe("loadCifar10", () => {
  it("reads the five training batches in order, the test batch and the class names", async () => {
    const splits = await loadCifar10({ dataDir: fixtureDataDir(), download: false });
    expect(splits.task).toBe("classification");
    expect(splits.classNames).toEqual(CLASS_NAMES);
    expect(splits.train.rows).toBe(10);
    expect(splits.train.cols).toBe(3072);
    expect(splits.train.targets).toBeInstanceOf(Int32Array);
    expect([...splits.train.targets]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...splits.test!.targets]).toEqual([7, 3]);
    // Image 7 is the second of data_batch_4; hwc index (row·32 + col)·3 + channel.
    expect(splits.train.features[7 * 3072 + (12 * 32 + 30) * 3 + 2]).toBe(pixelValue(7, 2, 12, 30));
    expect(splits.test!.features[1 * 3072 + (31 * 32 + 0) * 3 + 0]).toBe(pixelValue(101, 0, 31, 0));
  });

  it("keeps the files' channel-planar order with layout chw", async () => {
    const splits = await loadCifar10({ dataDir: fixtureDataDir(), download: false, layout: "chw" });
    expect(splits.train.features[3 * 3072 + 1 * 1024 + 5 * 32 + 6]).toBe(pixelValue(3, 1, 5, 6));
  });

  it("reads only the first images with limitTrain and limitTest, leaving later files unopened", async () => {
    const dataDir = fixtureDataDir();
    writeFileSync(join(dataDir, "cifar-10-batches-bin", "data_batch_3.bin"), "corrupt");
    const splits = await loadCifar10({ dataDir, download: false, limitTrain: 3, limitTest: 1 });
    expect([...splits.train.targets]).toEqual([0, 1, 2]);
    expect(splits.train.features.length).toBe(3 * 3072);
    expect([...splits.test!.targets]).toEqual([7]);
    await expect(loadCifar10({ dataDir, download: false })).rejects.toThrow(DatasetFormatError);
  });

  it("rejects bad options before touching the disk", async () => {
    await expect(loadCifar10({ dataDir: "/nonexistent", layout: "rgb" as "hwc" })).rejects.toThrow(
      'layout must be "hwc" or "chw"',
    );
    await expect(loadCifar10({ dataDir: "/nonexistent", limitTrain: -1 })).rejects.toThrow(
      "limitTrain must be a whole number ≥ 0, got -1",
    );
  });

  it("rejects a class-name file without 10 names", async () => {
    const dataDir = fixtureDataDir();
    writeFileSync(join(dataDir, "cifar-10-batches-bin", "batches.meta.txt"), "cat\ndog\n");
    await expect(loadCifar10({ dataDir, download: false })).rejects.toThrow("expected 10 class names, one per line, found 2");
  });

  it("names the missing batch file when downloads are off", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "nabla-cifar-"));
    const attempt = loadCifar10({ dataDir, download: false });
    await expect(attempt).rejects.toThrow(DatasetNotFoundError);
    await expect(attempt).rejects.toThrow(
      `missing file ${join(dataDir, "cifar-10-batches-bin", "data_batch_1.bin")} (and 6 more`,
    );
    await expect(attempt).rejects.toThrow("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
  });
});

// Spot checks published in /work/shared/data/SOURCES.md for the official files.
describe.runIf(process.env.NABLA_DATA_DIR)("loadCifar10 on the official files (NABLA_DATA_DIR)", () => {
  it("gives the known labels, class counts and pixels in hwc order", async () => {
    const { train, test, classNames } = await loadCifar10({ download: false });
    expect(classNames).toEqual(CLASS_NAMES);
    expect(train.rows).toBe(50000);
    expect(test!.rows).toBe(10000);
    expect([...train.targets.subarray(0, 10)]).toEqual([6, 9, 9, 4, 1, 1, 2, 7, 8, 3]);
    expect([...train.targets.subarray(9994, 10000)]).toEqual([6, 3, 9, 1, 1, 5]);
    expect([...test!.targets.subarray(0, 10)]).toEqual([3, 8, 8, 0, 6, 6, 1, 6, 3, 1]);
    const batch1Counts = new Array(10).fill(0);
    for (const label of train.targets.subarray(0, 10000)) batch1Counts[label]++;
    expect(batch1Counts).toEqual([1005, 974, 1032, 1016, 999, 937, 1030, 1001, 1025, 981]);
    const red = (image: number, pixel: number) => train.features[image * 3072 + pixel * 3];
    const blue = (image: number, pixel: number) => train.features[image * 3072 + pixel * 3 + 2];
    expect([red(0, 0), red(0, 1), red(0, 2)]).toEqual([59, 43, 50]);
    expect([blue(0, 1021), blue(0, 1022), blue(0, 1023)]).toEqual([140, 84, 72]);
    expect([red(1, 0), red(1, 1), red(1, 2)]).toEqual([154, 126, 105]);
    expect([red(9999, 0), red(9999, 1), red(9999, 2)]).toEqual([62, 61, 60]);
    expect([blue(9999, 1021), blue(9999, 1022), blue(9999, 1023)]).toEqual([130, 130, 131]);
    const testRed = Array.from({ length: 18 }, (_, p) => test!.features[p * 3]);
    expect(testRed).toEqual([158, 159, 165, 166, 160, 156, 162, 159, 158, 159, 161, 160, 161, 166, 169, 170, 167, 162]);
  });
});
