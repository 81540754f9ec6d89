import { expressionActivation, type ActivationFunction } from "@nabla/core";

/**
 * LeakyReLU(z) = z for z > 0, else slope·z, declared as an expression; Nabla derives its
 * derivative, 1 or slope.
 */
export function leakyRelu(slope = 0.01): ActivationFunction {
  return expressionActivation({ name: "leaky-relu", forward: ["where", ["gt", "x", 0], "x", ["mul", slope, "x"]] });
}
