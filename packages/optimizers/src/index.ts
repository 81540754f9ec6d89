import { registerPlugin } from "@nabla/core";
import { optimizersPlugin } from "./optimizers-plugin.js";

export { SGD, type SGDOptions } from "./sgd.js";
export { Adam, type AdamOptions } from "./adam.js";
export { optimizersPlugin } from "./optimizers-plugin.js";

registerPlugin(optimizersPlugin);
