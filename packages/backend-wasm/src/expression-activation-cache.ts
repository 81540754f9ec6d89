import type { ActivationFunction } from "@nabla/core";
import { instantiateExpressionActivation, type ExpressionActivationKernels } from "./expression-activation-module.js";

/**
 * The generated kernels of each expression activation a backend has met, instantiated over its
 * memory on first use and kept as long as the ActivationFunction lives.
 */
export class ExpressionActivationCache {
  private readonly kernels = new WeakMap<ActivationFunction, ExpressionActivationKernels>();

  constructor(private readonly memory: WebAssembly.Memory) {}

  /** The kernels computing `fn`, or undefined when it carries no expression. */
  kernelsOf(fn: ActivationFunction): ExpressionActivationKernels | undefined {
    if (!fn.expression) return undefined;
    let found = this.kernels.get(fn);
    if (!found) {
      found = instantiateExpressionActivation(fn.expression, this.memory);
      this.kernels.set(fn, found);
    }
    return found;
  }
}
