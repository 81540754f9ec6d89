import { readFileSync } from "node:fs";
import type { DatasetSplits } from "@nabla/core";
import { DatasetFormatError } from "./dataset-errors.js";
import { type DatasetFileOptions, type DatasetSource, ensureDatasetFiles } from "./ensure-dataset-files.js";
import {
  CIFAR10_IMAGE_BYTES,
  type Cifar10Layout,
  type Cifar10Table,
  cifar10RecordCount,
  readCifar10Records,
} from "./read-cifar10-batch.js";

export interface Cifar10Options extends DatasetFileOptions {
  /** Pixel order of each feature row (default "hwc", the reference's order); see Cifar10Layout. */
  layout?: Cifar10Layout;
  /** Read only the first N training images (in the official order, data_batch_1 first). */
  limitTrain?: number;
  /** Read only the first N test images. */
  limitTest?: number;
}

const FOLDER = "cifar-10-batches-bin";
const TRAIN_FILES = [1, 2, 3, 4, 5].map((i) => `${FOLDER}/data_batch_${i}.bin`);
const TEST_FILE = `${FOLDER}/test_batch.bin`;
const META_FILE = `${FOLDER}/batches.meta.txt`;

/** Where the CIFAR-10 binary files come from (the official archive) and where they go. */
export const CIFAR10_SOURCE: DatasetSource = {
  title: "CIFAR-10",
  files: [...TRAIN_FILES, TEST_FILE, META_FILE],
  layout: `its folder ${FOLDER}/ (data_batch_1.bin … data_batch_5.bin, test_batch.bin, batches.meta.txt)`,
  archive: {
    mirrors: [
      {
        url: "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz",
        checksum: { algorithm: "md5", hex: "c32a1d4ab5d03f1284b67883e8d87530" },
      },
    ],
    fileName: "cifar-10-binary.tar.gz",
    entryPath: (entry) => (CIFAR10_SOURCE.files.includes(entry) ? entry : undefined),
  },
};

function readClassNames(path: string): string[] {
  const names = readFileSync(path, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (names.length !== 10)
    throw new DatasetFormatError(path, undefined, `expected 10 class names, one per line, found ${names.length}`);
  return names;
}

function checkLimit(name: string, value: number | undefined): number {
  if (value === undefined) return Infinity;
  if (!(Number.isInteger(value) && value >= 0) && value !== Infinity) {
    throw new RangeError(`loadCifar10: ${name} must be a whole number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** The first `limit` records of the files, in order, as one table; files past the limit are not opened. */
function readRecords(paths: readonly string[], layout: Cifar10Layout, limit: number): Cifar10Table {
  const counts: number[] = [];
  let rows = 0;
  for (const path of paths) {
    if (rows >= limit) break;
    const count = Math.min(cifar10RecordCount(path), limit - rows);
    counts.push(count);
    rows += count;
  }
  const features = new Uint8Array(rows * CIFAR10_IMAGE_BYTES);
  const targets = new Int32Array(rows);
  let row = 0;
  counts.forEach((count, i) => {
    readCifar10Records(paths[i], layout, count, features, targets, row);
    row += count;
  });
  return { features, rows, cols: CIFAR10_IMAGE_BYTES, targets };
}

/**
 * CIFAR-10 from the official binary files in <dataDir>/cifar-10-batches-bin (downloaded when
 * missing): 50,000 training and 10,000 test images in the official order, features uint8
 * [rows × 3072] in `layout` order (default "hwc": index (row·32 + col)·3 + channel), labels
 * Int32Array 0..9, and the class names from batches.meta.txt. limitTrain/limitTest read only the
 * first images, without touching the rest of the files.
 */
export async function loadCifar10(options: Cifar10Options = {}): Promise<DatasetSplits> {
  const layout = options.layout ?? "hwc";
  if (layout !== "hwc" && layout !== "chw")
    throw new RangeError(`loadCifar10: layout must be "hwc" or "chw", got ${JSON.stringify(layout)}`);
  const limitTrain = checkLimit("limitTrain", options.limitTrain);
  const limitTest = checkLimit("limitTest", options.limitTest);
  const paths = await ensureDatasetFiles(CIFAR10_SOURCE, options);
  return {
    task: "classification",
    train: readRecords(paths.slice(0, TRAIN_FILES.length), layout, limitTrain),
    test: readRecords([paths[TRAIN_FILES.length]], layout, limitTest),
    classNames: readClassNames(paths[TRAIN_FILES.length + 1]),
  };
}
