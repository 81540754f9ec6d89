import { defineActivation, type ActivationComponent, type ActivationFunction, type NablaPlugin, type OnnxExportHook } from "@nabla/core";
import { relu } from "./relu.js";
import { sigmoid } from "./sigmoid.js";
import { silu } from "./silu.js";
import { tanh } from "./tanh.js";

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

function activationComponent(fn: ActivationFunction, description: string, exportOnnx: OnnxExportHook): ActivationComponent {
  return defineActivation({ name: fn.name, description, create: () => fn, exportOnnx });
}

/**
 * ONNX has no SiLU before opset 24 (Swish), so it is written as (7) says: z·σ(z). In float64 it
 * is z / (1 + e^−z) instead, equal and as accurate, because ONNX Runtime (1.30 and earlier) fuses
 * z·Sigmoid(z) into a QuickGelu kernel that exists for float32 only and then fails to load
 * the model (microsoft/onnxruntime#32421).
 */
const exportSiluToOnnx: OnnxExportHook = (graph, z) => {
  if (graph.dtype === "float32") return graph.node("Mul", [z, graph.node("Sigmoid", [z])]);
  const denominator = graph.node("Add", [graph.constant([1], []), graph.node("Exp", [graph.node("Neg", [z])])]);
  return graph.node("Div", [z, denominator]);
};

/** ReLU, SiLU, Sigmoid and Tanh as "nabla/relu", "nabla/silu", "nabla/sigmoid" and "nabla/tanh". */
export const activationsPlugin: NablaPlugin = {
  meta: { name: "@nabla/activations", version: VERSION },
  namespace: "nabla",
  components: [
    activationComponent(relu, "Rectified linear unit max(0, z), equations (5)–(6)", (graph, z) => graph.node("Relu", [z])),
    activationComponent(silu, "Sigmoid linear unit z·σ(z), equations (7)–(8)", exportSiluToOnnx),
    activationComponent(sigmoid, "Logistic sigmoid 1 / (1 + e^−z), equations (9)–(10)", (graph, z) => graph.node("Sigmoid", [z])),
    activationComponent(tanh, "Hyperbolic tangent, equations (11)–(12)", (graph, z) => graph.node("Tanh", [z])),
  ],
};
