import type { ActivationComponent, ActivationFunction, NablaPlugin } from "@nabla/core";
import { relu } from "./relu.js";
import { sigmoid } from "./sigmoid.js";
import { silu } from "./silu.js";
import { tanh } from "./tanh.js";

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

function activationComponent(fn: ActivationFunction, description: string): ActivationComponent {
  return { kind: "activation", name: fn.name, description, options: {}, create: () => fn };
}

/** ReLU, SiLU, Sigmoid and Tanh as "nabla/relu", "nabla/silu", "nabla/sigmoid" and "nabla/tanh". */
export const activationsPlugin: NablaPlugin = {
  meta: { name: "@nabla/activations", version: VERSION },
  namespace: "nabla",
  components: [
    activationComponent(relu, "Rectified linear unit max(0, z), equations (5)–(6)"),
    activationComponent(silu, "Sigmoid linear unit z·σ(z), equations (7)–(8)"),
    activationComponent(sigmoid, "Logistic sigmoid 1 / (1 + e^−z), equations (9)–(10)"),
    activationComponent(tanh, "Hyperbolic tangent, equations (11)–(12)"),
  ],
};
