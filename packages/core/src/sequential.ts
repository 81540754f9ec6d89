import { ActivationModule } from "./activation-module.js";
import { Module, fusesActivation, type BackwardOptions } from "./module.js";
import type { Parameter } from "./parameter.js";
import type { Tensor } from "./tensor.js";

/**
 * Modules applied one after another; backward runs them in reverse, as the chain rule does. A
 * module that fuses activations (a Linear layer) runs the activation after it in its forward
 * pass and the activation below it in its backward pass, saving a sweep over the batch each.
 */
export class Sequential extends Module {
  readonly type = "nabla/sequential";
  /** The modules, in the order the forward pass runs them. */
  readonly modules: readonly Module[];
  /** Output of each module from the latest forward pass (used to locate non-finite values). */
  readonly outputs: (Tensor | undefined)[];

  constructor(modules: readonly Module[]) {
    super();
    this.modules = [...modules];
    this.outputs = new Array(this.modules.length).fill(undefined);
  }

  /** Runs each module on the previous one's output, fusing a layer with the activation after it where it can. */
  forward(input: Tensor): Tensor {
    let x = input;
    for (let i = 0; i < this.modules.length; i++) {
      const module = this.modules[i];
      const next = this.modules[i + 1];
      if (next instanceof ActivationModule && fusesActivation(module)) {
        const { output, activated } = module.forwardActivated(x, next);
        this.outputs[i] = output;
        this.outputs[++i] = x = activated;
      } else {
        this.outputs[i] = x = module.forward(x);
      }
    }
    return x;
  }

  /** Runs the modules' backward passes in reverse order (the chain rule), fusing an activation with the layer above it where it can. */
  backward(gradOutput: Tensor, options: BackwardOptions = { inputGrad: true }): Tensor | null {
    let grad: Tensor | null = gradOutput;
    for (let i = this.modules.length - 1; i >= 0; i--) {
      const module = this.modules[i];
      const below = this.modules[i - 1];
      // The activation's ∂L/∂z is wanted unless it is the first module and the caller needs no input gradient.
      if (below instanceof ActivationModule && fusesActivation(module) && (i > 1 || options.inputGrad)) {
        grad = module.backwardActivated(grad!, below);
        i--;
        continue;
      }
      const inputGrad = i > 0 || options.inputGrad;
      grad = module.backward(grad!, { inputGrad });
      if (i > 0 && !grad) throw new Error(`Module ${i} (${this.modules[i].type}) returned no input gradient`);
    }
    return grad;
  }

  /** Every module's parameters, in module order. */
  override parameters(): Parameter[] {
    return this.modules.flatMap((m) => m.parameters());
  }

  override children(): readonly Module[] {
    return this.modules;
  }
}
