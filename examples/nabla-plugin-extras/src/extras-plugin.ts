import type { NablaPlugin } from "@nabla/core";
import { exportGeluToOnnx, gelu } from "./gelu.js";
import { leakyRelu } from "./leaky-relu.js";
import { RMSprop } from "./rmsprop.js";
import { SGDMomentum } from "./sgd-momentum.js";

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

/** LeakyReLU and GELU activations, SGD with momentum and RMSprop optimizers, under the "extras" namespace. */
export const extrasPlugin: NablaPlugin = {
  meta: { name: "nabla-plugin-extras", version: VERSION },
  namespace: "extras",
  components: [
    {
      kind: "activation",
      name: "leaky-relu",
      description: "z for z > 0, else slope·z",
      options: { slope: { type: "number", min: 0, default: 0.01, description: "slope for z ≤ 0" } },
      create: (options) => leakyRelu(options.slope as number),
      // ONNX's LeakyRelu is x for x ≥ 0, else alpha·x: the same function (both give 0 at 0).
      exportOnnx: (graph, z, { options }) => graph.node("LeakyRelu", [z], { alpha: { type: "float", value: options.slope as number } }),
    },
    {
      kind: "activation",
      name: "gelu",
      description: "Gaussian error linear unit, tanh approximation",
      options: {},
      create: () => gelu,
      exportOnnx: exportGeluToOnnx,
    },
    {
      kind: "optimizer",
      name: "sgd-momentum",
      description: "SGD with heavy-ball momentum: v ← μv + g, w ← w − lr·v",
      options: {
        lr: { type: "number", min: 0, exclusiveMin: true, default: 1e-3, description: "learning rate" },
        momentum: { type: "number", min: 0, max: 1, exclusiveMax: true, default: 0.9, description: "velocity decay μ, in [0, 1)" },
      },
      create: (parameters, options) => new SGDMomentum(parameters, { lr: options.lr as number, momentum: options.momentum as number }),
    },
    {
      kind: "optimizer",
      name: "rmsprop",
      description: "RMSprop: s ← ρs + (1 − ρ)g², w ← w − lr·g/(sqrt(s) + eps)",
      options: {
        lr: { type: "number", min: 0, exclusiveMin: true, default: 1e-3, description: "learning rate" },
        rho: { type: "number", min: 0, max: 1, exclusiveMax: true, default: 0.9, description: "decay of the mean square, in [0, 1)" },
        eps: { type: "number", min: 0, exclusiveMin: true, default: 1e-8, description: "added to sqrt(s)" },
      },
      create: (parameters, options) =>
        new RMSprop(parameters, { lr: options.lr as number, rho: options.rho as number, eps: options.eps as number }),
    },
  ],
};
