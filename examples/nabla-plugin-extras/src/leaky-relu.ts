import { Type } from "@sinclair/typebox";
import { validateOptions, type ActivationFunction } from "@nabla/core";

/** LeakyReLU's option, with its range and default: what a spec's "extras/leaky-relu" accepts and what leakyRelu() fills in. */
export const leakyReluOptionsSchema = Type.Object({
  /** Slope for z ≤ 0. */
  slope: Type.Number({ minimum: 0, default: 0.01, description: "slope for z ≤ 0" }),
});

/** LeakyReLU(z) = z for z > 0, else slope·z; its derivative is 1 or slope. */
export function leakyRelu(slopeOrDefault?: number): ActivationFunction {
  const { slope } = validateOptions(leakyReluOptionsSchema, { slope: slopeOrDefault }, "leakyRelu");
  return {
    name: "leaky-relu",
    forward: (z) => (z > 0 ? z : slope * z),
    derivative: (z) => (z > 0 ? 1 : slope),
  };
}
