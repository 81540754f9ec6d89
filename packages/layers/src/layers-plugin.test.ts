import { ParameterLimitError, SpecError, buildModel, corePlugin, createRegistry, getDefaultRegistry } from "@nabla/core";
import { activationsPlugin } from "@nabla/activations";
import { describe, expect, it } from "vitest";
import packageJson from "../package.json";
import { Dropout } from "./dropout.js";
import { layersPlugin } from "./layers-plugin.js";
import { Linear } from "./linear.js";

const registry = createRegistry([corePlugin, layersPlugin, activationsPlugin]);

function specWith(layers: unknown[]): unknown {
  return { specVersion: 1, input: { shape: [8] }, layers };
}

describe("layersPlugin", () => {
  it("resolves linear and dropout in a fresh registry", () => {
    const fresh = createRegistry([layersPlugin]);
    expect(fresh.keys("layer")).toEqual(["nabla/dropout", "nabla/linear"]);
    expect(fresh.has("layer", "linear")).toBe(true);
    expect(fresh.has("layer", "nabla/dropout")).toBe(true);
  });

  it("builds Linear and Dropout modules from a JSON spec, with dropout's p defaulting to 0.5", () => {
    const model = buildModel(
      specWith([{ type: "linear", options: { in: 8, out: 16 } }, { type: "relu" }, { type: "dropout" }, { type: "nabla/linear", options: { in: 16, out: 1 } }]),
      { registry, dtype: "float64", seed: 1 },
    );
    const [first, , dropout, last] = model.network.modules;
    expect(first).toBeInstanceOf(Linear);
    expect((first as Linear).weight.value.shape).toEqual([8, 16]);
    expect((first as Linear).weight.value.dtype).toBe("float64");
    expect((dropout as Dropout).p).toBe(0.5);
    expect((last as Linear).bias.value.shape).toEqual([1, 1]);
    expect(model.parameters()).toHaveLength(4);
  });

  it("reports a Linear whose in does not match the incoming features, naming both counts", () => {
    const spec = specWith([{ type: "linear", options: { in: 8, out: 16 } }, { type: "linear", options: { in: 8, out: 1 } }]);
    expect(() => buildModel(spec, { registry })).toThrow(SpecError);
    expect(() => buildModel(spec, { registry })).toThrow("expects 8 input features, got 16");
  });

  it("requires in and out as integers ≥ 1", () => {
    expect(() => buildModel(specWith([{ type: "linear", options: { in: 8 } }]), { registry })).toThrow("$.layers[0].options.out");
    expect(() => buildModel(specWith([{ type: "linear", options: { in: 8, out: 0 } }]), { registry })).toThrow("out of range");
    expect(() => buildModel(specWith([{ type: "linear", options: { in: 8, out: 2.5 } }]), { registry })).toThrow("expected an integer");
  });

  it("accepts dropout p in [0, 1) and rejects 1 and negatives", () => {
    expect(() => buildModel(specWith([{ type: "dropout", options: { p: 0 } }]), { registry })).not.toThrow();
    expect(() => buildModel(specWith([{ type: "dropout", options: { p: 0.99 } }]), { registry })).not.toThrow();
    expect(() => buildModel(specWith([{ type: "dropout", options: { p: 1 } }]), { registry })).toThrow("$.layers[0].options.p");
    expect(() => buildModel(specWith([{ type: "dropout", options: { p: -0.1 } }]), { registry })).toThrow("$.layers[0].options.p");
  });

  it("counts Linear's parameters, so a spec too large to allocate fails before allocating (issue #10)", () => {
    const huge = specWith([{ type: "linear", options: { in: 8, out: 2_000_000_000 } }]);
    expect(() => buildModel(huge, { registry })).toThrow(ParameterLimitError);
    expect(() => buildModel(huge, { registry })).toThrow(/\$\.layers\[0\]: layer 0 \(linear\) needs 72000000000 bytes/);
    const small = specWith([{ type: "linear", options: { in: 8, out: 4 } }]);
    expect(() => buildModel(small, { registry, maxParameterBytes: (8 * 4 + 4) * 4 })).not.toThrow();
    expect(() => buildModel(small, { registry, maxParameterBytes: (8 * 4 + 4) * 4 - 1 })).toThrow(ParameterLimitError);
  });

  it("declares the package's name and version", () => {
    expect(layersPlugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it("is registered in the default registry on import, and re-exports core's Sequential", async () => {
    const index = await import("./index.js");
    const core = await import("@nabla/core");
    expect(getDefaultRegistry().pluginOf("layer", "linear")).toBe(layersPlugin);
    expect(index.Sequential).toBe(core.Sequential);
  });
});
