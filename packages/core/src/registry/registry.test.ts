import { describe, expect, it } from "vitest";
import { testPlugin } from "../test-plugins.js";
import type { NablaPlugin } from "./components.js";
import { Registry, createRegistry, getDefaultRegistry, isRegistry } from "./registry.js";
import { OptionSchemaError } from "./option-schema-error.js";
import { RegistryConflictError, UnknownComponentError } from "./spec-error.js";

const squareOnly = (name: string, version: string): NablaPlugin => ({
  meta: { name, version },
  namespace: "test",
  components: [testPlugin.components.find((c) => c.name === "square")!],
});

describe("Registry", () => {
  it("resolves namespaced keys, and short names in the nabla namespace", () => {
    const registry = createRegistry([testPlugin]);
    expect(registry.get("activation", "test/square").name).toBe("square");
    expect(registry.has("activation", "square")).toBe(false); // "square" means "nabla/square"
    expect(Registry.qualify("relu")).toBe("nabla/relu");
    expect(registry.keys("layer")).toEqual(["test/dense"]);
  });

  it("treats registering the same plugin value twice as a no-op", () => {
    const registry = createRegistry([testPlugin]);
    expect(() => registry.register(testPlugin)).not.toThrow();
    expect(registry.plugins()).toHaveLength(1);
  });

  it("treats an equal plugin from a second installed copy (same name and version) as the same plugin", () => {
    const registry = createRegistry([squareOnly("pkg", "1.0.0")]);
    expect(() => registry.register(squareOnly("pkg", "1.0.0"))).not.toThrow();
  });

  it("rejects other components under a registered name and version, naming both sets (a fuzz counterexample)", () => {
    const registry = createRegistry([squareOnly("pkg", "1.0.0")]);
    const impostor: NablaPlugin = { ...squareOnly("pkg", "1.0.0"), components: [] };
    expect(() => registry.register(impostor)).toThrow(RegistryConflictError);
    expect(() => registry.register(impostor)).toThrow(/pkg@1\.0\.0 with \[activation test\/square\]; plugin pkg@1\.0\.0 with \[\]/);
  });

  it("rejects a different plugin under a taken key, naming both plugins, and registers none of its components", () => {
    const registry = createRegistry([testPlugin]);
    const intruder: NablaPlugin = {
      ...squareOnly("other-plugin", "2.0.0"),
      components: [{ kind: "generator", name: "fresh", create: () => null as never }, ...squareOnly("x", "1").components],
    };
    expect(() => registry.register(intruder)).toThrow(RegistryConflictError);
    expect(() => registry.register(intruder)).toThrow(/test-plugin@1\.0\.0.*other-plugin@2\.0\.0/);
    expect(registry.has("generator", "test/fresh")).toBe(false);
  });

  it("names the known keys when a lookup fails", () => {
    const registry = createRegistry([testPlugin]);
    try {
      registry.get("activation", "test/gelu", "$.layers[1].type");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownComponentError);
      expect((error as UnknownComponentError).available).toEqual(["test/square"]);
      expect((error as Error).message).toContain("$.layers[1].type");
      expect((error as Error).message).toContain("test/gelu");
    }
  });

  it("keeps one default registry per process on globalThis, recognised by brand rather than instanceof", () => {
    const registry = getDefaultRegistry();
    expect(getDefaultRegistry()).toBe(registry);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for("@nabla/core/default-registry")]).toBe(registry);
    expect(isRegistry(registry)).toBe(true);
    expect(isRegistry({})).toBe(false);
  });

  it("refuses a component whose options are not a TypeBox object schema, naming the plugin and key", () => {
    const oldStyle: unknown = {
      meta: { name: "old-plugin", version: "0.1.0" },
      namespace: "old",
      components: [{ kind: "optimizer", name: "sgd", options: { lr: { type: "number", min: 0 } }, create: () => null }],
    };
    const registry = createRegistry();
    expect(() => registry.register(oldStyle as NablaPlugin)).toThrow(OptionSchemaError);
    expect(() => registry.register(oldStyle as NablaPlugin)).toThrow(/old-plugin@0\.1\.0: the options of optimizer old\/sgd must be an object schema/);
    expect(registry.has("optimizer", "old/sgd")).toBe(false);
  });
});
