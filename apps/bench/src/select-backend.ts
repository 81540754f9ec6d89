import type { Backend, Registry } from "@nabla/core";
import { resolveBackend } from "@nabla/core";

/** The named backend, or else the available one with the highest priority. */
export function selectBackend(registry: Registry, name: string | undefined): Backend {
  if (name) return resolveBackend(registry, name);
  const available = registry
    .keys("backend")
    .map((key) => registry.get("backend", key))
    .filter((component) => component.isAvailable())
    .sort((a, b) => b.priority - a.priority);
  return available[0]?.create() ?? resolveBackend(registry, undefined);
}
