import { registerPlugin } from "@nabla/core";
import { extrasPlugin } from "./extras-plugin.js";

export { leakyRelu, leakyReluOptionsSchema } from "./leaky-relu.js";
export { gelu } from "./gelu.js";
export { SGDMomentum, sgdMomentumOptionsSchema, type SGDMomentumOptions } from "./sgd-momentum.js";
export { RMSprop, rmspropOptionsSchema, type RMSpropOptions } from "./rmsprop.js";
export { extrasPlugin } from "./extras-plugin.js";

registerPlugin(extrasPlugin);
