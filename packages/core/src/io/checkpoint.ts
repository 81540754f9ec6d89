import type { Backend } from "../backend/backend.js";
import type { DType } from "../dtype.js";
import { OptimizerStateError } from "../optimizer.js";
import { GeneratorStateError, type RandomGenerator, type RandomGeneratorState } from "../random/random-generator.js";
import type { Model } from "../spec/model.js";
import { Tensor } from "../tensor.js";
import { FitOptionsError } from "../train/fit-options-error.js";
import { fileSystemFor } from "./file-system.js";
import { ModelFileError } from "./model-file-error.js";
import { MODEL_METADATA_KEYS, describeModelFile, loadParameters, modelMetadata, typedElements } from "./model-file.js";
import { readModelFile } from "./model-path.js";
import { namedParameters, safetensorsDType } from "./model-tensors.js";
import { decodeSafetensors, encodeSafetensors, type DecodedSafetensor, type SafetensorsTensor } from "./safetensors.js";

/** Where and how often fit saves a checkpoint. */
export interface CheckpointOptions {
  /** The checkpoint file (a `.safetensors` file), replaced atomically at each save. */
  path: string;
  /** Save after every this many epochs (default 1); the last epoch is always saved. */
  every?: number;
}

/** How far training got: the epochs done and the loss of each. */
export interface TrainingProgress {
  /** Epochs completed. */
  epoch: number;
  /** Training loss of each completed epoch. */
  lossHistory: number[];
}

const CHECKPOINT_KEY = "nabla.checkpoint";
const LOSS_HISTORY_TENSOR = "training.lossHistory";
const OPTIMIZER_PREFIX = "optimizer.";
/** The shuffle generator's entry when it is the model's own generator: one stream, saved once. */
const SAME_AS_MODEL = "model";

/** The JSON in `nabla.checkpoint`. */
interface CheckpointRecord {
  epoch: number;
  optimizer: { type: string; scalars: Record<string, number> };
  generators: { model: RandomGeneratorState | null; shuffle: RandomGeneratorState | typeof SAME_AS_MODEL | null };
}

/**
 * Everything needed to continue training as one safetensors file: the parameters, the
 * optimizer's tensors (`optimizer.<name>`), the loss history as float64 (exact), and in
 * `__metadata__` the model's spec and dtype, the epoch, the optimizer's numbers and the states
 * of the model's generator (dropout) and of fit's shuffle generator.
 */
export function encodeCheckpoint(model: Model, shuffleGenerator: RandomGenerator | undefined, progress: TrainingProgress): Uint8Array {
  if (!model.optimizer) throw new FitOptionsError("checkpoint", "a checkpoint needs a model whose spec names an optimizer");
  const optimizer = model.optimizer;
  const dtype = safetensorsDType(model.dtype);
  const optimizerState = optimizer.exportState();
  const tensors: SafetensorsTensor[] = [
    ...[...namedParameters(model)].map(([name, { value }]) => ({ name, dtype, shape: value.shape, data: value.data })),
    ...[...optimizerState.tensors].map(([name, value]) => ({ name: OPTIMIZER_PREFIX + name, dtype, shape: value.shape, data: value.data })),
    { name: LOSS_HISTORY_TENSOR, dtype: "F64", shape: [progress.lossHistory.length], data: Float64Array.from(progress.lossHistory) },
  ];
  const record: CheckpointRecord = {
    epoch: progress.epoch,
    optimizer: { type: optimizer.type, scalars: Object.fromEntries(optimizerState.scalars) },
    generators: {
      model: model.generator ? exportGenerator(model.generator) : null,
      shuffle: shuffleGenerator === undefined ? null : shuffleGenerator === model.generator ? SAME_AS_MODEL : exportGenerator(shuffleGenerator),
    },
  };
  return encodeSafetensors(tensors, { ...modelMetadata(model), [CHECKPOINT_KEY]: JSON.stringify(record) });
}

/** Saves a checkpoint to `path` atomically (temporary file, fsync, rename). Needs Node.js. */
export function saveCheckpoint(path: string, model: Model, shuffleGenerator: RandomGenerator | undefined, progress: TrainingProgress): void {
  fileSystemFor("fit's checkpoint option").writeFileAtomic(path, encodeCheckpoint(model, shuffleGenerator, progress));
}

/** Restores a checkpoint file into `model`, its optimizer and the generators. Needs Node.js. */
export function resumeCheckpoint(path: string, model: Model, shuffleGenerator: RandomGenerator | undefined): TrainingProgress {
  return restoreCheckpoint(readModelFile("fit's resumeFrom option", path), model, shuffleGenerator, path);
}

/**
 * Puts the model's parameters, its optimizer's state and both generators back where the
 * checkpoint left them and returns the progress. The checkpoint must be for this model (the
 * same spec and dtype) and these generators; otherwise a ModelFileError says what differs.
 */
