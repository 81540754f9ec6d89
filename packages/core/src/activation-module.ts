import type { ActivationFunction } from "./activation-function.js";
import { Module, type BackwardOptions } from "./module.js";
import { activate, activateBackward } from "./ops.js";
import { reuseTensor, type Tensor } from "./tensor.js";

/** Wraps an elementwise activation as a layer: a = g(z) forward, ∂L/∂z = ∂L/∂a ⊙ g'(z) backward. */
export class ActivationModule extends Module {
  private z: Tensor | undefined;
  private a: Tensor | undefined;
  private gradZ: Tensor | undefined;

  constructor(
    readonly type: string,
    readonly fn: ActivationFunction,
  ) {
    super();
  }

  forward(z: Tensor): Tensor {
    this.z = z;
    this.a = activate(this.fn, z, reuseTensor(this.a, z.shape, z));
    return this.a;
  }

  backward(gradA: Tensor, options: BackwardOptions = { inputGrad: true }): Tensor | null {
    if (!this.z || !this.a) throw new Error(`${this.type}: backward called before forward`);
    if (!options.inputGrad) return null;
    this.gradZ = activateBackward(this.fn, this.z, this.a, gradA, reuseTensor(this.gradZ, gradA.shape, gradA));
    return this.gradZ;
  }
}
