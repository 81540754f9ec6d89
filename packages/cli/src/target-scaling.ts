import type { Model } from "@nabla/core";
import { UsageError } from "./usage-error.js";

/** How `--scale-target` standardized a regression target: t = (y − mean) / scale. */
export interface TargetScaling {
  mean: number;
  scale: number;
}

/** The mean and population standard deviation of the targets (scale 1 for a constant target). */
export function fitTargetScaling(targets: Float64Array): TargetScaling {
  const mean = targets.reduce((sum, y) => sum + y, 0) / targets.length;
  const variance = targets.reduce((sum, y) => sum + (y - mean) ** 2, 0) / targets.length;
  return { mean, scale: variance > 0 ? Math.sqrt(variance) : 1 };
}

/** The network's last module when it is a linear layer with one output, which the scaling can be folded into. */
function lastLinearLayer(model: Model, specPath: string) {
  const modules = model.network.modules;
  const last = modules[modules.length - 1];
  const parameters = new Map(last.parameters().map((parameter) => [parameter.name, parameter.value]));
  const weight = parameters.get("weight");
  const bias = parameters.get("bias");
  if (!weight || !bias || bias.size !== 1) {
    throw new UsageError("--scale-target needs a spec whose last layer is a linear layer with one output", `${specPath} at $.layers[${modules.length - 1}]`);
  }
  return { weight, bias };
}

/** Checks before training that the scaling can be folded into the model afterwards. */
export function assertTargetScalingFoldable(model: Model, specPath: string): void {
  lastLinearLayer(model, specPath);
}

/**
 * Folds y = t · scale + mean into the last linear layer, y = x·(W·scale) + (b·scale + mean), so
 * the saved model (and its ONNX export) predicts in the target's own units.
 */
export function foldTargetScaling(model: Model, scaling: TargetScaling, specPath: string): void {
  const { weight, bias } = lastLinearLayer(model, specPath);
  for (let i = 0; i < weight.size; i++) weight.data[i] *= scaling.scale;
  bias.data[0] = bias.data[0] * scaling.scale + scaling.mean;
}
