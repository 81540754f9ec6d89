import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corePlugin } from "../core-plugin.js";
import { DTYPES } from "../dtype.js";
import { createRegistry } from "../registry/registry.js";
import { buildModel } from "../spec/build-model.js";
import { testPlugin } from "../test-plugins.js";
import { Tensor } from "../tensor.js";
import { ModelFileError } from "./model-file-error.js";
import { deserializeModel, inspectModelBytes, serializeModel } from "./model-file.js";
import { decodeSafetensors, encodeSafetensors, type SafetensorsTensor } from "./safetensors.js";
import { SafetensorsEncodeError } from "./safetensors-encode-error.js";

const registry = createRegistry([corePlugin, testPlugin]);
const spec = {
  specVersion: 1,
  input: { shape: [2] },
  layers: [
    { type: "test/dense", options: { in: 2, out: 3 } },
    { type: "test/square" },
    { type: "test/dense", options: { in: 3, out: 1 } },
  ],
  loss: { type: "test/mse" },
  optimizer: { type: "test/sgd", options: { lr: 0.1 } },
};
const input = (dtype: "float32" | "float64") => Tensor.from([0.5, -1.25, 2, 0.1, -0.7, 0.3], [3, 2], { dtype });

function modelFileError(run: () => unknown): ModelFileError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as ModelFileError).file).toBe("model.safetensors");
    return error as ModelFileError;
  }
  throw new Error("expected a ModelFileError");
}

/** serializeModel's file with its tensors or metadata edited. */
function edited(edit: (tensors: SafetensorsTensor[], metadata: Record<string, string>) => void): Uint8Array {
  const { tensors, metadata } = decodeSafetensors(serializeModel(buildModel(spec, { registry, seed: 3 })));
  const editable = tensors.map((t): SafetensorsTensor => ({ ...t, shape: t.shape }));
  const entries = Object.fromEntries(metadata);
  edit(editable, entries);
  return encodeSafetensors(editable, entries);
}

describe("serializeModel / deserializeModel", () => {
  it.each(DTYPES)("round-trips %s: the loaded model predicts bit for bit what the saved one did", (dtype) => {
    const model = buildModel(spec, { registry, dtype, seed: 7 });
    const loaded = deserializeModel(serializeModel(model), { registry });
    expect(loaded.dtype).toBe(dtype);
    expect(loaded.toSpec()).toEqual(model.toSpec());
    expect(Array.from(loaded.predict(input(dtype)).data)).toEqual(Array.from(model.predict(input(dtype)).data));
  });

  it("names tensors by module path, activations counted, and stores spec, dtype, format and extra metadata", () => {
    const bytes = serializeModel(buildModel(spec, { registry, dtype: "float64" }), { metadata: { "nabla.preprocessing": '{"scale":2}' } });
    const info = inspectModelBytes(bytes, "model.safetensors");
    expect(info.tensors).toEqual([
      { name: "layers.0.weight", dtype: "F64", shape: [2, 3] },
      { name: "layers.2.weight", dtype: "F64", shape: [3, 1] },
    ]);
    expect(info).toMatchObject({ formatVersion: 1, dtype: "float64", spec });
    expect(info.metadata).toEqual({ "nabla.format": "1", "nabla.dtype": "float64", "nabla.spec": JSON.stringify(spec), "nabla.preprocessing": '{"scale":2}' });
  });

  it("refuses extra metadata that would overwrite its own keys", () => {
    expect(() => serializeModel(buildModel(spec, { registry }), { metadata: { "nabla.spec": "{}" } })).toThrow(SafetensorsEncodeError);
  });

  it("loads a model file written by Python with the values Python stored", () => {
    const bytes = new Uint8Array(readFileSync(new URL("./fixtures/python-model.safetensors", import.meta.url)));
    const model = deserializeModel(bytes, { registry, source: "python-model.safetensors" });
    const [first, , second] = model.network.modules.map((module) => module.parameters()[0]?.value.toArray());
    expect(first).toEqual([0, 1 / 3, 2 / 3, 1, 4 / 3, 5 / 3]);
    expect(second).toEqual([-0.5, 1 / 3 - 0.5, 2 / 3 - 0.5]);
  });
});

describe("deserializeModel on bad files", () => {
  const load = (bytes: Uint8Array) => () => deserializeModel(bytes, { registry, source: "model.safetensors" });

  it("refuses a missing, an extra, a mis-shaped or a mis-typed tensor, naming it", () => {
    expect(modelFileError(load(edited((t) => t.splice(0, 1)))).code).toBe("missing-tensor");
    const extra = modelFileError(load(edited((t) => t.push({ name: "layers.1.weight", dtype: "F32", shape: [1], data: new Float32Array(1) }))));
    expect(extra.code).toBe("unexpected-tensor");
    expect(extra.message).toMatch(/model\.safetensors: tensor "layers\.1\.weight"/);
    expect(modelFileError(load(edited((t) => (t[0] = { ...t[0], shape: [3, 2] })))).code).toBe("tensor-mismatch");
    expect(modelFileError(load(edited((t) => (t[0] = { ...t[0], dtype: "U32" })))).code).toBe("tensor-mismatch");
  });

  it("refuses files without our metadata, another format version, a bad dtype and a spec that does not validate", () => {
    expect(modelFileError(load(encodeSafetensors([])))).toMatchObject({ code: "not-a-nabla-model" });
    expect(modelFileError(load(edited((_, m) => (m["nabla.format"] = "2"))))).toMatchObject({ code: "unsupported-format-version" });
    expect(modelFileError(load(edited((_, m) => (m["nabla.dtype"] = "int8"))))).toMatchObject({ code: "invalid-metadata" });
    expect(modelFileError(load(edited((_, m) => (m["nabla.spec"] = "{not json"))))).toMatchObject({ code: "invalid-spec" });
    const unknownLayer = JSON.stringify({ ...spec, layers: [{ type: "test/nope" }] });
    expect(modelFileError(load(edited((_, m) => (m["nabla.spec"] = unknownLayer))))).toMatchObject({ code: "invalid-spec" });
    const huge = JSON.stringify({ ...spec, input: { shape: [30000] }, layers: [{ type: "test/dense", options: { in: 30000, out: 30000 } }] });
    expect(modelFileError(load(edited((_, m) => (m["nabla.spec"] = huge))))).toMatchObject({ code: "invalid-spec", problem: expect.stringMatching(/larger than the tensors/) });
    // Small enough for buildModel's default limit, too large for this file: refused by its parameterCount.
    const tooLarge = JSON.stringify({ ...spec, input: { shape: [300] }, layers: [{ type: "test/dense", options: { in: 300, out: 300 } }] });
    expect(modelFileError(load(edited((_, m) => (m["nabla.spec"] = tooLarge))))).toMatchObject({
      code: "invalid-spec",
      problem: expect.stringMatching(/layer 0 \(test\/dense\) .*needs \d+ bytes of parameters.*larger than the tensors/),
    });
    const constructorKey = JSON.stringify({ ...spec, constructor: { prototype: 1 } });
    expect(modelFileError(load(edited((_, m) => (m["nabla.spec"] = constructorKey))))).toMatchObject({ code: "invalid-spec" });
  });
});
