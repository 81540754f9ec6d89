import { readZip } from "@nabla/datasets";
import fc from "fast-check";
import { mutatedBytes } from "../byte-mutations.js";
import type { FuzzTarget } from "../fuzz-target.js";
import { NPZ_SEEDS } from "./zip-seeds.js";

// Headers sit at both ends of a zip: the local header in front, the central directory and end
// record behind. Mutating a reversed copy's front edits the back; reversing again restores the order.
const reversed = (bytes: Uint8Array) => bytes.slice().reverse();

/** Zip archives through readZip, edited near their local headers and near their central directory. */
export const zipTarget: FuzzTarget<Uint8Array> = {
  name: "zip",
  input: fc.oneof(mutatedBytes(NPZ_SEEDS, 128), mutatedBytes(NPZ_SEEDS.map(reversed), 160).map(reversed)),
  run: (bytes) => void readZip(bytes, "fuzz.zip"),
  inputBytes: (bytes) => bytes.length,
  // An entry may legitimately inflate to its declared size, up to deflate's 1032:1.
  bytesPerInputByte: 1100,
};
