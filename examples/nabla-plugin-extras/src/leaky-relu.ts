import { Type } from "@sinclair/typebox";
import { expressionActivation, validateOptions, type ActivationFunction } from "@nabla/core";

/** LeakyReLU's option, with its range and default: what a spec's "extras/leaky-relu" accepts and what leakyRelu() fills in. */
export const leakyReluOptionsSchema = Type.Object({
  /** Slope for z ≤ 0. */
  slope: Type.Number({ minimum: 0, default: 0.01, description: "slope for z ≤ 0" }),
});

/**
 * LeakyReLU(z) = z for z > 0, else slope·z, declared as an expression; Nabla derives its
 * derivative, 1 or slope.
 */
export function leakyRelu(slopeOrDefault?: number): ActivationFunction {
  const { slope } = validateOptions(leakyReluOptionsSchema, { slope: slopeOrDefault }, "leakyRelu");
  return expressionActivation({ name: "leaky-relu", forward: ["where", ["gt", "x", 0], "x", ["mul", slope, "x"]] });
}
