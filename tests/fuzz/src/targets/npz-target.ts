import { readNpz } from "@nabla/datasets";
import fc from "fast-check";
import { mutatedBytes } from "../byte-mutations.js";
import { FuzzInvariantError } from "../fuzz-invariant-error.js";
import type { FuzzTarget } from "../fuzz-target.js";
import { NPZ_SEEDS } from "./zip-seeds.js";

const reversed = (bytes: Uint8Array) => bytes.slice().reverse();

/**
 * NumPy .npz archives through readNpz, edited at both ends like the zip target (entry names
 * included); whatever the names become, the result must be a plain Map.
 */
export const npzTarget: FuzzTarget<Uint8Array> = {
  name: "npz",
  input: fc.oneof(mutatedBytes(NPZ_SEEDS, 128), mutatedBytes(NPZ_SEEDS.map(reversed), 160).map(reversed)),
  run(bytes) {
    const arrays = readNpz(bytes, "fuzz.npz");
    if (Object.getPrototypeOf(arrays) !== Map.prototype) {
      throw new FuzzInvariantError("npz", "result", "readNpz returned something other than a plain Map");
    }
  },
  inputBytes: (bytes) => bytes.length,
  // Deflated entries inflate up to 1032:1, then readNpy copies the data once more.
  bytesPerInputByte: 2200,
};
