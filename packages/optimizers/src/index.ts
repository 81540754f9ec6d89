import { registerPlugin } from "@nabla/core";
import { optimizersPlugin } from "./optimizers-plugin.js";

export { SGD, sgdOptionsSchema, type SGDOptions } from "./sgd.js";
export { Adam, adamOptionsSchema, type AdamOptions } from "./adam.js";
export { optimizersPlugin } from "./optimizers-plugin.js";

registerPlugin(optimizersPlugin);
