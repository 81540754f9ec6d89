import type { NablaPlugin } from "@nabla/core";
import { loadNativeAddon } from "./native-addon.js";
import { createNativeBackend } from "./native-backend.js";
import { noteNativeUnavailable } from "./note-native-unavailable.js";

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

/**
 * The native backend as "nabla/native". Its priority puts it ahead of every other backend
 * wherever the addon loads (a prebuild for this platform, or one compiled here; any x86-64 CPU
 * runs its generic kernels); elsewhere it reports itself unavailable, says why once on stderr,
 * and selection falls through to the next backend.
 */
export const backendNativePlugin: NablaPlugin = {
  meta: { name: "@nabla/backend-native", version: VERSION },
  namespace: "nabla",
  components: [
    {
      kind: "backend",
      name: "native",
      description: "C++ kernels for AVX-512, AVX2/FMA or any x86-64 CPU (the best it runs, or NABLA_NATIVE_ISA), with a thread pool, in a Node-API addon, prebuilt for linux-x64 and built from source elsewhere",
      priority: 100,
      isAvailable: () => {
        const { addon, reason, disabled } = loadNativeAddon();
        if (!addon) noteNativeUnavailable(reason, disabled);
        return addon !== undefined;
      },
      create: () => createNativeBackend(),
    },
  ],
};
