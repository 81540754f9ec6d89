import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ModelFileError, Tensor, buildModel, corePlugin, createRegistry, inspectModelFile, loadModel, saveModel } from "../index.node.js";
import { testPlugin } from "../test-plugins.js";

const registry = createRegistry([corePlugin, testPlugin]);
const spec = { specVersion: 1, input: { shape: [2] }, layers: [{ type: "test/dense", options: { in: 2, out: 2 } }, { type: "test/square" }] };

describe("saveModel / loadModel / inspectModelFile (Node entry)", () => {
  it("save then load gives a model that predicts bit for bit the same", () => {
    const path = join(mkdtempSync(join(tmpdir(), "nabla-model-")), "model.safetensors");
    const model = buildModel(spec, { registry, dtype: "float64", seed: 11 });
    saveModel(model, path, { metadata: { author: "test" } });
    const loaded = loadModel(path, { registry });
    const x = Tensor.from([1, 2, -3, 0.5], [2, 2], { dtype: "float64" });
    expect(loaded.predict(x).toArray()).toEqual(model.predict(x).toArray());
    expect(inspectModelFile(path).metadata.author).toBe("test");
  });

  it("names the path in errors for a file that is missing or not a model", () => {
    const folder = mkdtempSync(join(tmpdir(), "nabla-model-"));
    expect(() => loadModel(join(folder, "missing.safetensors"))).toThrow(expect.objectContaining({ code: "unreadable" }));
    const junk = join(folder, "junk.safetensors");
    writeFileSync(junk, "not a safetensors file");
    expect(() => loadModel(junk)).toThrow(ModelFileError);
    expect(() => loadModel(junk)).toThrow(new RegExp(`^${junk.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
  });
});
