import { decodeSafetensors, encodeSafetensors } from "@nabla/core";
import { mutatedBytes } from "../byte-mutations.js";
import type { FuzzTarget } from "../fuzz-target.js";

// Files of several dtypes, with metadata, with an empty tensor and with prototype-key names.
const SEEDS = [
  encodeSafetensors(
    [
      { name: "weight", dtype: "F32", shape: [2, 3], data: new Float32Array([1, 2, 3, 4, 5, 6]) },
      { name: "bias", dtype: "F64", shape: [3], data: new Float64Array([0.5, -1, 2]) },
    ],
    { "nabla.format": "1" },
  ),
  encodeSafetensors([
    { name: "__proto__", dtype: "U8", shape: [4], data: new Uint8Array([1, 2, 3, 4]) },
    { name: "empty", dtype: "I64", shape: [0, 3], data: new BigInt64Array(0) },
  ]),
];

/** safetensors files through decodeSafetensors; the JSON header sits in the first bytes, where most edits land. */
export const safetensorsTarget: FuzzTarget<Uint8Array> = {
  name: "safetensors",
  input: mutatedBytes(SEEDS, 192),
  run: (bytes) => void decodeSafetensors(bytes, "fuzz.safetensors"),
  inputBytes: (bytes) => bytes.length,
};
