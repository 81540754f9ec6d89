import type { ActivationFunction, CompiledUpdateRule } from "@nabla/core";
import { compileExpressionActivation } from "./expression-activation-module.js";
import type { ParallelRunner } from "./parallel-runner.js";
import { compileUpdateRuleModule } from "./update-rule-module.js";
import type { WasmAllocator } from "./wasm-allocator.js";

/** The runner indices of an expression activation's generated kernels. */
export interface ActivationKernelIndices {
  readonly forward: number;
  readonly backward: number;
}

/**
 * The kernels a backend has generated from expressions: for each expression activation and each
 * update rule it has met, loaded on every thread of its runner on first use, and remembered as
 * long as the ActivationFunction or rule lives.
 */
export class GeneratedKernelCache {
  private readonly activations = new WeakMap<ActivationFunction, ActivationKernelIndices>();
  private readonly updateRules = new WeakMap<CompiledUpdateRule, number>();

  constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly allocator: WasmAllocator,
    private readonly runner: ParallelRunner,
  ) {}

  /** The kernels computing `fn`, or undefined when it carries no expression. */
  activationKernels(fn: ActivationFunction): ActivationKernelIndices | undefined {
    if (!fn.expression) return undefined;
    let found = this.activations.get(fn);
    if (!found) {
      const [forward, backward] = this.load(compileExpressionActivation(fn.expression));
      found = { forward, backward };
      this.activations.set(fn, found);
    }
    return found;
  }

  /** The kernel running one step of `rule`. */
  updateRuleKernel(rule: CompiledUpdateRule): number {
    let found = this.updateRules.get(rule);
    if (found === undefined) {
      [found] = this.load(compileUpdateRuleModule(rule));
      this.updateRules.set(rule, found);
    }
    return found;
  }

  // Workers compile the module from its bytes, passed through the shared memory.
  private load({ module, bytes }: { module: WebAssembly.Module; bytes: Uint8Array }): number[] {
    const offset = this.allocator.allocate(bytes.length);
    try {
      new Uint8Array(this.memory.buffer, offset, bytes.length).set(bytes);
      return this.runner.addModule(module, offset, bytes.length);
    } finally {
      this.allocator.free(offset);
    }
  }
}
