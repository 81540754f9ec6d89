import { referenceBackendComponent } from "../core-plugin.js";
import type { BackendComponent } from "../registry/components.js";
import { getDefaultRegistry } from "../registry/registry.js";
import type { Backend } from "./backend.js";
import { fastestAvailableBackend } from "./select-backend.js";

interface DefaultBackendState {
  /** Set by setDefaultBackend; wins over the automatic choice. */
  chosen?: Backend;
  /** The automatic choice, and how many plugins the default registry held when it was made. */
  automatic?: { readonly component: BackendComponent; readonly backend: Backend; readonly plugins: number };
}

// On globalThis like the default registry, so two installed copies of @nabla/core (or its ESM
// and CJS builds) hand out the same default backend instead of each deciding its own.
const DEFAULT_BACKEND_KEY = Symbol.for("@nabla/core/default-backend");

function defaultBackendState(): DefaultBackendState {
  const holder = globalThis as Record<symbol, DefaultBackendState | undefined>;
  return (holder[DEFAULT_BACKEND_KEY] ??= {});
}

/**
 * The backend that tensors and models use when none is named: the one given to
 * setDefaultBackend, else the fastest available backend in the default registry (native, then
 * wasm, then reference). The automatic choice is made on first use and made again whenever a
 * plugin has registered since, so `import "@nabla/backend-native"` takes effect for every tensor
 * and model made after it, even if some were made before; those keep the backend they were made on.
 */
export function getDefaultBackend(): Backend {
  const state = defaultBackendState();
  if (state.chosen) return state.chosen;
  const registry = getDefaultRegistry();
  // The plugin count changes exactly when something registers: a cheap test on every tensor made.
  const plugins = registry.plugins().length;
  if (state.automatic?.plugins === plugins) return state.automatic.backend;
  // The reference backend is the floor, even in a registry that core's entry point did not fill.
  const component = fastestAvailableBackend(registry) ?? referenceBackendComponent;
  // The same component keeps its instance, so tensors made before and after a registration that
  // did not change the choice still share one backend.
  const backend = state.automatic?.component === component ? state.automatic.backend : component.create();
  state.automatic = { component, backend, plugins };
  return backend;
}

/**
 * Makes `backend` the default for every tensor and model made without one, in every copy of
 * @nabla/core in the process; `undefined` returns to the automatic, fastest-available choice.
 */
export function setDefaultBackend(backend: Backend | undefined): void {
  defaultBackendState().chosen = backend;
}
