import { existsSync } from "node:fs";
import { getDefaultRegistry, inspectModelFile, loadModel, selectBackend, type Model } from "@nabla/core";
import { parsePreprocessing, PREPROCESSING_METADATA_KEY, type Preprocessing } from "./preprocessing.js";
import { UsageError } from "./usage-error.js";

/** A model file's summary as inspectModelFile reads it. */
export type ModelFileInfo = ReturnType<typeof inspectModelFile>;

/** A model file saved by `nabla train`: its summary and its preprocessing, without loading the weights. */
export function readModelFileInfo(path: string): { info: ModelFileInfo; preprocessing: Preprocessing } {
  if (!existsSync(path)) throw new UsageError("no such model file", path);
  const info = inspectModelFile(path);
  const json = Object.hasOwn(info.metadata, PREPROCESSING_METADATA_KEY) ? info.metadata[PREPROCESSING_METADATA_KEY] : undefined;
  return { info, preprocessing: parsePreprocessing(json, path) };
}

/** A model file saved by `nabla train`, loaded on the fastest available backend (or `backendName`). */
export function openModelFile(path: string, backendName?: string): { model: Model; preprocessing: Preprocessing; info: ModelFileInfo } {
  const { info, preprocessing } = readModelFileInfo(path);
  let backend;
  try {
    backend = selectBackend(getDefaultRegistry(), backendName);
  } catch (error) {
    throw new UsageError((error as Error).message, "--backend");
  }
  const model = loadModel(path, { backend });
  return { model, preprocessing, info };
}
