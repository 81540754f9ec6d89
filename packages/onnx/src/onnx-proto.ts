import protobuf from "protobufjs/light.js";
import descriptor from "./onnx-proto.json";

// The light build reads a JSON descriptor generated from onnx.proto, so no .proto parser ships.
const root = protobuf.Root.fromJSON(descriptor as protobuf.INamespace);
const ModelProto = root.lookupType("onnx.ModelProto");

/** The TensorProto.DataType values the exporter writes. */
export const TensorDataType = { FLOAT: 1, DOUBLE: 11 } as const;

/** AttributeProto.AttributeType values, one per kind of OnnxAttribute. */
export const AttributeType = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7 } as const;

/** The TensorProto fields the exporter sets: values as little-endian `raw_data`. */
export interface TensorProtoFields {
  name: string;
  data_type: number;
  dims: number[];
  raw_data: Uint8Array;
}

/** The AttributeProto fields the exporter sets; `type` says which value field is in use. */
export interface AttributeProtoFields {
  name: string;
  type: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  floats?: number[];
  ints?: number[];
}

/** The NodeProto fields the exporter sets (default ONNX domain, so no `domain`). */
export interface NodeProtoFields {
  name: string;
  op_type: string;
  input: string[];
  output: string[];
  attribute: AttributeProtoFields[];
}

/** One dimension: a fixed size or a symbolic name such as "batch". */
export type DimensionFields = { dim_value: number } | { dim_param: string };

/** A graph input or output: a name and a tensor type with its shape. */
export interface ValueInfoProtoFields {
  name: string;
  type: { tensor_type: { elem_type: number; shape: { dim: DimensionFields[] } } };
}

/** The GraphProto fields the exporter sets. */
export interface GraphProtoFields {
  name: string;
  node: NodeProtoFields[];
  initializer: TensorProtoFields[];
  input: ValueInfoProtoFields[];
  output: ValueInfoProtoFields[];
}

/** The ModelProto fields the exporter sets. */
export interface ModelProtoFields {
  ir_version: number;
  opset_import: { domain: string; version: number }[];
  producer_name: string;
  producer_version: string;
  graph: GraphProtoFields;
}

/** The protobuf wire bytes of a model, which is what an .onnx file holds. */
export function encodeModelProto(model: ModelProtoFields): Uint8Array {
  // In Node protobufjs returns a Buffer, which may be a view into a pool shared with other
  // Buffers; copy it so that the caller's array and its `.buffer` hold the model alone.
  return new Uint8Array(ModelProto.encode(ModelProto.fromObject(model)).finish());
}

/** Reads an .onnx file's bytes back into plain objects (64-bit integers as numbers), for checking what was written. */
export function decodeModelProto(bytes: Uint8Array): ModelProtoFields {
  return ModelProto.toObject(ModelProto.decode(bytes), { longs: Number, defaults: false, arrays: true }) as ModelProtoFields;
}
