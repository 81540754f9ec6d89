import type { ModelSpec } from "@nabla/core";
import classification from "../../../experiments/classification/experiment.json";
import regression from "../../../experiments/regression/experiment.json";

/** What a preset trains on: regression (MSE) or classification (cross-entropy). */
export type Task = "regression" | "classification";

/** A model spec with the training settings the playground starts it with. */
export interface Preset {
  readonly name: string;
  readonly task: Task;
  readonly spec: ModelSpec;
  readonly epochs: number;
  readonly batchSize: number | undefined;
}

const RELU_ADAM_MINI_BATCH: ModelSpec = {
  specVersion: 1,
  input: { shape: [8] },
  layers: [
    { type: "linear", options: { in: 8, out: 16 } },
    { type: "relu" },
    { type: "linear", options: { in: 16, out: 16 } },
    { type: "relu" },
    { type: "linear", options: { in: 16, out: 1 } },
  ],
  loss: { type: "mse" },
  optimizer: { type: "adam", options: { lr: 0.005 } },
};

/**
 * The first preset trains the report's ReLU + Adam network in mini-batches, which reaches R² ≈ 0.75
 * on California Housing in seconds; the others are the report's own models (experiments/regression and experiments/classification),
 * trained as the report did: full batch, 1,000 epochs.
 */
export const PRESETS: readonly Preset[] = [
  { name: "ReLU w/ Adam, mini-batches of 256 (fast)", task: "regression", spec: RELU_ADAM_MINI_BATCH, epochs: 30, batchSize: 256 },
  ...regression.models.map((model) => ({ name: `Report: ${model.name}`, task: "regression" as const, spec: model.spec as ModelSpec, epochs: 1000, batchSize: undefined })),
  ...classification.models.map((model) => ({ name: `Report (CIFAR-10): ${model.name}`, task: "classification" as const, spec: model.spec as ModelSpec, epochs: 5, batchSize: 128 })),
];

/** The task a spec trains for, read from its loss. */
export function taskOf(spec: ModelSpec): Task {
  return spec.loss?.type.endsWith("cross-entropy") ? "classification" : "regression";
}
