// Equations (2)–(4) against central differences: ∂L/∂W, ∂L/∂b and ∂L/∂x of one Linear layer.
import { Xoshiro128Generator } from "@nabla/core";
import { moduleGradientErrors, randomTensor } from "@nabla/core/testing";
import { Linear } from "@nabla/layers";

const layer = new Linear(3, 4, { generator: new Xoshiro128Generator(1), dtype: "float64" });
const x = randomTensor([5, 3], 2); // 5 samples as rows, 3 features

export const linearErrors = moduleGradientErrors(layer, x); // { input, weight, bias }
console.log(linearErrors);
