import { createRegistry, getDefaultRegistry } from "@nabla/core";
import { describe, expect, it } from "vitest";
import packageJson from "../package.json";
import { CrossEntropyLoss } from "./cross-entropy-loss.js";
import { lossesPlugin } from "./losses-plugin.js";
import { MSELoss } from "./mse-loss.js";

describe("lossesPlugin", () => {
  it("resolves mse and cross-entropy in a fresh registry", () => {
    const registry = createRegistry([lossesPlugin]);
    expect(registry.keys("loss")).toEqual(["nabla/cross-entropy", "nabla/mse"]);
    const context = {} as never;
    expect(registry.get("loss", "mse").create({}, context)).toBeInstanceOf(MSELoss);
    expect(registry.get("loss", "nabla/cross-entropy").create({}, context)).toBeInstanceOf(CrossEntropyLoss);
  });

  it("gives each loss its registry key as its type", () => {
    expect(new MSELoss().type).toBe("nabla/mse");
    expect(new CrossEntropyLoss().type).toBe("nabla/cross-entropy");
  });

  it("declares the package's name and version", () => {
    expect(lossesPlugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it("is registered in the default registry on import", async () => {
    await import("./index.js");
    expect(getDefaultRegistry().pluginOf("loss", "mse")).toBe(lossesPlugin);
  });
});