export function restoreCheckpoint(bytes: Uint8Array, model: Model, shuffleGenerator: RandomGenerator | undefined, source = "<bytes>"): TrainingProgress {
  const mismatch = (problem: string): ModelFileError => new ModelFileError("checkpoint-mismatch", source, problem);
  if (!model.optimizer) throw mismatch("the model's spec names no optimizer, so it cannot continue training");
  const optimizer = model.optimizer;
  const decoded = decodeSafetensors(bytes, source);
  const info = describeModelFile(decoded, source);
  if (canonicalJson(info.spec) !== canonicalJson(model.toSpec())) throw mismatch(`the checkpoint is for another model: its ${MODEL_METADATA_KEYS.spec} differs from this model's spec`);
  if (info.dtype !== model.dtype) throw mismatch(`the checkpoint is ${info.dtype}, the model ${model.dtype}`);
  const record = parseRecord(decoded.metadata.get(CHECKPOINT_KEY), source);
  if (record.optimizer.type !== optimizer.type) throw mismatch(`the checkpoint's optimizer is ${record.optimizer.type}, the model's ${optimizer.type}`);

  const parameters: DecodedSafetensor[] = [];
  const optimizerTensors = new Map<string, Tensor>();
  let lossHistory: number[] | undefined;
  for (const tensor of decoded.tensors) {
    if (tensor.name === LOSS_HISTORY_TENSOR && tensor.dtype === "F64" && tensor.shape.length === 1) {
      lossHistory = Array.from(typedElements(tensor, "float64"));
    } else if (tensor.name.startsWith(OPTIMIZER_PREFIX)) {
      optimizerTensors.set(tensor.name.slice(OPTIMIZER_PREFIX.length), toTensor(tensor, model.dtype, model.backend, source));
    } else {
      parameters.push(tensor);
    }
  }
  if (lossHistory?.length !== record.epoch) {
    throw new ModelFileError("invalid-checkpoint", source, `"${LOSS_HISTORY_TENSOR}" must be a float64 vector of ${record.epoch} losses, one per epoch done`);
  }
  const hasModelGenerator = model.generator !== undefined;
  if ((record.generators.model !== null) !== hasModelGenerator) {
    throw mismatch(hasModelGenerator ? "the checkpoint has no state for the model's generator" : "the checkpoint has a generator state but the model has no generator");
  }
  if ((record.generators.shuffle === null) !== (shuffleGenerator === undefined)) {
    throw mismatch(shuffleGenerator ? "the checkpoint has no state for fit's generator" : "the checkpoint has a state for fit's generator, but fit got none");
  }
  const sharesStream = record.generators.shuffle === SAME_AS_MODEL;
  if (sharesStream !== (shuffleGenerator !== undefined && shuffleGenerator === model.generator)) {
    throw mismatch(
      sharesStream
        ? "the checkpoint's model and shuffle generators were one stream, but fit got a separate generator"
        : "fit's generator is the model's own, but the checkpoint saved two separate streams",
    );
  }

  loadParameters(model, parameters, source);
  try {
    optimizer.importState({ tensors: optimizerTensors, scalars: new Map(Object.entries(record.optimizer.scalars)) });
    if (model.generator) importGenerator(model.generator, record.generators.model!);
    if (shuffleGenerator && !sharesStream) importGenerator(shuffleGenerator, record.generators.shuffle as RandomGeneratorState);
  } catch (error) {
    if (error instanceof OptimizerStateError || error instanceof GeneratorStateError) throw mismatch(error.message);
    throw error;
  }
  return { epoch: record.epoch, lossHistory };
}

function exportGenerator(generator: RandomGenerator): RandomGeneratorState {
  if (!generator.exportState) throw new GeneratorStateError(generator.algorithm, "it has no exportState, so a checkpoint cannot save where its stream is");
  return generator.exportState();
}

function importGenerator(generator: RandomGenerator, state: RandomGeneratorState): void {
  if (!generator.importState) throw new GeneratorStateError(generator.algorithm, "it has no importState, so a checkpoint cannot restore it");
  generator.importState(state);
}

function toTensor(tensor: DecodedSafetensor, dtype: DType, backend: Backend, source: string): Tensor {
  if (tensor.dtype !== safetensorsDType(dtype)) throw new ModelFileError("tensor-mismatch", source, `tensor "${tensor.name}" is ${tensor.dtype}, the model is ${dtype}`);
  return Tensor.from(typedElements(tensor, dtype), tensor.shape, { dtype, backend });
}

/** Parses and checks `nabla.checkpoint`; a file without it is a model file, not a checkpoint. */
function parseRecord(json: string | undefined, source: string): CheckpointRecord {
  const invalid = (problem: string): ModelFileError => new ModelFileError("invalid-checkpoint", source, problem);
  if (json === undefined) throw invalid(`the file has no "${CHECKPOINT_KEY}" metadata entry: it is a model file, not a checkpoint`);
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch (error) {
    throw invalid(`"${CHECKPOINT_KEY}" is not JSON: ${(error as Error).message}`);
  }
  const { epoch, optimizer, generators } = isRecord(record) ? record : ({} as Record<string, unknown>);
  if (!Number.isInteger(epoch) || (epoch as number) < 0) throw invalid(`"${CHECKPOINT_KEY}".epoch must be a non-negative integer`);
  if (!isRecord(optimizer) || typeof optimizer.type !== "string" || !isRecord(optimizer.scalars) || !Object.values(optimizer.scalars).every((v) => typeof v === "number")) {
    throw invalid(`"${CHECKPOINT_KEY}".optimizer must be {type, scalars} with number scalars`);
  }
  const isState = (value: unknown): boolean => value === null || (isRecord(value) && typeof value.algorithm === "string");
  if (!isRecord(generators) || !isState(generators.model) || !(generators.shuffle === SAME_AS_MODEL || isState(generators.shuffle))) {
    throw invalid(`"${CHECKPOINT_KEY}".generators must hold a state (or null) for the model's and fit's generators`);
  }
  return record as unknown as CheckpointRecord;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so two equal specs compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(",")}}`;
  return JSON.stringify(value);
}
