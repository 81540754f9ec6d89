import type { NablaPlugin } from "@nabla/core";
import { createNativeBackend, isNativeBackendAvailable } from "./native-backend.js";

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

/**
 * The native backend as "nabla/native". Its priority puts it ahead of every other backend
 * wherever the addon was built and the CPU has AVX2 and FMA; elsewhere it reports itself
 * unavailable and selection falls through to the next backend.
 */
export const backendNativePlugin: NablaPlugin = {
  meta: { name: "@nabla/backend-native", version: VERSION },
  namespace: "nabla",
  components: [
    {
      kind: "backend",
      name: "native",
      description: "C++ kernels with AVX2/FMA and a thread pool, in a Node-API addon built from source",
      priority: 100,
      isAvailable: isNativeBackendAvailable,
      create: () => createNativeBackend(),
    },
  ],
};
