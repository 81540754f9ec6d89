import type { ActivationFunction } from "@nabla/core";

/** LeakyReLU(z) = z for z > 0, else slope·z; its derivative is 1 or slope. */
export function leakyRelu(slope = 0.01): ActivationFunction {
  return {
    name: "leaky-relu",
    forward: (z) => (z > 0 ? z : slope * z),
    derivative: (z) => (z > 0 ? 1 : slope),
  };
}
