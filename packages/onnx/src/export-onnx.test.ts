import "nabla-plugin-extras";
import { readFileSync } from "node:fs";
import { buildModel, corePlugin, createRegistry, defineActivation, type ModelSpec, type NablaPlugin } from "@nabla/core";
import { activationsPlugin } from "@nabla/activations";
import { layersPlugin } from "@nabla/layers";
import { describe, expect, it } from "vitest";
import { exportOnnx, OnnxExportError } from "./index.js";
import { decodeModelProto } from "./onnx-proto.js";
import { predictBoth, randomModel, randomRows, relativeDifference } from "../test/compare-predictions.js";
import { CLASSIFICATION_MODELS, REGRESSION_MODELS } from "../test/report-models.js";

// The bound for float32; float64 graphs are held to what float64 rounding allows.
const TOLERANCE = { float32: 1e-5, float64: 1e-12 } as const;
const DTYPES = ["float32", "float64"] as const;

const PLUGIN_MODEL: ModelSpec = {
  specVersion: 1,
  input: { shape: [8] },
  layers: [
    { type: "linear", options: { in: 8, out: 32 } },
    { type: "extras/gelu" },
    { type: "linear", options: { in: 32, out: 32 } },
    { type: "extras/leaky-relu", options: { slope: 0.1 } },
    { type: "linear", options: { in: 32, out: 3 } },
  ],
};

function softmaxRows(logits: ArrayLike<number>, columns: number): number[] {
  const probabilities: number[] = [];
  for (let row = 0; row < logits.length / columns; row++) {
    const values = Array.from({ length: columns }, (_, j) => logits[row * columns + j]);
    const max = Math.max(...values);
    const exps = values.map((value) => Math.exp(value - max));
    const sum = exps.reduce((a, b) => a + b, 0);
    probabilities.push(...exps.map((e) => e / sum));
  }
  return probabilities;
}

describe("exportOnnx: ONNX Runtime predicts what Nabla predicts", () => {
  for (const dtype of DTYPES) {
    for (const [name, spec] of Object.entries(REGRESSION_MODELS)) {
      it(`regression model ${name} (${dtype})`, async () => {
        const { onnx, onnxDims, nabla } = await predictBoth(randomModel(spec, dtype), randomRows(7, 8, dtype));
        expect(onnxDims).toEqual([7, 1]);
        expect(relativeDifference(onnx, nabla)).toBeLessThanOrEqual(TOLERANCE[dtype]);
      });
    }

    it(`plugin model with extras/gelu and extras/leaky-relu (${dtype})`, async () => {
      const { onnx, nabla } = await predictBoth(randomModel(PLUGIN_MODEL, dtype), randomRows(7, 8, dtype));
      // LeakyRelu's alpha is a float32 attribute, so slope 0.1 is rounded in a float64 graph.
      expect(relativeDifference(onnx, nabla)).toBeLessThanOrEqual(dtype === "float32" ? TOLERANCE.float32 : 1e-7);
    });
  }

  for (const [name, spec] of Object.entries(CLASSIFICATION_MODELS)) {
    it(`classification model ${name} (float32), logits and with softmax`, async () => {
      const model = randomModel(spec, "float32");
      const rows = randomRows(7, 3072, "float32");
      const logits = await predictBoth(model, rows);
      expect(logits.onnxDims).toEqual([7, 10]);
      expect(relativeDifference(logits.onnx, logits.nabla)).toBeLessThanOrEqual(TOLERANCE.float32);

      const probabilities = await predictBoth(model, rows, { softmax: true });
      expect(relativeDifference(probabilities.onnx, softmaxRows(probabilities.nabla, 10))).toBeLessThanOrEqual(TOLERANCE.float32);
    });
  }

  it("classification model Tanh (float64)", async () => {
    const { onnx, nabla } = await predictBoth(randomModel(CLASSIFICATION_MODELS.Tanh, "float64"), randomRows(3, 3072, "float64"));
    expect(relativeDifference(onnx, nabla)).toBeLessThanOrEqual(TOLERANCE.float64);
  });

  it("takes any batch size: the same file runs batches of 1 and 7", async () => {
    const model = randomModel(REGRESSION_MODELS.SiLU, "float32");
    const rows = randomRows(7, 8, "float32");
    const single = await predictBoth(model, rows.subarray(0, 8));
    const batch = await predictBoth(model, rows);
    expect(single.onnxDims).toEqual([1, 1]);
    expect(batch.onnxDims).toEqual([7, 1]);
    expect(relativeDifference(single.onnx, single.nabla)).toBeLessThanOrEqual(TOLERANCE.float32);
    expect(single.onnx[0]).toBeCloseTo(batch.onnx[0], 6);
  });

  it("names the graph's input and output as asked", async () => {
    const model = randomModel(REGRESSION_MODELS.ReLU, "float32");
    const { onnx, nabla } = await predictBoth(model, randomRows(2, 8, "float32"), { inputName: "features", outputName: "price" });
    expect(relativeDifference(onnx, nabla)).toBeLessThanOrEqual(TOLERANCE.float32);
  });
});

