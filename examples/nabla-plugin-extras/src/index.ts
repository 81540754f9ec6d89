import { registerPlugin } from "@nabla/core";
import { extrasPlugin } from "./extras-plugin.js";

export { leakyRelu, leakyReluOptionsSchema } from "./leaky-relu.js";
export { gelu } from "./gelu.js";
export { SGDMomentum, sgdMomentumOptionsSchema, type SGDMomentumOptions } from "./sgd-momentum.js";
export { RMSprop, rmspropOptionsSchema, type RMSpropOptions } from "./rmsprop.js";
export { RMSPROP_UPDATE } from "./rmsprop-update.js";
export { SGD_MOMENTUM_UPDATE } from "./sgd-momentum-update.js";
export { extrasPlugin } from "./extras-plugin.js";

registerPlugin(extrasPlugin);
