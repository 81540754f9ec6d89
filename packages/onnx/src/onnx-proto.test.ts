import { readFileSync } from "node:fs";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { decodeModelProto, encodeModelProto, type ModelProtoFields } from "./onnx-proto.js";
import descriptor from "./onnx-proto.json";

describe("onnx-proto", () => {
  it("onnx-proto.json is what onnx.proto generates (run `pnpm generate:proto` after editing onnx.proto)", () => {
    const { root } = protobuf.parse(readFileSync(new URL("./onnx.proto", import.meta.url), "utf8"), { keepCase: true });
    expect(root.toJSON()).toEqual(descriptor);
  });

  it("reads back what it wrote, 64-bit integers included", () => {
    const model: ModelProtoFields = {
      ir_version: 8,
      opset_import: [{ domain: "", version: 17 }],
      producer_name: "test",
      producer_version: "1",
      graph: {
        name: "g",
        node: [{ name: "n", op_type: "Softmax", input: ["x"], output: ["y"], attribute: [{ name: "axis", type: 2, i: -1 }] }],
        initializer: [{ name: "c", data_type: 1, dims: [2], raw_data: Uint8Array.of(0, 0, 192, 63, 0, 0, 0, 192) }],
        input: [{ name: "x", type: { tensor_type: { elem_type: 1, shape: { dim: [{ dim_param: "batch" }, { dim_value: 2 }] } } } }],
        output: [{ name: "y", type: { tensor_type: { elem_type: 1, shape: { dim: [{ dim_param: "batch" }, { dim_value: 2 }] } } } }],
      },
    };
    const bytes = encodeModelProto(model);
    expect(bytes.constructor).toBe(Uint8Array);
    const decoded = decodeModelProto(bytes);
    const [tensor] = decoded.graph.initializer;
    expect(Array.from(tensor.raw_data)).toEqual([0, 0, 192, 63, 0, 0, 0, 192]);
    expect(decoded).toMatchObject({ ...model, graph: { ...model.graph, initializer: [{ name: "c", data_type: 1, dims: [2] }] } });
  });
});
