// Equations (14) and (17): each loss's backward() against central differences of its forward().
import { Tensor } from "@nabla/core";
import { numericGradient, randomTensor, relativeError } from "@nabla/core/testing";
import { CrossEntropyLoss, MSELoss } from "@nabla/losses";

const predictions = randomTensor([6, 1], 1);
const targets = randomTensor([6, 1], 2);
const mse = new MSELoss();
mse.forward(predictions, targets);
const mseAnalytic = Float64Array.from(mse.backward().data);

// Logits far apart on purpose: the fused log-sum-exp keeps the loss finite and the gradient exact.
const logits = Tensor.from([2, -1, 0.5, 30, 28, -40, -3, 0, 3], [3, 3], { dtype: "float64" });
const labels = new Int32Array([0, 1, 2]);
const crossEntropy = new CrossEntropyLoss();
crossEntropy.forward(logits, labels);
const crossEntropyAnalytic = Float64Array.from(crossEntropy.backward().data);

export const lossErrors = {
  mse: relativeError(mseAnalytic, numericGradient(() => mse.forward(predictions, targets), predictions)),
  crossEntropy: relativeError(crossEntropyAnalytic, numericGradient(() => crossEntropy.forward(logits, labels), logits)),
};
console.log(lossErrors);
