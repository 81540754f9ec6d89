import type { ActivationFunction } from "./activation-function.js";
import type { ActivationAfter, ActivationBelow } from "./backend/backend.js";
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
    /** The activation g and its derivative. */
    readonly fn: ActivationFunction,
  ) {
    super();
  }

  forward(z: Tensor): Tensor {
    return activate(this.fn, z, this.recordInput(z).out);
  }

  /**
   * Records z as this module's input and returns where a = g(z) goes, which becomes this module's
   * output: forward writes it here, and so does the module before this one when it applies g
   * itself (see ActivationFusing).
   */
  recordInput(z: Tensor): ActivationAfter {
    this.z = z;
    this.a = reuseTensor(this.a, z.shape, z);
    return { fn: this.fn, out: this.a };
  }

  /**
   * For the module after this one when it takes in g'(z) itself: the z and a of the last forward
   * pass, and the tensor ∂L/∂z goes into.
   */
  backwardOperands(): { below: ActivationBelow; gradZ: Tensor } {
    const below = this.lastForward();
    this.gradZ = reuseTensor(this.gradZ, below.z.shape, below.z);
    return { below, gradZ: this.gradZ };
  }

  // #region backward
  backward(gradA: Tensor, options: BackwardOptions = { inputGrad: true }): Tensor | null {
    const { z, a } = this.lastForward();
    if (!options.inputGrad) return null;
    this.gradZ = activateBackward(this.fn, z, a, gradA, reuseTensor(this.gradZ, gradA.shape, gradA));
    return this.gradZ;
  }
  // #endregion backward

  private lastForward(): ActivationBelow {
    if (!this.z || !this.a) throw new Error(`${this.type}: backward called before forward`);
    return { fn: this.fn, z: this.z, a: this.a };
  }
}
