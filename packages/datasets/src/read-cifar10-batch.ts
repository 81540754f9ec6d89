import { closeSync, fstatSync, openSync, readSync } from "#platform";
import type { TabularData } from "@nabla/core";
import { DatasetFormatError } from "./dataset-errors.js";

/**
 * Pixel order of a CIFAR-10 image in a feature row of 3,072 bytes.
 * - "hwc": height, width, channel: index (row·32 + col)·3 + channel. The order torchvision's
 *   `.data` holds and the reference experiment used (PROTOCOL.md); the default.
 * - "chw": channel-planar, as the binary files store it: 1,024 red bytes, then green, then blue,
 *   each plane 32×32 row-major: index channel·1024 + row·32 + col.
 */
export type Cifar10Layout = "hwc" | "chw";

/** CIFAR-10 images as a table: uint8 pixels [rows × 3072] and labels 0..9. */
export interface Cifar10Table extends TabularData {
  /** Pixel bytes, 3,072 per image, in the table's layout. */
  readonly features: Uint8Array;
  readonly targets: Int32Array;
}

/** Bytes of one CIFAR-10 image: 32 × 32 pixels × 3 channels. */
export const CIFAR10_IMAGE_BYTES = 3072;
const PLANE = 1024;
const RECORD_BYTES = 1 + CIFAR10_IMAGE_BYTES;
const CLASSES = 10;
const CHUNK_RECORDS = 512;

/** Records in an open batch file, checking that the size is a whole number of records. */
function recordCount(fd: number, path: string): number {
  const size = fstatSync(fd).size;
  if (size % RECORD_BYTES !== 0) {
    throw new DatasetFormatError(
      path,
      `byte ${size - (size % RECORD_BYTES)} (record ${Math.floor(size / RECORD_BYTES)})`,
      `size ${size} is not a multiple of ${RECORD_BYTES}-byte records (1 label byte + ${CIFAR10_IMAGE_BYTES} pixel bytes); the file is truncated or not a CIFAR-10 batch`,
    );
  }
  return size / RECORD_BYTES;
}

/** The number of images in a CIFAR-10 binary batch file (10,000 in the official files). */
export function cifar10RecordCount(path: string): number {
  const fd = openSync(path, "r");
  try {
    return recordCount(fd, path);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the first `count` records of a batch file into `features`/`targets` from row `firstRow`
 * on, a chunk at a time through one scratch buffer, so no whole file is ever held in memory.
 */
export function readCifar10Records(
  path: string,
  layout: Cifar10Layout,
  count: number,
  features: Uint8Array,
  targets: Int32Array,
  firstRow: number,
): void {
  const fd = openSync(path, "r");
  try {
    const available = recordCount(fd, path);
    if (count > available)
      throw new DatasetFormatError(path, undefined, `${count} records requested, the file holds ${available}`);
    const scratch = Buffer.allocUnsafe(Math.min(count, CHUNK_RECORDS) * RECORD_BYTES);
    for (let done = 0; done < count; ) {
      const records = Math.min(CHUNK_RECORDS, count - done);
      const wanted = records * RECORD_BYTES;
      const position = done * RECORD_BYTES;
      let got = 0;
      while (got < wanted) {
        const read = readSync(fd, scratch, got, wanted - got, position + got);
        if (read === 0) break;
        got += read;
      }
      if (got < wanted) {
        throw new DatasetFormatError(
          path,
          `byte ${position + got} (record ${done + Math.floor(got / RECORD_BYTES)})`,
          `file ended early: expected ${available * RECORD_BYTES} bytes`,
        );
      }
      for (let i = 0; i < records; i++) {
        const record = i * RECORD_BYTES;
        const label = scratch[record];
        if (label >= CLASSES) {
          throw new DatasetFormatError(path, `byte ${position + record} (record ${done + i})`, `label ${label} is outside 0..9`);
        }
        const row = firstRow + done + i;
        targets[row] = label;
        const pixels = record + 1;
        const out = row * CIFAR10_IMAGE_BYTES;
        if (layout === "chw") {
          features.set(scratch.subarray(pixels, pixels + CIFAR10_IMAGE_BYTES), out);
        } else {
          for (let p = 0; p < PLANE; p++) {
            const o = out + p * 3;
            features[o] = scratch[pixels + p];
            features[o + 1] = scratch[pixels + PLANE + p];
            features[o + 2] = scratch[pixels + 2 * PLANE + p];
          }
        }
      }
      done += records;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads one CIFAR-10 binary batch (records of 1 label byte + 3,072 channel-planar pixel bytes)
 * into a table with pixels in `layout` order (default "hwc"). `limit` reads only the first
 * records. Throws DatasetFormatError for a size that is not whole records or a label outside 0..9.
 */
export function readCifar10Batch(path: string, layout: Cifar10Layout = "hwc", limit = Infinity): Cifar10Table {
  if (layout !== "hwc" && layout !== "chw")
    throw new RangeError(`readCifar10Batch: layout must be "hwc" or "chw", got ${JSON.stringify(layout)}`);
  if (!(limit >= 0)) throw new RangeError(`readCifar10Batch: limit must be ≥ 0, got ${limit}`);
  const rows = Math.min(Math.floor(limit), cifar10RecordCount(path));
  const features = new Uint8Array(rows * CIFAR10_IMAGE_BYTES);
  const targets = new Int32Array(rows);
  readCifar10Records(path, layout, rows, features, targets, 0);
  return { features, rows, cols: CIFAR10_IMAGE_BYTES, targets };
}
