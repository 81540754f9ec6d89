import { describe, expect, it } from "vitest";
import { OnnxExportError } from "./onnx-export-error.js";
import { OnnxGraph } from "./onnx-graph.js";

describe("OnnxGraph", () => {
  it("declares input and output with a symbolic batch dimension and fixed feature sizes", () => {
    const graph = new OnnxGraph("float32", "input", ["output"]);
    const relu = graph.node("Relu", ["input"]);
    const proto = graph.toGraphProto("g", { name: "output", result: relu, sampleShape: [3] }, [3]);
    for (const value of [...proto.input, ...proto.output]) {
      expect(value.type.tensor_type).toEqual({ elem_type: 1, shape: { dim: [{ dim_param: "batch" }, { dim_value: 3 }] } });
    }
  });

  it("renames the node computing the result to the output's name, wherever it is read", () => {
    const graph = new OnnxGraph("float32", "input", ["output"]);
    graph.scope = "$.layers[0]";
    const relu = graph.node("Relu", ["input"]);
    expect(relu).toBe("layers[0]/Relu");
    const proto = graph.toGraphProto("g", { name: "output", result: relu, sampleShape: [2] }, [2]);
    expect(proto.node).toMatchObject([{ name: "layers[0]/Relu", input: ["input"], output: ["output"] }]);
  });

  it("adds an Identity when the result is no node's output", () => {
    const graph = new OnnxGraph("float32", "input", ["output"]);
    const proto = graph.toGraphProto("g", { name: "output", result: "input", sampleShape: [2] }, [2]);
    expect(proto.node).toMatchObject([{ op_type: "Identity", input: ["input"], output: ["output"] }]);
  });

  it("gives every node and constant a name of its own, never the reserved output name", () => {
    const graph = new OnnxGraph("float32", "input", ["Relu"]);
    const names = [graph.node("Relu", ["input"]), graph.node("Relu", ["input"]), graph.constant([1], []), graph.constant([2], [])];
    expect(names).toEqual(["Relu_1", "Relu_2", "constant", "constant_1"]);
  });

  it("stores constants little-endian in the graph's dtype", () => {
    for (const [dtype, Values] of [["float32", Float32Array], ["float64", Float64Array]] as const) {
      const graph = new OnnxGraph(dtype, "input");
      const proto = graph.toGraphProto("g", { name: "output", result: graph.constant([1.5, -2, 0.1], [3]), sampleShape: [3] }, [3]);
      const [tensor] = proto.initializer;
      expect(tensor).toMatchObject({ data_type: dtype === "float32" ? 1 : 11, dims: [3] });
      const view = new DataView(tensor.raw_data.buffer);
      const read = Array.from({ length: 3 }, (_, i) => (dtype === "float32" ? view.getFloat32(i * 4, true) : view.getFloat64(i * 8, true)));
      expect(read).toEqual(Array.from(Values.of(1.5, -2, 0.1)));
    }
  });

  it("refuses a node reading a tensor that does not exist yet", () => {
    const graph = new OnnxGraph("float32", "input");
    graph.scope = "$.layers[2]";
    expect(() => graph.node("Relu", ["nowhere"])).toThrow(new OnnxExportError("$.layers[2]", 'Relu reads "nowhere", which no earlier node or constant produces'));
  });

  it("refuses a constant whose values do not fill its shape, and an int attribute that is not an integer", () => {
    const graph = new OnnxGraph("float32", "input");
    expect(() => graph.constant([1, 2, 3], [2, 2])).toThrow(/a constant of shape \[2, 2\] needs 4 values, got 3/);
    expect(() => graph.node("Softmax", ["input"], { axis: { type: "int", value: 0.5 } })).toThrow(/Softmax attribute "axis" must hold integers/);
  });
});
