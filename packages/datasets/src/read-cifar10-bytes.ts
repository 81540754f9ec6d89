import { DatasetFormatError } from "./dataset-errors.js";
import { CIFAR10_IMAGE_BYTES, type Cifar10Layout, type Cifar10Table } from "./read-cifar10-batch.js";

const PLANE = 1024;
const RECORD_BYTES = 1 + CIFAR10_IMAGE_BYTES;
const CLASSES = 10;

/**
 * Reads a CIFAR-10 binary batch already in memory (from fetch, a File, or readFileSync) into a
 * table with pixels in `layout` order (default "hwc"), like readCifar10Batch does from a path.
 * `limit` reads only the first records. Throws DatasetFormatError, naming `source` and the byte,
 * for a size that is not whole records or a label outside 0..9.
 */
export function readCifar10Bytes(bytes: Uint8Array, layout: Cifar10Layout = "hwc", limit = Infinity, source = "CIFAR-10 batch bytes"): Cifar10Table {
  if (layout !== "hwc" && layout !== "chw") throw new RangeError(`readCifar10Bytes: layout must be "hwc" or "chw", got ${JSON.stringify(layout)}`);
  if (!(limit >= 0)) throw new RangeError(`readCifar10Bytes: limit must be ≥ 0, got ${limit}`);
  if (bytes.length % RECORD_BYTES !== 0) {
    throw new DatasetFormatError(
      source,
      `byte ${bytes.length - (bytes.length % RECORD_BYTES)} (record ${Math.floor(bytes.length / RECORD_BYTES)})`,
      `size ${bytes.length} is not a multiple of ${RECORD_BYTES}-byte records (1 label byte + ${CIFAR10_IMAGE_BYTES} pixel bytes); the data is truncated or not a CIFAR-10 batch`,
    );
  }
  const rows = Math.min(Math.floor(limit), bytes.length / RECORD_BYTES);
  const features = new Uint8Array(rows * CIFAR10_IMAGE_BYTES);
  const targets = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    const record = row * RECORD_BYTES;
    const label = bytes[record];
    if (label >= CLASSES) throw new DatasetFormatError(source, `byte ${record} (record ${row})`, `label ${label} is outside 0..9`);
    targets[row] = label;
    const pixels = record + 1;
    const out = row * CIFAR10_IMAGE_BYTES;
    if (layout === "chw") {
      features.set(bytes.subarray(pixels, pixels + CIFAR10_IMAGE_BYTES), out);
      continue;
    }
    // Channel planes → interleaved (row·32 + col)·3 + channel.
    for (let p = 0; p < PLANE; p++) {
      features[out + p * 3] = bytes[pixels + p];
      features[out + p * 3 + 1] = bytes[pixels + PLANE + p];
      features[out + p * 3 + 2] = bytes[pixels + 2 * PLANE + p];
    }
  }
  return { features, rows, cols: CIFAR10_IMAGE_BYTES, targets };
}
