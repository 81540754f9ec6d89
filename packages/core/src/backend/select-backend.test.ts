import { describe, expect, it } from "vitest";
import type { BackendComponent, NablaPlugin } from "../registry/components.js";
import { createRegistry } from "../registry/registry.js";
import { createReferenceBackend } from "./reference-backend.js";
import { availableBackends, selectBackend } from "./select-backend.js";

function backendPlugin(name: string, priority: number, available: boolean): NablaPlugin {
  const component: BackendComponent = {
    kind: "backend",
    name,
    priority,
    isAvailable: () => available,
    create: () => ({ ...createReferenceBackend(), name }),
  };
  return { meta: { name: `plugin-${name}`, version: "1.0.0" }, namespace: "test", components: [component] };
}

describe("selectBackend", () => {
  const registry = createRegistry([backendPlugin("slow", 0, true), backendPlugin("fast", 100, false), backendPlugin("middle", 50, true)]);

  it("picks the available backend with the highest priority, skipping one that cannot load", () => {
    expect(selectBackend(registry).name).toBe("middle");
    expect(availableBackends(registry)).toEqual(["test/middle", "test/slow"]);
  });

  it("returns a named backend, and refuses a registered one that is unavailable, listing those that are", () => {
    expect(selectBackend(registry, "test/slow").name).toBe("slow");
    expect(() => selectBackend(registry, "test/fast")).toThrow(/"test\/fast" is not available.*test\/middle, test\/slow/);
  });
});
