export { moduleGradientErrors, networkGradientErrors, numericGradient, randomTensor, relativeError } from "./gradient-check.js";
