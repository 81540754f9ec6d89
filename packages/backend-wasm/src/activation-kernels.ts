import type { ActivationFunction } from "@nabla/core";

// Ids of the fused kernels in assembly/activations.ts, by ActivationFunction.kernel name.
const ACTIVATION_KERNEL_IDS: Readonly<Record<string, number>> = { relu: 0, sigmoid: 1, silu: 2, tanh: 3 };

/** The fused wasm kernel computing `fn`, or undefined when it has none and must run in JavaScript. */
export function fusedActivationId(fn: ActivationFunction): number | undefined {
  return fn.kernel !== undefined && Object.hasOwn(ACTIVATION_KERNEL_IDS, fn.kernel) ? ACTIVATION_KERNEL_IDS[fn.kernel] : undefined;
}
