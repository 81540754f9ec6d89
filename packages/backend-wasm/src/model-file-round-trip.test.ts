import { activationsPlugin } from "@nabla/activations";
import { DTYPES, Tensor, Xoshiro128Generator, buildModel, corePlugin, createRegistry, deserializeModel, fit, serializeModel } from "@nabla/core";
import { layersPlugin } from "@nabla/layers";
import { lossesPlugin } from "@nabla/losses";
import { optimizersPlugin } from "@nabla/optimizers";
import { afterAll, describe, expect, it } from "vitest";
import { createWasmBackend } from "./wasm-backend.js";

const registry = createRegistry([corePlugin, layersPlugin, activationsPlugin, lossesPlugin, optimizersPlugin]);
const backend = createWasmBackend({ threads: 2 });
afterAll(() => backend.dispose());

const spec = {
  specVersion: 1,
  input: { shape: [4] },
  layers: [
    { type: "linear", options: { in: 4, out: 16 } },
    { type: "tanh" },
    { type: "dropout", options: { p: 0.2 } },
    { type: "linear", options: { in: 16, out: 3 } },
  ],
  loss: { type: "cross-entropy" },
  optimizer: { type: "adam", options: { lr: 0.01 } },
};

describe.each(DTYPES)("a %s model on the wasm backend saved and loaded", (dtype) => {
  it("predicts bit for bit what it predicted before saving", () => {
    const values = new Float64Array(64 * 4);
    new Xoshiro128Generator(1).fillStandardNormal(values);
    const x = Tensor.from(values, [64, 4], { dtype, backend });
    const model = buildModel(spec, { registry, backend, dtype, seed: 2 });
    fit(model, x, Int32Array.from({ length: 64 }, (_, i) => i % 3), { epochs: 5, batchSize: 16, generator: new Xoshiro128Generator(3) });
    const loaded = deserializeModel(serializeModel(model), { registry, backend });
    expect(loaded.dtype).toBe(dtype);
    expect(Array.from(loaded.predict(x).data)).toEqual(Array.from(model.predict(x).data));
  });
});
