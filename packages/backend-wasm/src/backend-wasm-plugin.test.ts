import { createRegistry, getDefaultRegistry, type BackendComponent } from "@nabla/core";
import { describe, expect, it } from "vitest";
import packageJson from "../package.json";
import { backendWasmPlugin } from "./backend-wasm-plugin.js";

describe("backendWasmPlugin", () => {
  const component = () => createRegistry([backendWasmPlugin]).get("backend", "wasm") as BackendComponent;

  it("offers an available backend named nabla/wasm at priority 50", () => {
    expect(createRegistry([backendWasmPlugin]).keys("backend")).toEqual(["nabla/wasm"]);
    expect(component()).toMatchObject({ kind: "backend", name: "wasm", priority: 50 });
    expect(component().isAvailable()).toBe(true);
  });

  it("creates one backend per process, on first use", () => {
    const backend = component().create();
    expect(backend.name).toBe("wasm");
    expect(component().create()).toBe(backend);
  });

  it("declares the package's name and version", () => {
    expect(backendWasmPlugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it("is registered in the default registry on import", async () => {
    await import("./index.js");
    expect(getDefaultRegistry().pluginOf("backend", "wasm")).toBe(backendWasmPlugin);
  });
});
