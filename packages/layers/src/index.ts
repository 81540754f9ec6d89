import { registerPlugin } from "@nabla/core";
import { layersPlugin } from "./layers-plugin.js";

export { Linear, linearSizesSchema, type LinearOptions } from "./linear.js";
export { Dropout, dropoutRateSchema, type DropoutOptions } from "./dropout.js";
// Core owns Sequential because buildModel assembles one; it is re-exported here, where users look for layers.
export { Sequential } from "@nabla/core";
export { layersPlugin } from "./layers-plugin.js";

registerPlugin(layersPlugin);
