import { activationsPlugin } from "@nabla/activations";
import {
  buildModel,
  corePlugin,
  createReferenceBackend,
  createRegistry,
  decodeSafetensors,
  deserializeModel,
  encodeSafetensors,
  serializeModel,
} from "@nabla/core";
import { layersPlugin } from "@nabla/layers";
import { lossesPlugin } from "@nabla/losses";
import { optimizersPlugin } from "@nabla/optimizers";
import fc from "fast-check";
import { mutatedBytes } from "../byte-mutations.js";
import type { FuzzTarget } from "../fuzz-target.js";
import { jsonText } from "../json-text.js";
import { DEEP_SPEC_STACK_OVERFLOW } from "../known-spec-failures.js";
import { modelSpecTree } from "./model-spec-target.js";

const registry = createRegistry([corePlugin, layersPlugin, activationsPlugin, lossesPlugin, optimizersPlugin]);
const backend = createReferenceBackend();

function savedModel(spec: unknown, dtype: "float32" | "float64"): Uint8Array {
  return serializeModel(buildModel(spec, { registry, backend, dtype }));
}

// Small saved models: the header holds the spec as JSON text, so edits there reach the spec too.
const SEEDS = [
  savedModel({ specVersion: 1, input: { shape: [2] }, layers: [{ type: "linear", options: { in: 2, out: 3 } }, { type: "relu" }] }, "float32"),
  savedModel(
    {
      specVersion: 1,
      input: { shape: [3] },
      layers: [{ type: "linear", options: { in: 3, out: 1 } }, { type: "dropout", options: { p: 0.1 } }],
      loss: { type: "mse" },
      optimizer: { type: "adam", options: { lr: 0.01 } },
    },
    "float64",
  ),
];

/** The first seed's tensors under another spec: a file whose spec disagrees with, or dwarfs, its tensors. */
const respecified = fc.tuple(modelSpecTree, fc.constantFrom("float32", "float64", "int8")).map(([spec, dtype]) => {
  const { tensors, metadata } = decodeSafetensors(SEEDS[0]);
  const entries = Object.fromEntries([...metadata, ["nabla.spec", jsonText(spec)], ["nabla.dtype", dtype]]);
  return encodeSafetensors(tensors, entries);
});

/**
 * Saved model files through deserializeModel: safetensors decoding, then the spec in its
 * metadata built and checked against the tensors. A file may make it build at most about 8×
 * its size (deserializeModel's own budget), hence the larger memory allowance.
 */
export const modelFileTarget: FuzzTarget<Uint8Array> = {
  name: "model-file",
  input: fc.oneof({ weight: 3, arbitrary: mutatedBytes(SEEDS, 512) }, { weight: 1, arbitrary: respecified }),
  run: (bytes) => void deserializeModel(bytes, { registry, backend, source: "fuzz.nabla" }),
  knownFailures: [DEEP_SPEC_STACK_OVERFLOW],
  inputBytes: (bytes) => bytes.length,
  bytesPerInputByte: 48,
};
