import { defineOptimizer, type NablaPlugin } from "@nabla/core";
import { Adam, adamOptionsSchema } from "./adam.js";
import { SGD, sgdOptionsSchema } from "./sgd.js";

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

/** "nabla/sgd" and "nabla/adam". */
export const optimizersPlugin: NablaPlugin = {
  meta: { name: "@nabla/optimizers", version: VERSION },
  namespace: "nabla",
  components: [
    defineOptimizer({
      name: "sgd",
      description: "Plain gradient descent w ← w − lr·g, equation (18)",
      options: sgdOptionsSchema,
      create: (parameters, options) => new SGD(parameters, options),
    }),
    defineOptimizer({
      name: "adam",
      description: "Adam with bias-corrected moments, equations (19)–(22)",
      options: adamOptionsSchema,
      create: (parameters, options) => new Adam(parameters, options),
    }),
  ],
};
