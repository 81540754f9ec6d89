import { registerPlugin } from "@nabla/core";
import { lossesPlugin } from "./losses-plugin.js";

export { MSELoss } from "./mse-loss.js";
export { CrossEntropyLoss } from "./cross-entropy-loss.js";
export { InvalidTargetsError } from "./invalid-targets-error.js";
export { lossesPlugin } from "./losses-plugin.js";

registerPlugin(lossesPlugin);
