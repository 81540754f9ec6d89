import { readNpy, writeNpy } from "@nabla/datasets";
import { mutatedBytes } from "../byte-mutations.js";
import type { FuzzTarget } from "../fuzz-target.js";

function bigEndianVersion3(): Uint8Array {
  const header = "{'descr': '>i4', 'fortran_order': False, 'shape': (2, 2), }".padEnd(63, " ") + "\n";
  const bytes = new Uint8Array(12 + header.length + 16);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 3, 0]);
  new DataView(bytes.buffer).setUint32(8, header.length, true);
  bytes.set(new TextEncoder().encode(header), 12);
  bytes.set([0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4], 12 + header.length);
  return bytes;
}

// Valid files of several dtypes, ranks and versions, as numpy.save writes them.
const SEEDS = [
  writeNpy(new Float64Array([0, 1.5, -2, 3, 4, 5]), [2, 3]),
  writeNpy(new Float32Array([1, 2, 3]), [3]),
  writeNpy(new Uint8Array(24).map((_, i) => i), [2, 3, 4]),
  writeNpy(new BigInt64Array([1n, -1n]), [2]),
  writeNpy(new Int16Array([]), [0, 5]),
  writeNpy(new Int32Array([42]), []),
  bigEndianVersion3(),
];

/** NumPy .npy files through readNpy. */
export const npyTarget: FuzzTarget<Uint8Array> = {
  name: "npy",
  input: mutatedBytes(SEEDS, 128),
  run: (bytes) => void readNpy(bytes, "fuzz.npy"),
  inputBytes: (bytes) => bytes.length,
};
