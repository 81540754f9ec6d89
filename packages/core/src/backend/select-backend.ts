import type { BackendComponent } from "../registry/components.js";
import type { Registry } from "../registry/registry.js";
import { SpecError } from "../registry/spec-error.js";
import type { Backend } from "./backend.js";

/**
 * The registered backend component that is available here and has the highest priority (native,
 * then wasm, then the reference backend, as far as each is installed and loads). The one rule
 * for "fastest first": both selectBackend and the default backend ask it.
 */
export function fastestAvailableBackend(registry: Registry): BackendComponent | undefined {
  const [fastest] = registry
    .keys("backend")
    .map((key) => registry.get("backend", key))
    .filter((component) => component.isAvailable())
    .sort((a, b) => b.priority - a.priority);
  return fastest;
}

/**
 * A new instance of the backend registered under `name`, or else of the available one with the
 * highest priority (see fastestAvailableBackend).
 */
export function selectBackend(registry: Registry, name?: string): Backend {
  if (name) {
    const component = registry.get("backend", name, "backend");
    if (!component.isAvailable()) {
      throw new SpecError("invalid-option", "backend", `backend "${name}" is not available on this machine`, availableBackends(registry));
    }
    return component.create();
  }
  const fastest = fastestAvailableBackend(registry);
  if (!fastest) throw new SpecError("unknown-component", "backend", "no backend is registered and available", registry.keys("backend"));
  return fastest.create();
}

/** Keys of the registered backends that can run here. */
export function availableBackends(registry: Registry): string[] {
  return registry.keys("backend").filter((key) => registry.get("backend", key).isAvailable());
}
