import type { NablaPlugin } from "@nabla/core";
import { createNativeBackend, isNativeBackendAvailable } from "./native-backend.js";

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

/**
 * The native backend as "nabla/native". Its priority puts it ahead of every other backend
 * wherever the addon was built (any x86-64 CPU runs its generic kernels); elsewhere it reports
 * itself unavailable and selection falls through to the next backend.
 */
export const backendNativePlugin: NablaPlugin = {
  meta: { name: "@nabla/backend-native", version: VERSION },
  namespace: "nabla",
  components: [
    {
      kind: "backend",
      name: "native",
      description: "C++ kernels for AVX-512, AVX2/FMA or any x86-64 CPU (the best it runs, or NABLA_NATIVE_ISA), with a thread pool, in a Node-API addon built from source",
      priority: 100,
      isAvailable: isNativeBackendAvailable,
      create: () => createNativeBackend(),
    },
  ],
};
