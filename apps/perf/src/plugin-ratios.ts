import type { DType } from "@nabla/core";
import type { EpochRow } from "./epoch-row.js";
import type { PluginTaskName } from "./mlp-tasks.js";

/** A plugin component's epoch over the built-in it replaces, on one backend and dtype. */
export interface PluginRatio {
  backend: string;
  dtype: DType;
  /** What is compared, e.g. "extras/gelu ÷ tanh, full batch". */
  comparison: string;
  plugin: number;
  builtIn: number;
  ratio: number;
  /** The target for this comparison (1.15 for activations, 1.1 for optimizers at batch 128), if it has one. */
  target?: number;
}

const COMPARISONS: readonly { comparison: string; plugin: PluginTaskName; builtIn: PluginTaskName; target?: number }[] = [
  { comparison: "extras/gelu ÷ tanh, full batch", plugin: "cifar extras/gelu adam full batch", builtIn: "cifar tanh adam full batch", target: 1.15 },
  { comparison: "extras/gelu ÷ tanh, batch 128", plugin: "cifar extras/gelu adam batch 128", builtIn: "cifar tanh adam batch 128", target: 1.15 },
  { comparison: "extras/rmsprop ÷ adam, full batch", plugin: "cifar tanh extras/rmsprop full batch", builtIn: "cifar tanh adam full batch" },
  { comparison: "extras/rmsprop ÷ adam, batch 128", plugin: "cifar tanh extras/rmsprop batch 128", builtIn: "cifar tanh adam batch 128", target: 1.1 },
];

/** Every comparison both of whose rows Nabla measured on the same backend and dtype. */
export function pluginRatios(epochs: readonly EpochRow[]): PluginRatio[] {
  const nabla = epochs.filter((r) => r.system === "nabla");
  const find = (backend: string, dtype: DType, task: string) => nabla.find((r) => r.backend === backend && r.dtype === dtype && r.task === task);
  const configurations = [...new Map(nabla.map((r) => [`${r.backend} ${r.dtype}`, r])).values()];
  return configurations.flatMap(({ backend, dtype }) =>
    COMPARISONS.flatMap(({ comparison, plugin, builtIn, target }) => {
      const [p, b] = [find(backend, dtype, plugin), find(backend, dtype, builtIn)];
      if (!p || !b) return [];
      return [{ backend, dtype, comparison, plugin: p.secondsPerEpoch, builtIn: b.secondsPerEpoch, ratio: p.secondsPerEpoch / b.secondsPerEpoch, ...(target === undefined ? {} : { target }) }];
    }),
  );
}
