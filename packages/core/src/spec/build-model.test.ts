import { describe, expect, it } from "vitest";
import type { RandomGenerator } from "../random/random-generator.js";
import { Xoshiro128Generator } from "../random/xoshiro128.js";
import { corePlugin } from "../core-plugin.js";
import { createRegistry } from "../registry/registry.js";
import { SpecError } from "../registry/spec-error.js";
import { ParameterLimitError } from "./parameter-limit-error.js";
import { testPlugin } from "../test-plugins.js";
import { Tensor } from "../tensor.js";
import { buildModel } from "./build-model.js";
import type { ModelSpec } from "./model-spec.js";

const registry = createRegistry([corePlugin, testPlugin]);

const spec: ModelSpec = {
  specVersion: 1,
  input: { shape: [3] },
  layers: [
    { type: "test/dense", options: { in: 3, out: 4 } },
    { type: "test/square" },
    { type: "test/dense", options: { in: 4, out: 1 } },
  ],
  loss: { type: "test/mse" },
  optimizer: { type: "test/sgd", options: { lr: 0.05 } },
};

function specError(document: unknown): SpecError {
  try {
    buildModel(document, { registry });
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error("expected a SpecError");
}

const withLayer = (index: number, layer: unknown) => ({ ...spec, layers: spec.layers.map((l, i) => (i === index ? layer : l)) });

describe("buildModel", () => {
  it("builds the layers, loss and optimizer a spec names, and toSpec round-trips to an equal document", () => {
    const model = buildModel(spec, { registry, dtype: "float64" });
    expect(model.network.modules.map((m) => m.type)).toEqual(["test/dense", "test/square", "test/dense"]);
    expect(model.loss?.type).toBe("test/mse");
    expect(model.optimizer?.type).toBe("test/sgd");
    expect(model.toSpec()).toEqual(spec);
    expect(buildModel(JSON.parse(JSON.stringify(model.toSpec())), { registry }).toSpec()).toEqual(spec);
  });

  it("gives the same weights for the same seed", () => {
    const a = buildModel(spec, { registry, seed: 7 }).parameters()[0].value.toArray();
    const b = buildModel(spec, { registry, seed: 7 }).parameters()[0].value.toArray();
    const c = buildModel(spec, { registry, seed: 8 }).parameters()[0].value.toArray();
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("names the path and the known names for an unknown layer type", () => {
    const error = specError(withLayer(1, { type: "test/gelu" }));
    expect(error.code).toBe("unknown-component");
    expect(error.path).toBe("$.layers[1].type");
    expect(error.available).toEqual(["test/dense", "test/square"]);
  });

  it("names the path of a wrong option type and of an out-of-range option", () => {
    expect(specError(withLayer(0, { type: "test/dense", options: { in: 3, out: "4" } })).path).toBe("$.layers[0].options.out");
    const range = specError({ ...spec, optimizer: { type: "test/sgd", options: { lr: -1 } } });
    expect(range.path).toBe("$.optimizer.options.lr");
    expect(range.code).toBe("invalid-option");
  });

  it("says which layer and which sizes do not chain", () => {
    const error = specError(withLayer(2, { type: "test/dense", options: { in: 5, out: 1 } }));
    expect(error.code).toBe("shape-mismatch");
    expect(error.path).toBe("$.layers[2]");
    expect(error.message).toMatch(/layer 2 \(test\/dense\).*\[4\].*expects 5 input features, got 4/);
  });

  it("rejects a document of the wrong structure or version", () => {
    expect(specError({ ...spec, specVersion: 2 }).path).toBe("$.specVersion");
    expect(specError({ ...spec, layers: [] }).path).toBe("$.layers");
    expect(specError({ ...spec, input: { shape: [0] } }).path).toBe("$.input.shape[0]");
    expect(specError({ ...spec, extra: true }).path).toBe("$.extra");
    expect(specError(withLayer(0, { kind: "dense" })).path).toBe("$.layers[0].kind");
    expect(specError({ ...spec, loss: { type: "test/hinge" } }).path).toBe("$.loss.type");
  });

  it("draws nothing from the generator when the spec is invalid", () => {
    const generator = new Xoshiro128Generator(1);
    let draws = 0;
    const counting: RandomGenerator = new Proxy(generator, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        return typeof value === "function" ? (...args: unknown[]) => (draws++, value.apply(target, args)) : value;
      },
    });
    expect(() => buildModel(withLayer(2, { type: "test/dense", options: { in: 5, out: 1 } }), { registry, generator: counting })).toThrow(SpecError);
    expect(draws).toBe(0);
    buildModel(spec, { registry, generator: counting });
    expect(draws).toBeGreaterThan(0);
  });

  it("resolves a backend by name and refuses an unknown one", () => {
    expect(buildModel(spec, { registry, backend: "reference" }).backend.name).toBe("reference");
    expect(() => buildModel(spec, { registry, backend: "quantum" })).toThrow(/unknown backend "quantum".*nabla\/reference/);
  });

  it("predicts in eval mode with the built network", () => {
    const model = buildModel(spec, { registry, dtype: "float64" });
    const out = model.predict(Tensor.from([1, 2, 3, 4, 5, 6], [2, 3], { dtype: "float64", backend: model.backend }));
    expect(out.shape).toEqual([2, 1]);
    expect(model.network.training).toBe(true);
  });

  it("accepts a $schema field, so editors can check the document, and keeps it in toSpec", () => {
    const withSchema = { $schema: "./node_modules/@nabla/core/schema/model-spec.schema.json", ...spec };
    expect(buildModel(withSchema, { registry }).toSpec()).toEqual(withSchema);
  });

  it("refuses an option named __proto__ from JSON instead of dropping it (issue #10)", () => {
    const parsed: unknown = JSON.parse('{"specVersion": 1, "input": {"shape": [2]}, "layers": [{"type": "test/dense", "options": {"in": 2, "out": 3, "__proto__": {"x": 1}}}]}');
    const error = specError(parsed);
    expect(error.path).toBe("$.layers[0].options.__proto__");
    expect(error.message).toMatch(/"__proto__" is not allowed as a key/);
  });

  it("refuses options whose prototype an object literal's __proto__ key set", () => {
    const error = specError(withLayer(0, { type: "test/dense", options: { in: 3, out: 4, __proto__: { x: 1 } } }));
    expect(error.path).toBe("$.layers[0].options");
    expect(error.problem).toMatch(/prototype was replaced/);
  });

  it("refuses an option named constructor (issue #10), and a prototype key anywhere in the document", () => {
    expect(specError(withLayer(0, { type: "test/dense", options: { in: 3, out: 4, constructor: 1 } })).path).toBe("$.layers[0].options.constructor");
    expect(specError({ ...spec, input: { shape: [3], prototype: {} } }).path).toBe("$.input.prototype");
  });

  it("refuses an unknown option, listing the known ones, rather than dropping it", () => {
    const error = specError(withLayer(0, { type: "test/dense", options: { in: 3, out: 4, bias: false } }));
    expect(error.path).toBe("$.layers[0].options.bias");
    expect(error.available).toEqual(["in", "out"]);
  });

  it("refuses out: 2e9 before allocating, naming the layer and the bytes it needs (issue #10)", () => {
    const huge = { specVersion: 1, input: { shape: [2] }, layers: [{ type: "test/dense", options: { in: 2, out: 2_000_000_000 } }] };
    const error = specError(huge);
    expect(error).toBeInstanceOf(ParameterLimitError);
    expect(error.code).toBe("parameter-limit");
    expect(error.path).toBe("$.layers[0]");
    expect(error.message).toMatch(/layer 0 \(test\/dense\) needs 16000000000 bytes \(14\.9 GiB\).*limit of 2147483648 bytes/);
  });

  it("counts the parameters of all layers against a configurable limit, in the model's dtype", () => {
    // 3·4 + 4·1 = 16 weights: 64 bytes in float32; in float64 96 for the first layer, 128 in all.
    expect(() => buildModel(spec, { registry, maxParameterBytes: 100 })).not.toThrow();
    const error = (() => {
      try {
        buildModel(spec, { registry, maxParameterBytes: 100, dtype: "float64" });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ParameterLimitError);
    expect(error).toMatchObject({ layerIndex: 2, layerBytes: 32, totalBytes: 128, limitBytes: 100 });
  });
});
