import type { DType, RandomGenerator, Registry } from "@nabla/core";
import type { Experiment } from "./load-experiment.js";

/** "nabla": each model its own stream; "reference": the report's run exactly (PROTOCOL.md). */
export type ProtocolName = "nabla" | "reference";

export interface ProtocolSettings {
  name: ProtocolName;
  dtype: DType;
  /** Generator type for weights, dropout masks and mini-batch order. */
  generator: string;
  /** Generator type for the train/test split. */
  splitGenerator: string;
  /** Returns the generator model `index` draws from. */
  generatorFor(registry: Registry, seed: number): (index: number) => RandomGenerator;
}

/**
 * "nabla": each model gets its own stream from the default generator, seeded alike, in the
 * experiment's dtype. "reference": the report's run exactly (PROTOCOL.md): float64, NumPy's
 * legacy RandomState seeded once and shared by the models in table order, and scikit-learn's
 * split (a separate RandomState with the split seed).
 */
export function protocolSettings(name: ProtocolName, experiment: Experiment): ProtocolSettings {
  if (name === "reference") {
    return {
      name,
      dtype: "float64",
      generator: "nabla/numpy",
      splitGenerator: "nabla/numpy",
      generatorFor(registry, seed) {
        const shared = registry.get("generator", "nabla/numpy").create(seed);
        return () => shared;
      },
    };
  }
  return {
    name,
    dtype: experiment.training.dtype,
    generator: "nabla/xoshiro128",
    splitGenerator: "nabla/xoshiro128",
    generatorFor(registry, seed) {
      const component = registry.get("generator", "nabla/xoshiro128");
      return () => component.create(seed);
    },
  };
}
