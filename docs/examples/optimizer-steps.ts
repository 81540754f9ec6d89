// SGD (18) and Adam (19)–(22) by hand for one weight, beside what the optimizers do to it.
import { Parameter, Tensor } from "@nabla/core";
import { Adam, SGD } from "@nabla/optimizers";

function parameterWith(value: number, grad: number): Parameter {
  const p = new Parameter("w", Tensor.from([value], [1, 1], { dtype: "float64" }));
  p.grad.data[0] = grad;
  return p;
}

// SGD: w ← w − α g
const sgdWeight = parameterWith(0.5, 0.2);
new SGD([sgdWeight], { lr: 0.1 }).step();
const sgdByHand = 0.5 - 0.1 * 0.2;

// Adam, two steps with gradients 0.2 then −0.1; moments start at 0 and t counts from 1.
const [lr, beta1, beta2, eps] = [0.01, 0.9, 0.999, 1e-8];
const adamWeight = parameterWith(0.5, 0.2);
const adam = new Adam([adamWeight], { lr, beta1, beta2, eps });
let [w, m, v] = [0.5, 0, 0];
for (const [t, g] of [[1, 0.2], [2, -0.1]]) {
  adamWeight.grad.data[0] = g;
  adam.step();
  m = beta1 * m + (1 - beta1) * g; // (19)
  v = beta2 * v + (1 - beta2) * g * g; // (20)
  const mHat = m / (1 - beta1 ** t); // (21)
  const vHat = v / (1 - beta2 ** t);
  w -= (lr * mHat) / (Math.sqrt(vHat) + eps); // (22)
}

export const optimizerDifferences = {
  sgd: Math.abs(sgdWeight.value.data[0] - sgdByHand),
  adam: Math.abs(adamWeight.value.data[0] - w),
};
console.log(optimizerDifferences); // both 0 up to rounding
