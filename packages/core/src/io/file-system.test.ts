import { describe, expect, it } from "vitest";
import { corePlugin } from "../core-plugin.js";
import { createRegistry } from "../registry/registry.js";
import { buildModel } from "../spec/build-model.js";
import { testPlugin } from "../test-plugins.js";
import { FileAccessUnavailableError, writeFileAtomic } from "./file-system.js";
import { loadModel, saveModel } from "./model-path.js";

// This file never imports index.node.ts, so it sees core as a browser does: no file access installed.
describe("file paths without the Node entry", () => {
  it("throw a FileAccessUnavailableError naming the function and pointing to the byte-level API", () => {
    const model = buildModel({ specVersion: 1, input: { shape: [1] }, layers: [{ type: "test/dense", options: { in: 1, out: 1 } }] }, {
      registry: createRegistry([corePlugin, testPlugin]),
    });
    expect(() => saveModel(model, "model.safetensors")).toThrow(FileAccessUnavailableError);
    expect(() => loadModel("model.safetensors")).toThrow(/loadModel reads or writes a file path, which needs Node\.js.*serializeModel/);
    expect(() => writeFileAtomic("x.json", "{}")).toThrow(FileAccessUnavailableError);
  });
});
