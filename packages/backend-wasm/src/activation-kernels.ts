import { type ActivationFunction, fusedActivationKernelId } from "@nabla/core";

/**
 * The fused wasm kernel computing `fn`, or undefined when it has none and must run in JavaScript.
 * The ids are FUSED_ACTIVATION_KERNELS' in @nabla/core, from which assembly/activation-kernels.ts
 * is generated.
 */
export function fusedActivationId(fn: ActivationFunction): number | undefined {
  return fusedActivationKernelId(fn.kernel);
}
