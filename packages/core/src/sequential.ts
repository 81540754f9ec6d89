import { Module, type BackwardOptions } from "./module.js";
import type { Parameter } from "./parameter.js";
import type { Tensor } from "./tensor.js";

/** Modules applied one after another; backward runs them in reverse, as the chain rule does. */
export class Sequential extends Module {
  readonly type = "nabla/sequential";
  readonly modules: readonly Module[];
  /** Output of each module from the latest forward pass (used to locate non-finite values). */
  readonly outputs: (Tensor | undefined)[];

  constructor(modules: readonly Module[]) {
    super();
    this.modules = [...modules];
    this.outputs = new Array(this.modules.length).fill(undefined);
  }

  forward(input: Tensor): Tensor {
    let x = input;
    this.modules.forEach((module, i) => {
      x = module.forward(x);
      this.outputs[i] = x;
    });
    return x;
  }

  backward(gradOutput: Tensor, options: BackwardOptions = { inputGrad: true }): Tensor | null {
    let grad: Tensor | null = gradOutput;
    for (let i = this.modules.length - 1; i >= 0; i--) {
      const inputGrad = i > 0 || options.inputGrad;
      grad = this.modules[i].backward(grad!, { inputGrad });
      if (i > 0 && !grad) throw new Error(`Module ${i} (${this.modules[i].type}) returned no input gradient`);
    }
    return grad;
  }

  override parameters(): Parameter[] {
    return this.modules.flatMap((m) => m.parameters());
  }

  override children(): readonly Module[] {
    return this.modules;
  }
}
