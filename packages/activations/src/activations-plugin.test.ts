import { createRegistry } from "@nabla/core";
import { describe, expect, it } from "vitest";
import packageJson from "../package.json";
import { activationsPlugin } from "./activations-plugin.js";

describe("activationsPlugin", () => {
  it("resolves relu, silu, sigmoid and tanh in a fresh registry, with or without the nabla/ prefix", () => {
    const registry = createRegistry([activationsPlugin]);
    expect(registry.keys("activation")).toEqual(["nabla/relu", "nabla/sigmoid", "nabla/silu", "nabla/tanh"]);
    for (const name of ["relu", "silu", "sigmoid", "tanh"]) {
      const fn = registry.get("activation", name).create({});
      expect(fn.name).toBe(name);
      expect(fn.kernel).toBe(name);
      expect(registry.get("activation", `nabla/${name}`).create({})).toBe(fn);
    }
  });

  it("takes no options", () => {
    for (const component of activationsPlugin.components) {
      expect(component.kind === "activation" && Object.keys(component.options.properties)).toEqual([]);
    }
  });

  it("declares the package's name and version", () => {
    expect(activationsPlugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it("is registered in the default registry on import", async () => {
    const { getDefaultRegistry } = await import("@nabla/core");
    await import("./index.js");
    expect(getDefaultRegistry().pluginOf("activation", "tanh")).toBe(activationsPlugin);
  });
});
