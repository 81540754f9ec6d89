import { getDefaultRegistry } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { metricsPlugin } from "./index.js";

describe("@nabla/metrics entry", () => {
  it("registers metricsPlugin in the default registry on import", () => {
    const registry = getDefaultRegistry();
    expect(registry.plugins()).toContain(metricsPlugin);
    expect(registry.get("metric", "f1")).toBe(metricsPlugin.components.find((c) => c.name === "f1"));
  });
});
