import { NativeBackendOptionError } from "./native-backend-option-error.js";

/** The instruction sets the native kernels are compiled for, best first (see native/binding.gyp). */
export const NATIVE_ISAS = ["avx512", "avx2", "generic"] as const;

/**
 * One compiled path of the native kernels: "avx512" (AVX-512 F/BW/DQ/VL), "avx2" (AVX2 with FMA)
 * or "generic" (any x86-64 CPU, SSE2).
 */
export type NativeIsa = (typeof NATIVE_ISAS)[number];

function isNativeIsa(name: string): name is NativeIsa {
  return (NATIVE_ISAS as readonly string[]).includes(name);
}

/**
 * The path a native backend runs: `requested` when given and this CPU supports it, else the
 * best of `supported` (the addon's list, best first). `source` names where the request came from,
 * for the error. Throws a NativeBackendOptionError for an unknown name or a path this CPU cannot run.
 */
export function chooseNativeIsa(requested: string | undefined, supported: readonly NativeIsa[], source: string): NativeIsa {
  if (requested === undefined) return supported[0];
  if (!isNativeIsa(requested)) {
    throw new NativeBackendOptionError(source, `${source} is not an instruction set the native kernels are built for; use one of ${NATIVE_ISAS.join(", ")}`);
  }
  if (!supported.includes(requested)) {
    throw new NativeBackendOptionError(source, `${source} asks for kernels this CPU cannot run; it supports ${supported.join(", ")}`);
  }
  return requested;
}
