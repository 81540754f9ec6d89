/**
 * The activations a backend may compute with a fused kernel, by the name an ActivationFunction
 * gives as its `kernel`. A kernel's id in the compiled backends is its index here: the native
 * addon's C++ enum and the wasm backend's AssemblyScript constants are generated from this list
 * at build time, so that adding an activation cannot leave their ids out of step. Append new
 * names at the end.
 */
export const FUSED_ACTIVATION_KERNELS = ["relu", "silu", "sigmoid", "tanh"] as const;

/** The id of an activation that backends fuse into the Linear kernels: one of FUSED_ACTIVATION_KERNELS. */
export type FusedActivationKernel = (typeof FUSED_ACTIVATION_KERNELS)[number];

/** The id of the fused kernel called `name`, or undefined when there is none by that name. */
export function fusedActivationKernelId(name: string | undefined): number | undefined {
  const id = name === undefined ? -1 : (FUSED_ACTIVATION_KERNELS as readonly string[]).indexOf(name);
  return id < 0 ? undefined : id;
}
