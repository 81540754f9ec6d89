import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Cifar10Layout, readCifar10Batch } from "@nabla/datasets";
import fc from "fast-check";
import { mutatedBytes } from "../byte-mutations.js";
import type { FuzzTarget } from "../fuzz-target.js";
import { ScratchFolder } from "../scratch-folder.js";

const RECORD_BYTES = 3073;

/** A batch of records in the official layout: a label byte, then 3,072 pixel bytes. */
function batch(labels: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(labels.length * RECORD_BYTES);
  labels.forEach((label, i) => {
    bytes[i * RECORD_BYTES] = label;
    for (let p = 1; p < RECORD_BYTES; p++) bytes[i * RECORD_BYTES + p] = (i * 31 + p) % 256;
  });
  return bytes;
}

const SEEDS = [batch([3]), batch([0, 9]), batch([1, 2, 3])];

// The reader takes a path: every case overwrites one file in a folder of its own.
const scratch = new ScratchFolder("cifar");
function writeBatch(bytes: Uint8Array): string {
  const path = join(scratch.path, "data_batch.bin");
  writeFileSync(path, bytes);
  return path;
}

/** CIFAR-10 binary batches through readCifar10Batch, in both pixel layouts. */
export const cifar10BatchTarget: FuzzTarget<{ bytes: Uint8Array; layout: Cifar10Layout }> = {
  name: "cifar10-batch",
  input: fc.record({ bytes: mutatedBytes(SEEDS, 8), layout: fc.constantFrom<Cifar10Layout>("hwc", "chw") }),
  run: ({ bytes, layout }) => void readCifar10Batch(writeBatch(bytes), layout),
  inputBytes: ({ bytes }) => bytes.length,
  dispose: () => scratch.remove(),
};
