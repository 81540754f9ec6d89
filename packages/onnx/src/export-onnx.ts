import { Registry, getDefaultRegistry, validateOptions, type ComponentSpec, type Model, type Module } from "@nabla/core";
import { OnnxExportError } from "./onnx-export-error.js";
import { OnnxGraph } from "./onnx-graph.js";
import { encodeModelProto } from "./onnx-proto.js";
import { appendPreprocessingNodes, type OnnxPreprocessing } from "./preprocessing-nodes.js";

/** Options of `exportOnnx`. */
export interface OnnxExportOptions {
  /** Append Softmax over the outputs, so that a classifier's graph gives class probabilities instead of logits. */
  softmax?: boolean;
  /** Name of the graph input, of shape [batch, features] (default "input"). */
  inputName?: string;
  /** Name of the graph output, of shape [batch, outputs] (default "output"). */
  outputName?: string;
  /** Standardization and fill values applied in the graph before the first layer, so the graph takes raw rows. */
  preprocessing?: OnnxPreprocessing;
  /** ONNX operator set to declare, 17 (the default) to 25. */
  opset?: number;
  /** Where the model's layers and activations, and their export hooks, are looked up (default: the default registry). */
  registry?: Registry;
}

// The lowest IR version that can carry each opset (ONNX's versioning table): the oldest runtime
// able to run the operators can then also read the file.
const IR_VERSION_FOR_OPSET = new Map([
  [17, 8],
  [18, 8],
  [19, 9],
  [20, 9],
  [21, 10],
  [22, 10],
  [23, 11],
  [24, 12],
  [25, 13],
]);
const DEFAULT_OPSET = 17;

// Kept in step with package.json; a test checks they agree.
const VERSION = "0.1.0";

/**
 * The bytes of an .onnx file computing `model`'s prediction (its forward pass in eval mode) for
 * a batch of any size, in the model's float type (float32 → FLOAT, float64 → DOUBLE). Each layer
 * and activation is written by its component's `exportOnnx` hook, found in the registry by the
 * type in the model's spec; one without a hook fails with an OnnxExportError naming it.
 */
export function exportOnnx(model: Model, options: OnnxExportOptions = {}): Uint8Array {
  const { inputName = "input", outputName = "output", opset = DEFAULT_OPSET, registry = getDefaultRegistry() } = options;
  const irVersion = IR_VERSION_FOR_OPSET.get(opset);
  if (irVersion === undefined) {
    throw new OnnxExportError("options.opset", `unsupported opset ${opset} (supported: ${[...IR_VERSION_FOR_OPSET.keys()].join(", ")})`);
  }
  for (const [option, name] of [["inputName", inputName], ["outputName", outputName]]) {
    // ONNX reads an empty name as "no tensor here".
    if (typeof name !== "string" || name === "") throw new OnnxExportError(`options.${option}`, `expected a non-empty name, got ${JSON.stringify(name)}`);
  }
  if (inputName === outputName) throw new OnnxExportError("options.outputName", `the output needs a name other than the input's ("${inputName}")`);

  const spec = model.toSpec();
  const modules = model.network.modules;
  if (modules.length !== spec.layers.length) {
    throw new OnnxExportError("$.layers", `the spec lists ${spec.layers.length} layers but the network has ${modules.length} modules`);
  }
  // A model's tensors are [rows, features]; Gemm, like Nabla's Linear, takes nothing else.
  if (spec.input.shape.length !== 1) {
    throw new OnnxExportError("$.input.shape", `only flat inputs export, but the model's input shape is [${spec.input.shape.join(", ")}]`);
  }
  const graph = new OnnxGraph(model.dtype, inputName, [outputName]);
  let x = inputName;
  let shape: readonly number[] = spec.input.shape;

  if (options.preprocessing) {
    graph.scope = "preprocessing";
    x = appendPreprocessingNodes(graph, x, options.preprocessing, shape[0]);
  }
  spec.layers.forEach((layer, i) => {
    graph.scope = `$.layers[${i}]`;
    ({ output: x, shape } = appendComponentNodes(graph, registry, layer, modules[i], x, shape));
  });

  if (options.softmax) {
    if (shape.length !== 1 || shape[0] < 2) {
      throw new OnnxExportError("options.softmax", `Softmax needs at least two outputs per sample, but the model gives [${shape.join(", ")}]`);
    }
    graph.scope = "softmax";
    x = graph.node("Softmax", [x], { axis: { type: "int", value: -1 } });
  }

  return encodeModelProto({
    ir_version: irVersion,
    opset_import: [{ domain: "", version: opset }],
    producer_name: "@nabla/onnx",
    producer_version: VERSION,
    graph: graph.toGraphProto("nabla", { name: outputName, result: x, sampleShape: shape }, spec.input.shape),
  });
}

/** The nodes of one layer or activation of the spec, written by its component's hook, and the per-sample shape it outputs. */
function appendComponentNodes(
  graph: OnnxGraph,
  registry: Registry,
  layer: ComponentSpec,
  module: Module,
  input: string,
  inputShape: readonly number[],
): { output: string; shape: readonly number[] } {
  const path = graph.scope;
  const type = Registry.qualify(layer.type);
  if (module.type !== type) throw new OnnxExportError(path, `the network's module here is a ${module.type}, not what the spec says`, type);
  if (!registry.has("layer", type) && !registry.has("activation", type)) {
    throw new OnnxExportError(`${path}.type`, "not a layer or activation of the registry exporting the model: import its plugin, or pass the registry the model was built with as `registry`", type);
  }
  const kind = registry.has("layer", type) ? "layer" : "activation";
  const component = registry.get(kind, type, `${path}.type`);
  const options = validateOptions(component.options, layer.options, `${path}.options`);
  if (!component.exportOnnx) {
    throw new OnnxExportError(path, `${kind} "${type}" has no ONNX export: its plugin's component needs an exportOnnx hook`, type);
  }
  let output: string;
  try {
    output = component.exportOnnx(graph, input, { options, module });
  } catch (error) {
    if (error instanceof OnnxExportError) throw error;
    throw new OnnxExportError(path, `the export hook failed: ${(error as Error).message}`, type, { cause: error });
  }
  if (!graph.has(output)) throw new OnnxExportError(path, `the export hook returned "${output}", which is not a tensor of the graph`, type);
  return { output, shape: component.kind === "layer" ? component.outputShape(inputShape, options) : inputShape };
}
