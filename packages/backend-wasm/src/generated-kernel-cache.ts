import type { ActivationFunction, CompiledUpdateRule } from "@nabla/core";
import { instantiateExpressionActivation, type ExpressionActivationKernels } from "./expression-activation-module.js";
import { instantiateUpdateRule, type UpdateRuleKernel } from "./update-rule-module.js";

/**
 * The kernels a backend has generated from expressions: for each expression activation and each
 * update rule it has met, instantiated over its memory on first use and kept as long as the
 * ActivationFunction or rule lives.
 */
export class GeneratedKernelCache {
  private readonly activations = new WeakMap<ActivationFunction, ExpressionActivationKernels>();
  private readonly updateRules = new WeakMap<CompiledUpdateRule, UpdateRuleKernel>();

  constructor(private readonly memory: WebAssembly.Memory) {}

  /** The kernels computing `fn`, or undefined when it carries no expression. */
  activationKernels(fn: ActivationFunction): ExpressionActivationKernels | undefined {
    if (!fn.expression) return undefined;
    let found = this.activations.get(fn);
    if (!found) {
      found = instantiateExpressionActivation(fn.expression, this.memory);
      this.activations.set(fn, found);
    }
    return found;
  }

  /** The kernel running one step of `rule`. */
  updateRuleKernel(rule: CompiledUpdateRule): UpdateRuleKernel {
    let found = this.updateRules.get(rule);
    if (!found) {
      found = instantiateUpdateRule(rule, this.memory);
      this.updateRules.set(rule, found);
    }
    return found;
  }
}
