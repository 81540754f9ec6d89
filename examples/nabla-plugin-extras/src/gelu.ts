import { expressionActivation, type ActivationFunction, type Expression, type OnnxExportHook } from "@nabla/core";

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const CUBIC = 0.044715;

/** tanh u, u = sqrt(2/π)(z + 0.044715 z³), over the activation's input "x". */
const TANH_U: Expression = ["tanh", ["mul", SQRT_2_OVER_PI, ["add", "x", ["mul", CUBIC, ["pow", "x", 3]]]]];

/**
 * GELU in its tanh approximation (Hendrycks and Gimpel, 2016), as expressions:
 * GELU(z) = ½ z (1 + tanh u), u = sqrt(2/π)(z + 0.044715 z³),
 * GELU'(z) = ½ (1 + tanh u) + ½ z (1 − tanh² u) sqrt(2/π)(1 + 3·0.044715 z²).
 * The derivative is written out rather than derived so that past |z| = 10, where tanh u is ±1 in
 * double precision and the second term is exactly 0, it is 1 or 0 without 0·∞ once z² overflows.
 */
export const gelu: ActivationFunction = expressionActivation({
  name: "gelu",
  forward: ["mul", ["mul", 0.5, "x"], ["add", 1, TANH_U]],
  derivative: [
    "where",
    ["gt", ["abs", "x"], 10],
    ["gt", "x", 0],
    [
      "add",
      ["mul", 0.5, ["add", 1, TANH_U]],
      ["mul", ["mul", ["mul", ["mul", 0.5, "x"], ["sub", 1, ["mul", TANH_U, TANH_U]]], SQRT_2_OVER_PI], ["add", 1, ["mul", ["mul", 3 * CUBIC, "x"], "x"]]],
    ],
  ],
});

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
