import type { Backend } from "../backend/backend.js";
import { isDType, type DType } from "../dtype.js";
import type { Registry } from "../registry/registry.js";
import { SpecError } from "../registry/spec-error.js";
import { buildModel } from "../spec/build-model.js";
import type { Model } from "../spec/model.js";
import { assertModelSpec, type ModelSpec } from "../spec/model-spec.js";
import { ModelFileError } from "./model-file-error.js";
import { SafetensorsEncodeError } from "./safetensors-encode-error.js";
import { assertSpecFitsFile } from "./spec-size-guard.js";
import { namedParameters, safetensorsDType } from "./model-tensors.js";
import { decodeSafetensors, encodeSafetensors, type DecodedSafetensor, type DecodedSafetensors } from "./safetensors.js";

/** The model file format version written to `nabla.format`; a reader refuses versions it does not know. */
export const MODEL_FORMAT_VERSION = 1;

/** Our `__metadata__` keys; other tools' keys sit beside them. */
export const MODEL_METADATA_KEYS = {
  /** The file layout version. */
  format: "nabla.format",
  /** The model spec, as JSON. */
  spec: "nabla.spec",
  /** The parameters' element type. */
  dtype: "nabla.dtype",
} as const;

/** What a model file says about itself, read without building the model. */
export interface ModelFileInfo {
  /** `nabla.format`: the file layout version (MODEL_FORMAT_VERSION). */
  formatVersion: number;
  /** `nabla.spec`: the model spec, checked for structure. */
  spec: ModelSpec;
  /** `nabla.dtype`: the parameters' element type. */
  dtype: DType;
  /** Every `__metadata__` entry, ours (`nabla.*`) included. */
  metadata: Record<string, string>;
  /** Every tensor in the file, as its header lists it. */
  tensors: {
    /** The tensor's key (a parameter's module path, "layers.0.weight"). */
    name: string;
    /** Its safetensors dtype ("F32", "F64"). */
    dtype: string;
    /** Its dimensions. */
    shape: number[];
  }[];
}

/** Options of serializeModel and saveModel. */
export interface SerializeModelOptions {
  /** Extra entries stored beside ours in `__metadata__` (e.g. `nabla.preprocessing`); our own keys are refused with a SafetensorsEncodeError. */
  metadata?: Record<string, string>;
}

/** Options of deserializeModel and loadModel. */
export interface DeserializeModelOptions {
  /** Resolves the spec's component names (default: the default registry). */
  registry?: Registry;
  /** Where the loaded tensors live (default: the default backend). */
  backend?: Backend | string;
  /** The file name used in error messages. */
  source?: string;
}

/**
 * The model as a safetensors file: every parameter, named by module path, and in
 * `__metadata__` the JSON spec (`nabla.spec`), the dtype (`nabla.dtype`) and the format version
 * (`nabla.format`). Any safetensors reader loads it. For a spec Linear(2→16), ReLU, Linear(16→1):
 *
 * | Nabla tensor      | shape     | PyTorch nn.Sequential |
 * | ----------------- | --------- | --------------------- |
 * | `layers.0.weight` | `[2, 16]` | `0.weight` `[16, 2]`: transpose |
 * | `layers.0.bias`   | `[1, 16]` | `0.bias` `[16]`: reshape |
 * | `layers.2.weight` | `[16, 1]` | `2.weight` `[1, 16]`: transpose |
 * | `layers.2.bias`   | `[1, 1]`  | `2.bias` `[1]`: reshape |
 *
 * Activations take an index as in nn.Sequential but hold no tensors. Our Linear computes x·W with
 * W of shape [in, out]; PyTorch's stores [out, in] and computes x·Wᵀ (see SAFETENSORS.md).
 */
export function serializeModel(model: Model, options: SerializeModelOptions = {}): Uint8Array {
  const extra = options.metadata ?? {};
  for (const key of Object.values(MODEL_METADATA_KEYS)) {
    if (Object.hasOwn(extra, key)) throw new SafetensorsEncodeError("__metadata__", `key "${key}" is written by Nabla itself`);
  }
  const dtype = safetensorsDType(model.dtype);
  const tensors = [...namedParameters(model)].map(([name, parameter]) => ({ name, dtype, shape: parameter.value.shape, data: parameter.value.data }));
  return encodeSafetensors(tensors, { ...extra, ...modelMetadata(model) });
}

/** Our three metadata entries for `model`. */
export function modelMetadata(model: Model): Record<string, string> {
  return {
    [MODEL_METADATA_KEYS.format]: String(MODEL_FORMAT_VERSION),
    [MODEL_METADATA_KEYS.spec]: JSON.stringify(model.toSpec()),
    [MODEL_METADATA_KEYS.dtype]: model.dtype,
  };
}

