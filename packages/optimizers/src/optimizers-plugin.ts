import type { NablaPlugin } from "@nabla/core";
import { Adam } from "./adam.js";
import { SGD } from "./sgd.js";

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

/** "nabla/sgd" and "nabla/adam". */
export const optimizersPlugin: NablaPlugin = {
  meta: { name: "@nabla/optimizers", version: VERSION },
  namespace: "nabla",
  components: [
    {
      kind: "optimizer",
      name: "sgd",
      description: "Plain gradient descent w ← w − lr·g, equation (18)",
      options: {
        lr: { type: "number", min: 0, exclusiveMin: true, default: 1e-3, description: "learning rate" },
      },
      create: (parameters, options) => new SGD(parameters, { lr: options.lr as number }),
    },
    {
      kind: "optimizer",
      name: "adam",
      description: "Adam with bias-corrected moments, equations (19)–(22)",
      options: {
        lr: { type: "number", min: 0, exclusiveMin: true, default: 1e-3, description: "learning rate" },
        beta1: { type: "number", min: 0, max: 1, exclusiveMax: true, default: 0.9, description: "first-moment decay, in [0, 1)" },
        beta2: { type: "number", min: 0, max: 1, exclusiveMax: true, default: 0.999, description: "second-moment decay, in [0, 1)" },
        eps: { type: "number", min: 0, exclusiveMin: true, default: 1e-8, description: "added to sqrt(v̂) in the denominator" },
      },
      create: (parameters, options) =>
        new Adam(parameters, {
          lr: options.lr as number,
          beta1: options.beta1 as number,
          beta2: options.beta2 as number,
          eps: options.eps as number,
        }),
    },
  ],
};
