// Inverted dropout's backward pass, ∂L/∂x = ∂L/∂y ⊙ mask, against central differences. A finite
// difference calls forward many times, so the mask must not change between calls: this generator
// hands out the same keep pattern every time it is asked for a mask (`masksFromStream` makes the
// layer ask it, instead of keying a mask the backend draws).
import { Xoshiro128Generator, type FloatArray, type RandomGenerator } from "@nabla/core";
import { moduleGradientErrors, randomTensor } from "@nabla/core/testing";
import { Dropout } from "@nabla/layers";

const keepPattern = [1, 0, 1, 1, 0, 1];
const sameMaskEveryTime: RandomGenerator = Object.assign(new Xoshiro128Generator(1), {
  masksFromStream: true,
  fillBernoulli(out: FloatArray) {
    for (let k = 0; k < out.length; k++) out[k] = keepPattern[k % keepPattern.length];
  },
});

const dropout = new Dropout(0.5, { generator: sameMaskEveryTime }); // training mode by default
export const dropoutErrors = moduleGradientErrors(dropout, randomTensor([4, 3], 3));
console.log(dropoutErrors);
