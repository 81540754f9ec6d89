import { shapeSize, type DType, type OnnxAttribute, type OnnxGraphBuilder } from "@nabla/core";
import { OnnxExportError } from "./onnx-export-error.js";
import {
  AttributeType,
  TensorDataType,
  type AttributeProtoFields,
  type GraphProtoFields,
  type NodeProtoFields,
  type TensorProtoFields,
  type ValueInfoProtoFields,
} from "./onnx-proto.js";

/** A graph input or output as the exporter declares it: per-sample shape after a symbolic batch dimension. */
export interface GraphValue {
  name: string;
  sampleShape: readonly number[];
}

const BATCH_DIMENSION = "batch";

const ONNX_TYPE = { float32: "FLOAT", float64: "DOUBLE" } as const satisfies Record<DType, keyof typeof TensorDataType>;

/**
 * The graph being exported: nodes in the order added (ONNX wants them topologically sorted, and
 * a node can only read tensors that exist already) and constants as initializers. Every node
 * has one output named like the node, and every name is unique.
 */
export class OnnxGraph implements OnnxGraphBuilder {
  /** Where the nodes added next come from (`$.layers[3]`); names and error messages carry it. */
  scope = "$";
  private readonly nodes: NodeProtoFields[] = [];
  private readonly initializers: TensorProtoFields[] = [];
  /** Every name given out, including those reserved for the graph's input and output. */
  private readonly names = new Set<string>();
  /** Names of the tensors that exist so far: the input, node outputs and constants. */
  private readonly tensors = new Set<string>();

  constructor(
    readonly dtype: DType,
    readonly input: string,
    reservedNames: readonly string[] = [],
  ) {
    this.names.add(input);
    this.tensors.add(input);
    for (const name of reservedNames) this.names.add(name);
  }

  node(opType: string, inputs: readonly string[], attributes: Readonly<Record<string, OnnxAttribute>> = {}): string {
    for (const input of inputs) {
      if (!this.has(input)) throw new OnnxExportError(this.scope, `${opType} reads "${input}", which no earlier node or constant produces`);
    }
    const name = this.uniqueName(opType);
    const attribute = Object.entries(attributes).map(([key, value]) => this.attributeProto(opType, key, value));
    this.nodes.push({ name, op_type: opType, input: [...inputs], output: [name], attribute });
    this.tensors.add(name);
    return name;
  }

  constant(values: ArrayLike<number>, shape: readonly number[]): string {
    const size = shapeSize(shape);
    if (values.length !== size) {
      throw new OnnxExportError(this.scope, `a constant of shape [${shape.join(", ")}] needs ${size} values, got ${values.length}`);
    }
    const name = this.uniqueName("constant");
    this.initializers.push({ name, data_type: TensorDataType[ONNX_TYPE[this.dtype]], dims: [...shape], raw_data: littleEndianBytes(values, this.dtype) });
    this.tensors.add(name);
    return name;
  }

  /** Whether `name` is the graph input, a node's output or a constant. */
  has(name: string): boolean {
    return this.tensors.has(name);
  }

  /**
   * The finished graph, whose output is the tensor `result` under the name `output.name`: the
   * node that computed it is renamed, or an Identity node added when `result` is no node's
   * output (a model of dropout layers only returns its input).
   */
  toGraphProto(name: string, output: GraphValue & { result: string }, inputShape: readonly number[]): GraphProtoFields {
    const producer = this.nodes.find((node) => node.name === output.result);
    if (producer) {
      for (const node of this.nodes) node.input = node.input.map((input) => (input === output.result ? output.name : input));
      producer.output = [output.name];
    } else {
      this.nodes.push({ name: output.name, op_type: "Identity", input: [output.result], output: [output.name], attribute: [] });
    }
    return {
      name,
      node: this.nodes,
      initializer: this.initializers,
      input: [this.valueInfo(this.input, inputShape)],
      output: [this.valueInfo(output.name, output.sampleShape)],
    };
  }

  private valueInfo(name: string, sampleShape: readonly number[]): ValueInfoProtoFields {
    const dim = [{ dim_param: BATCH_DIMENSION }, ...sampleShape.map((size) => ({ dim_value: size }))];
    return { name, type: { tensor_type: { elem_type: TensorDataType[ONNX_TYPE[this.dtype]], shape: { dim } } } };
  }

  /** `layers[3]/Gemm` for the first Gemm of `$.layers[3]`, then `layers[3]/Gemm_1`, …. */
  private uniqueName(base: string): string {
    const prefix = `${this.scope.replace(/^\$\.?/, "")}/${base}`.replace(/^\//, "");
    let name = prefix;
    for (let i = 1; this.names.has(name); i++) name = `${prefix}_${i}`;
    this.names.add(name);
    return name;
  }

  private attributeProto(opType: string, name: string, attribute: OnnxAttribute): AttributeProtoFields {
    const integers = attribute.type === "int" ? [attribute.value] : attribute.type === "ints" ? attribute.value : [];
    if (!integers.every(Number.isSafeInteger)) {
      throw new OnnxExportError(this.scope, `${opType} attribute "${name}" must hold integers, got ${JSON.stringify(attribute.value)}`);
    }
    return attributeFields(name, attribute);
  }
}

/** TensorProto.raw_data is little-endian whatever the platform's byte order. */
function littleEndianBytes(values: ArrayLike<number>, dtype: DType): Uint8Array {
  const width = dtype === "float32" ? 4 : 8;
  const view = new DataView(new ArrayBuffer(values.length * width));
  for (let i = 0; i < values.length; i++) {
    if (dtype === "float32") view.setFloat32(i * width, values[i], true);
    else view.setFloat64(i * width, values[i], true);
  }
  return new Uint8Array(view.buffer);
}

function attributeFields(name: string, attribute: OnnxAttribute): AttributeProtoFields {
  switch (attribute.type) {
    case "float":
      return { name, type: AttributeType.FLOAT, f: attribute.value };
    case "int":
      return { name, type: AttributeType.INT, i: attribute.value };
    case "string":
      return { name, type: AttributeType.STRING, s: new TextEncoder().encode(attribute.value) };
    case "floats":
      return { name, type: AttributeType.FLOATS, floats: [...attribute.value] };
    case "ints":
      return { name, type: AttributeType.INTS, ints: [...attribute.value] };
  }
}
