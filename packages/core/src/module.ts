import type { ActivationModule } from "./activation-module.js";
import { MODULE_BRAND, hasBrand } from "./brand.js";
import type { Parameter } from "./parameter.js";
import type { Tensor } from "./tensor.js";

/** Options of `Module.backward`. */
export interface BackwardOptions {
  /**
   * Whether the caller needs ∂L/∂input. The first layer of a network is told `false`, so it
   * can skip a product as large as its forward pass (equation (4) for the input images).
   */
  inputGrad: boolean;
}

/**
 * A node of the computation graph: forward caches what backward needs, backward takes ∂L/∂output,
 * fills its parameters' gradients and returns ∂L/∂input (or null when not asked for it).
 */
export abstract class Module {
  /** Marks modules across installed copies of core (see `isModule`). @internal */
  readonly [MODULE_BRAND] = true;
  /** The registry type this module was built from, used by `toSpec` and in error messages. */
  abstract readonly type: string;
  /** Training mode (the default) or evaluation mode; layers such as Dropout behave differently in each. */
  training = true;

  /** The output for a batch of inputs (samples as rows); keeps what backward will need. */
  abstract forward(input: Tensor): Tensor;
  /** Takes ∂L/∂output of the latest forward pass, fills the parameters' gradients and returns ∂L/∂input, or null when `options.inputGrad` is false. */
  abstract backward(gradOutput: Tensor, options?: BackwardOptions): Tensor | null;

  /** The trainable parameters of this module and its children, in a fixed order. */
  parameters(): Parameter[] {
    return [];
  }

  /** Child modules (empty for leaves). */
  children(): readonly Module[] {
    return [];
  }

  /** Switches this module and its children to training mode; returns this. */
  train(): this {
    this.training = true;
    for (const child of this.children()) child.train();
    return this;
  }

  /** Switches this module and its children to evaluation mode (Dropout becomes the identity); returns this. */
  eval(): this {
    this.training = false;
    for (const child of this.children()) child.eval();
    return this;
  }
}

/** Whether `value` is a Module from any installed copy of @nabla/core (a brand, not `instanceof`). */
export function isModule(value: unknown): value is Module {
  return hasBrand(value, MODULE_BRAND);
}

/**
 * A module that can run the activation module next to it inside its own passes (a Linear layer
 * applies bias and activation in one sweep over its output). Sequential uses these methods
 * wherever such a module sits right before an activation (forward) or right after one (backward).
 */
export interface ActivationFusing {
  /** forward(input), then `after`'s forward, in one pass; returns both outputs. */
  forwardActivated(input: Tensor, after: ActivationModule): { output: Tensor; activated: Tensor };
  /** backward(gradOutput), then `below`'s backward, in one pass; returns ∂L/∂z of `below`. */
  backwardActivated(gradOutput: Tensor, below: ActivationModule): Tensor;
}

/** Whether `module` implements `ActivationFusing`, so Sequential can fuse it with a neighbouring activation. */
export function fusesActivation(module: Module): module is Module & ActivationFusing {
  const candidate = module as Partial<ActivationFusing>;
  return typeof candidate.forwardActivated === "function" && typeof candidate.backwardActivated === "function";
}
