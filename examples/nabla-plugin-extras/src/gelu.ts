import type { ActivationFunction, OnnxExportHook } from "@nabla/core";

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const CUBIC = 0.044715;

/**
 * GELU in its tanh approximation (Hendrycks and Gimpel, 2016):
 * GELU(z) = ½ z (1 + tanh u), u = sqrt(2/π)(z + 0.044715 z³),
 * GELU'(z) = ½ (1 + tanh u) + ½ z (1 − tanh² u) sqrt(2/π)(1 + 3·0.044715 z²).
 */
export const gelu: ActivationFunction = {
  name: "gelu",
  forward(z) {
    return 0.5 * z * (1 + Math.tanh(SQRT_2_OVER_PI * (z + CUBIC * z ** 3)));
  },
  derivative(z) {
    // Past |z| = 10, tanh u is ±1 in double precision and the second term is exactly 0;
    // returning early avoids 0·∞ once z² overflows.
    if (Math.abs(z) > 10) return z > 0 ? 1 : 0;
    const t = Math.tanh(SQRT_2_OVER_PI * (z + CUBIC * z ** 3));
    return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * CUBIC * z * z);
  },
};

/**
 * The forward formula above as ONNX nodes, term by term. ONNX's own Gelu(approximate="tanh")
 * needs opset 20, and exported models default to opset 17.
 */
export const exportGeluToOnnx: OnnxExportHook = (graph, z) => {
  const scalar = (value: number) => graph.constant([value], []);
  const cube = graph.node("Mul", [graph.node("Mul", [z, z]), z]);
  const u = graph.node("Mul", [scalar(SQRT_2_OVER_PI), graph.node("Add", [z, graph.node("Mul", [scalar(CUBIC), cube])])]);
  const halfZ = graph.node("Mul", [scalar(0.5), z]);
  return graph.node("Mul", [halfZ, graph.node("Add", [scalar(1), graph.node("Tanh", [u])])]);
};
