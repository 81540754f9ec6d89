// Every kernel the backend calls; scripts/build-wasm.mjs compiles this entry point.
export { gemmF32, gemmF64, gemmScratchBytes } from "./gemm";
export { activate, activateBackward } from "./activations";
export { addRowVector, sumRows, multiply, scale, sgdUpdate, adamUpdate, allFinite } from "./elementwise";
export { dropout } from "./dropout";
export { meanSquaredError, softmaxCrossEntropy, argmaxRows } from "./losses";
export {
  linearScratchBytes, linearIsNarrow, linearForward, linearFinishForward, linearInputGradient,
  linearWeightGradientsPartial, linearWeightGradientsFinish,
} from "./linear";