/** Reads a model file's version, spec, dtype, metadata and tensor list without building it. */
export function inspectModelBytes(bytes: Uint8Array, source = "<bytes>"): ModelFileInfo {
  return describeModelFile(decodeSafetensors(bytes, source), source);
}

/**
 * Builds the model a file describes (in the file's dtype) and loads its parameters. Every
 * problem — a malformed file, a spec that does not validate or names layers larger than the
 * file's tensors, a tensor missing, extra or of the wrong dtype or shape — is a ModelFileError
 * naming `options.source`. The spec is first built on a budget of a few times the file's size,
 * so a hostile file cannot make us allocate much more than itself.
 */
export function deserializeModel(bytes: Uint8Array, options: DeserializeModelOptions = {}): Model {
  const source = options.source ?? "<bytes>";
  const decoded = decodeSafetensors(bytes, source);
  const info = describeModelFile(decoded, source);
  assertSpecFitsFile(info.spec, info.dtype, options.registry, bytes.length, source);
  const model = buildModel(info.spec, { registry: options.registry, backend: options.backend, dtype: info.dtype });
  loadParameters(model, decoded.tensors, source);
  return model;
}

/** Copies `tensors` into the model's parameters after checking that names, dtypes and shapes match exactly. */
export function loadParameters(model: Model, tensors: readonly DecodedSafetensor[], source: string): void {
  const parameters = namedParameters(model);
  const dtype = safetensorsDType(model.dtype);
  const byName = new Map(tensors.map((tensor) => [tensor.name, tensor]));
  for (const name of byName.keys()) {
    if (!parameters.has(name)) throw new ModelFileError("unexpected-tensor", source, `tensor "${name}" is not a parameter of the model (it has ${[...parameters.keys()].join(", ")})`);
  }
  for (const [name, parameter] of parameters) {
    const tensor = byName.get(name);
    if (!tensor) throw new ModelFileError("missing-tensor", source, `the model's parameter "${name}" is not in the file`);
    const shape = parameter.value.shape;
    if (tensor.dtype !== dtype || tensor.shape.length !== shape.length || tensor.shape.some((d, i) => d !== shape[i])) {
      throw new ModelFileError(
        "tensor-mismatch",
        source,
        `tensor "${name}" is ${tensor.dtype} [${tensor.shape.join(", ")}], the model needs ${dtype} [${shape.join(", ")}]`,
      );
    }
  }
  // Checked first and copied after, so a bad file leaves the model untouched.
  for (const [name, parameter] of parameters) parameter.value.data.set(typedElements(byName.get(name)!, model.dtype));
}

/** A decoded tensor's bytes as float elements (its bytes are a fresh, aligned copy). */
export function typedElements(tensor: DecodedSafetensor, dtype: DType): Float32Array | Float64Array {
  const { buffer, byteOffset, byteLength } = tensor.data;
  return dtype === "float32" ? new Float32Array(buffer, byteOffset, byteLength / 4) : new Float64Array(buffer, byteOffset, byteLength / 8);
}

/** Checks our metadata entries and parses the spec; the spec's names are resolved later, by buildModel. */
export function describeModelFile(decoded: DecodedSafetensors, source: string): ModelFileInfo {
  const { metadata } = decoded;
  const format = metadata.get(MODEL_METADATA_KEYS.format);
  if (format === undefined) throw new ModelFileError("not-a-nabla-model", source, `the file has no "${MODEL_METADATA_KEYS.format}" metadata entry, so Nabla did not write it`);
  if (format !== String(MODEL_FORMAT_VERSION)) {
    throw new ModelFileError("unsupported-format-version", source, `model format version ${JSON.stringify(format)} is not supported (this Nabla reads ${MODEL_FORMAT_VERSION})`);
  }
  const dtype = metadata.get(MODEL_METADATA_KEYS.dtype);
  if (!isDType(dtype)) throw new ModelFileError("invalid-metadata", source, `"${MODEL_METADATA_KEYS.dtype}" is ${JSON.stringify(dtype)}, expected "float32" or "float64"`);
  let spec: unknown;
  try {
    spec = JSON.parse(metadata.get(MODEL_METADATA_KEYS.spec) ?? "");
  } catch (error) {
    throw new ModelFileError("invalid-spec", source, `"${MODEL_METADATA_KEYS.spec}" is missing or not JSON: ${(error as Error).message}`);
  }
  try {
    assertModelSpec(spec);
  } catch (error) {
    if (error instanceof SpecError) throw new ModelFileError("invalid-spec", source, `the model spec in nabla.spec is invalid: ${error.message}`);
    throw error;
  }
  return {
    formatVersion: MODEL_FORMAT_VERSION,
    spec,
    dtype,
    metadata: Object.fromEntries(metadata),
    tensors: decoded.tensors.map(({ name, dtype: tensorDType, shape }) => ({ name, dtype: tensorDType, shape })),
  };
}
