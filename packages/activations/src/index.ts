import { registerPlugin } from "@nabla/core";
import { activationsPlugin } from "./activations-plugin.js";

export { relu, ReLU } from "./relu.js";
export { silu, SiLU } from "./silu.js";
export { sigmoid, Sigmoid } from "./sigmoid.js";
export { tanh, Tanh } from "./tanh.js";
export { activationsPlugin } from "./activations-plugin.js";

registerPlugin(activationsPlugin);