describe("exportOnnx: the graph", () => {
  const opTypes = (bytes: Uint8Array) => decodeModelProto(bytes).graph.node.map((node) => node.op_type);

  it("writes Linear as Gemm, SiLU as x·Sigmoid(x) and leaves Dropout out", () => {
    expect(opTypes(exportOnnx(randomModel(REGRESSION_MODELS["ReLU & Dropout"], "float32")))).toEqual(["Gemm", "Relu", "Gemm", "Relu", "Gemm"]);
    expect(opTypes(exportOnnx(randomModel(REGRESSION_MODELS.SiLU, "float32")))).toEqual(["Gemm", "Sigmoid", "Mul", "Gemm", "Sigmoid", "Mul", "Gemm"]);
  });

  it("appends Softmax over the last axis when asked", () => {
    const graph = decodeModelProto(exportOnnx(randomModel(CLASSIFICATION_MODELS.Sigmoid, "float32"), { softmax: true })).graph;
    const last = graph.node[graph.node.length - 1];
    expect(last.op_type).toBe("Softmax");
    expect(last.attribute).toMatchObject([{ name: "axis", type: 2, i: -1 }]);
    expect(last.output).toEqual(["output"]);
  });

  it("declares the requested opset with the lowest IR version that carries it", () => {
    const model = randomModel(REGRESSION_MODELS.ReLU, "float32");
    expect(decodeModelProto(exportOnnx(model))).toMatchObject({ ir_version: 8, opset_import: [{ version: 17 }] });
    expect(decodeModelProto(exportOnnx(model, { opset: 21 }))).toMatchObject({ ir_version: 10, opset_import: [{ version: 21 }] });
  });

  it("records this package's version as the producer", () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(decodeModelProto(exportOnnx(randomModel(REGRESSION_MODELS.ReLU, "float32")))).toMatchObject({ producer_name: "@nabla/onnx", producer_version: version });
  });
});

describe("exportOnnx: errors", () => {
  const softplus = defineActivation({ name: "softplus", create: () => ({ name: "softplus", forward: (z: number) => Math.log1p(Math.exp(z)), derivative: () => 0 }) });
  const testPlugin: NablaPlugin = { meta: { name: "test-plugin", version: "1.0.0" }, namespace: "test", components: [softplus] };
  const spec: ModelSpec = {
    specVersion: 1,
    input: { shape: [4] },
    layers: [
      { type: "linear", options: { in: 4, out: 4 } },
      { type: "relu" },
      { type: "linear", options: { in: 4, out: 4 } },
      { type: "test/softplus" },
      { type: "linear", options: { in: 4, out: 1 } },
    ],
  };

  it("names a component without an export hook and where it sits in the spec", () => {
    const registry = createRegistry([corePlugin, layersPlugin, activationsPlugin, testPlugin]);
    const model = buildModel(spec, { registry });
    const error = (() => {
      try {
        exportOnnx(model, { registry });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(OnnxExportError);
    expect(error).toMatchObject({ path: "$.layers[3]", component: "test/softplus" });
    expect((error as Error).message).toMatch(/^\$\.layers\[3\] \(test\/softplus\): activation "test\/softplus" has no ONNX export/);
  });

  it("reports a hook that fails, with the hook's error as the cause", () => {
    const broken: NablaPlugin = {
      ...testPlugin,
      meta: { name: "broken-plugin", version: "1.0.0" },
      components: [{ ...softplus, exportOnnx: () => { throw new Error("no Softplus today"); } }],
    };
    const registry = createRegistry([corePlugin, layersPlugin, activationsPlugin, broken]);
    expect(() => exportOnnx(buildModel(spec, { registry }), { registry })).toThrow(
      expect.objectContaining({ name: "OnnxExportError", path: "$.layers[3]", cause: expect.objectContaining({ message: "no Softplus today" }) }),
    );
  });

  it("names a component the registry it is given does not know", () => {
    const registry = createRegistry([corePlugin, layersPlugin, activationsPlugin, testPlugin]);
    const model = buildModel(spec, { registry });
    expect(() => exportOnnx(model)).toThrow(expect.objectContaining({ name: "OnnxExportError", path: "$.layers[3].type", component: "test/softplus" }));
  });

  it("refuses an empty tensor name and an output named like the input", () => {
    const model = randomModel(REGRESSION_MODELS.ReLU, "float32");
    expect(() => exportOnnx(model, { inputName: "" })).toThrow(/^options\.inputName: expected a non-empty name, got ""$/);
    expect(() => exportOnnx(model, { inputName: "x", outputName: "x" })).toThrow(/^options\.outputName: /);
  });

  it("refuses a model whose samples are not flat", () => {
    const model = buildModel({ specVersion: 1, input: { shape: [2, 4] }, layers: [{ type: "linear", options: { in: 4, out: 1 } }] });
    expect(() => exportOnnx(model)).toThrow(/^\$\.input\.shape: only flat inputs export, but the model's input shape is \[2, 4\]$/);
  });

  it("refuses Softmax on a model with one output per sample", () => {
    expect(() => exportOnnx(randomModel(REGRESSION_MODELS.ReLU, "float32"), { softmax: true })).toThrow(
      expect.objectContaining({ name: "OnnxExportError", path: "options.softmax" }),
    );
  });

  it("refuses an opset it was not written for", () => {
    expect(() => exportOnnx(randomModel(REGRESSION_MODELS.ReLU, "float32"), { opset: 13 })).toThrow(/options\.opset: unsupported opset 13/);
  });
});
