import type { Model } from "../spec/model.js";
import { fileSystemFor } from "./file-system.js";
import { ModelFileError } from "./model-file-error.js";
import {
  deserializeModel,
  inspectModelBytes,
  serializeModel,
  type DeserializeModelOptions,
  type ModelFileInfo,
  type SerializeModelOptions,
} from "./model-file.js";

/** Writes serializeModel's bytes to `path` atomically (a `.safetensors` file). Needs Node.js. */
export function saveModel(model: Model, path: string, options: SerializeModelOptions = {}): void {
  fileSystemFor("saveModel").writeFileAtomic(path, serializeModel(model, options));
}

/** Reads a model file written by saveModel (errors name `path`). Needs Node.js. */
export function loadModel(path: string, options: Omit<DeserializeModelOptions, "source"> = {}): Model {
  return deserializeModel(readModelFile("loadModel", path), { ...options, source: path });
}

/** A model file's version, spec, dtype, metadata and tensor list, without building it. Needs Node.js. */
export function inspectModelFile(path: string): ModelFileInfo {
  return inspectModelBytes(readModelFile("inspectModelFile", path), path);
}

/** The file's bytes, or a ModelFileError naming it when it cannot be read. */
export function readModelFile(operation: string, path: string): Uint8Array {
  const files = fileSystemFor(operation);
  try {
    return files.readFile(path);
  } catch (error) {
    throw new ModelFileError("unreadable", path, `cannot read the file: ${(error as Error).message}`);
  }
}
