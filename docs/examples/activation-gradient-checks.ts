// Gradient checks for the four activations: the backward pass against central differences in
// float64. Run it with `npx tsx activation-gradient-checks.ts`; every error should be below 1e-6.
import { Tensor } from "@nabla/core";
import { moduleGradientErrors } from "@nabla/core/testing";
import { ReLU, Sigmoid, SiLU, Tanh } from "@nabla/activations";

// Away from ReLU's kink at 0, where no finite difference can agree with either one-sided slope.
const z = Tensor.from([-4, -1.5, -0.3, 0.2, 0.7, 1.1, 2.5, 6], [2, 4], { dtype: "float64" });

export const activationErrors = {
  relu: moduleGradientErrors(ReLU(), z).input,
  silu: moduleGradientErrors(SiLU(), z).input,
  sigmoid: moduleGradientErrors(Sigmoid(), z).input,
  tanh: moduleGradientErrors(Tanh(), z).input,
};
console.log(activationErrors);
