// The packages registering what these specs name.
import "@nabla/activations";
import "@nabla/layers";
import "@nabla/losses";
import "@nabla/optimizers";
import type { ModelSpec } from "@nabla/core";

// The report's networks, as apps/bench/experiments/*.json specify them; the optimizers differ
// between the experiments' models but do not change what a model predicts, so each
// architecture appears once.

function mlp(sizes: readonly number[], between: readonly string[], loss: string): ModelSpec {
  const layers: ModelSpec["layers"] = [];
  sizes.slice(1).forEach((out, i) => {
    if (i > 0) layers.push(...between.map((type) => (type === "dropout" ? { type, options: { p: 0.5 } } : { type })));
    layers.push({ type: "linear", options: { in: sizes[i], out } });
  });
  return { specVersion: 1, input: { shape: [sizes[0]] }, layers, loss: { type: loss }, optimizer: { type: "adam", options: { lr: 0.001 } } };
}

/** Table 1 (California Housing): 8 → 16 → 16 → 1. */
export const REGRESSION_MODELS: Record<string, ModelSpec> = {
  ReLU: mlp([8, 16, 16, 1], ["relu"], "mse"),
  SiLU: mlp([8, 16, 16, 1], ["silu"], "mse"),
  "ReLU & Dropout": mlp([8, 16, 16, 1], ["relu", "dropout"], "mse"),
};

/** Table 2 (CIFAR-10): 3072 → 100 → 100 → 10. */
export const CLASSIFICATION_MODELS: Record<string, ModelSpec> = {
  Sigmoid: mlp([3072, 100, 100, 10], ["sigmoid"], "cross-entropy"),
  Tanh: mlp([3072, 100, 100, 10], ["tanh"], "cross-entropy"),
  "Tanh & Dropout": mlp([3072, 100, 100, 10], ["tanh", "dropout"], "cross-entropy"),
};
