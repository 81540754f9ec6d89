import { defineActivation, defineOptimizer, type NablaPlugin } from "@nabla/core";
import { exportGeluToOnnx, gelu } from "./gelu.js";
import { leakyRelu, leakyReluOptionsSchema } from "./leaky-relu.js";
import { RMSprop, rmspropOptionsSchema } from "./rmsprop.js";
import { SGDMomentum, sgdMomentumOptionsSchema } from "./sgd-momentum.js";

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

/** LeakyReLU and GELU activations, SGD with momentum and RMSprop optimizers, under the "extras" namespace. */
export const extrasPlugin: NablaPlugin = {
  meta: { name: "nabla-plugin-extras", version: VERSION },
  namespace: "extras",
  components: [
    defineActivation({
      name: "leaky-relu",
      description: "z for z > 0, else slope·z",
      options: leakyReluOptionsSchema,
      create: (options) => leakyRelu(options.slope),
      // ONNX's LeakyRelu is x for x ≥ 0, else alpha·x: the same function (both give 0 at 0).
      exportOnnx: (graph, z, { options }) => graph.node("LeakyRelu", [z], { alpha: { type: "float", value: options.slope } }),
    }),
    defineActivation({
      name: "gelu",
      description: "Gaussian error linear unit, tanh approximation",
      create: () => gelu,
      exportOnnx: exportGeluToOnnx,
    }),
    defineOptimizer({
      name: "sgd-momentum",
      description: "SGD with heavy-ball momentum: v ← μv + g, w ← w − lr·v",
      options: sgdMomentumOptionsSchema,
      create: (parameters, options) => new SGDMomentum(parameters, options),
    }),
    defineOptimizer({
      name: "rmsprop",
      description: "RMSprop: s ← ρs + (1 − ρ)g², w ← w − lr·g/(sqrt(s) + eps)",
      options: rmspropOptionsSchema,
      create: (parameters, options) => new RMSprop(parameters, options),
    }),
  ],
};
