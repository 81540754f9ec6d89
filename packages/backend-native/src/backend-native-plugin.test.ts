import { corePlugin, createRegistry, selectBackend } from "@nabla/core";
import { afterEach, describe, expect, it } from "vitest";
import packageJson from "../package.json";
import { backendNativePlugin } from "./backend-native-plugin.js";
import { isNativeBackendAvailable } from "./native-backend.js";
import { NativeBackendUnavailableError } from "./native-backend-unavailable-error.js";

const addonBuilt = isNativeBackendAvailable();

describe("backendNativePlugin", () => {
  afterEach(() => {
    delete process.env.NABLA_DISABLE_NATIVE;
  });

  it("declares the package's name and version", () => {
    expect(backendNativePlugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
    expect(backendNativePlugin.namespace).toBe("nabla");
  });

  it("offers nabla/native as a backend of priority 100", () => {
    const component = createRegistry([backendNativePlugin]).get("backend", "native");
    expect(component.kind).toBe("backend");
    expect(component.priority).toBe(100);
  });

  it("reports itself unavailable under NABLA_DISABLE_NATIVE=1, and selection falls back to the reference backend", () => {
    process.env.NABLA_DISABLE_NATIVE = "1";
    const registry = createRegistry([corePlugin, backendNativePlugin]);
    expect(registry.get("backend", "native").isAvailable()).toBe(false);
    expect(selectBackend(registry).name).toBe("reference");
    expect(() => registry.get("backend", "native").create()).toThrow(NativeBackendUnavailableError);
    expect(() => registry.get("backend", "native").create()).toThrow(/NABLA_DISABLE_NATIVE=1/);
  });

  it.skipIf(!addonBuilt)("is the backend selected by default where the addon is built", () => {
    const registry = createRegistry([corePlugin, backendNativePlugin]);
    expect(registry.get("backend", "native").isAvailable()).toBe(true);
    expect(selectBackend(registry).name).toBe("native");
  });

  it("is registered in the default registry on import", async () => {
    const { getDefaultRegistry } = await import("@nabla/core");
    await import("./index.js");
    expect(getDefaultRegistry().pluginOf("backend", "native")).toBe(backendNativePlugin);
  });
});
