// Importing the component packages registers them in @nabla/core's default registry.
import "@nabla/activations";
import "@nabla/datasets";
import "@nabla/layers";
import "@nabla/losses";
import "@nabla/metrics";
import "@nabla/optimizers";

/**
 * Registers the fast backends when they are installed (they are optional dependencies: an
 * install without a compiler or WebAssembly still runs on the reference backend).
 */
export async function registerOptionalBackends(): Promise<void> {
  for (const name of ["@nabla/backend-native", "@nabla/backend-wasm"]) {
    try {
      await import(name);
    } catch (error) {
      if ((error as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw error;
    }
  }
}
