import { defineLoss, type NablaPlugin } from "@nabla/core";
import { CrossEntropyLoss } from "./cross-entropy-loss.js";
import { MSELoss } from "./mse-loss.js";

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

/** "nabla/mse" for regression and "nabla/cross-entropy" for classification. */
export const lossesPlugin: NablaPlugin = {
  meta: { name: "@nabla/losses", version: VERSION },
  namespace: "nabla",
  components: [
    defineLoss({
      name: "mse",
      description: "Mean squared error over all elements, equations (13)–(14); targets are a Tensor",
      create: () => new MSELoss(),
    }),
    defineLoss({
      name: "cross-entropy",
      description: "Softmax cross entropy averaged over rows, equations (15)–(17); targets are Int32Array labels",
      create: () => new CrossEntropyLoss(),
    }),
  ],
};
