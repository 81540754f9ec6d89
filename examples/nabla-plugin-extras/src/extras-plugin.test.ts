import { Tensor, Xoshiro128Generator, buildModel, corePlugin, createRegistry, fit, getDefaultRegistry } from "@nabla/core";
import { layersPlugin } from "@nabla/layers";
import { lossesPlugin } from "@nabla/losses";
import { describe, expect, it } from "vitest";
import packageJson from "../package.json";
import { extrasPlugin } from "./extras-plugin.js";
import { leakyRelu } from "./leaky-relu.js";
import { RMSprop } from "./rmsprop.js";

const registry = createRegistry([corePlugin, layersPlugin, lossesPlugin, extrasPlugin]);

describe("extrasPlugin", () => {
  it("registers its components under the extras namespace only", () => {
    expect(registry.keys("activation")).toEqual(["extras/gelu", "extras/leaky-relu"]);
    expect(registry.keys("optimizer")).toEqual(["extras/rmsprop", "extras/sgd-momentum"]);
    // Unprefixed names mean the nabla namespace.
    expect(registry.has("activation", "gelu")).toBe(false);
  });

  it("passes the slope option to leaky-relu, defaulting to 0.01", () => {
    const component = registry.get("activation", "extras/leaky-relu");
    expect(component.create({ slope: 0.2 }).forward(-1)).toBe(-0.2);
    expect(component.options.properties.slope).toMatchObject({ default: 0.01 });
    expect(leakyRelu().forward(-1)).toBe(-0.01);
  });

  it("trains a model whose JSON spec names extras/gelu and extras/rmsprop", () => {
    const model = buildModel(
      {
        specVersion: 1,
        input: { shape: [1] },
        layers: [
          { type: "linear", options: { in: 1, out: 16 } },
          { type: "extras/gelu" },
          { type: "linear", options: { in: 16, out: 1 } },
        ],
        loss: { type: "mse" },
        optimizer: { type: "extras/rmsprop", options: { lr: 0.01 } },
      },
      { registry, dtype: "float64", seed: 4 },
    );
    expect(model.optimizer).toBeInstanceOf(RMSprop);
    const u = new Float64Array(200);
    new Xoshiro128Generator(8).fillUniform(u);
    const x = Tensor.from(u.map((v) => 4 * v - 2), [200, 1], { dtype: "float64" });
    const y = Tensor.from(x.toArray().map((v) => Math.abs(v) - 1), [200, 1], { dtype: "float64" });
    const { lossHistory } = fit(model, x, y, { epochs: 200 });
    expect(lossHistory[199]).toBeLessThan(lossHistory[0] / 10);
  });

  it("trains with extras/sgd-momentum and extras/leaky-relu too", () => {
    const model = buildModel(
      {
        specVersion: 1,
        input: { shape: [1] },
        layers: [
          { type: "linear", options: { in: 1, out: 16 } },
          { type: "extras/leaky-relu", options: { slope: 0.05 } },
          { type: "linear", options: { in: 16, out: 1 } },
        ],
        loss: { type: "mse" },
        optimizer: { type: "extras/sgd-momentum", options: { lr: 0.01 } },
      },
      { registry, dtype: "float64", seed: 4 },
    );
    const x = Tensor.from(Array.from({ length: 50 }, (_, i) => i / 25 - 1), [50, 1], { dtype: "float64" });
    const y = Tensor.from(x.toArray().map((v) => 2 * v + 1), [50, 1], { dtype: "float64" });
    const { lossHistory } = fit(model, x, y, { epochs: 100 });
    expect(lossHistory[99]).toBeLessThan(lossHistory[0] / 10);
  });

  it("rejects options outside their schema before building anything", () => {
    const spec = {
      specVersion: 1,
      input: { shape: [1] },
      layers: [{ type: "linear", options: { in: 1, out: 1 } }],
      optimizer: { type: "extras/rmsprop", options: { rho: 1 } },
    };
    expect(() => buildModel(spec, { registry })).toThrow("$.optimizer.options.rho");
  });

  it("declares the package's name and version", () => {
    expect(extrasPlugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it("is registered in the default registry on import", async () => {
    await import("./index.js");
    expect(getDefaultRegistry().pluginOf("optimizer", "extras/rmsprop")).toBe(extrasPlugin);
  });
});
