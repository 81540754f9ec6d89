import type { DType } from "../dtype.js";
import type { Module } from "../module.js";
import type { ResolvedOptions } from "./option-schema.js";

/**
 * One attribute of an ONNX node. The tag names the AttributeProto field it fills, since a
 * JavaScript number cannot tell an INT attribute (Softmax's `axis`) from a FLOAT one
 * (LeakyRelu's `alpha`).
 */
export type OnnxAttribute =
  | { readonly type: "float"; readonly value: number }
  | { readonly type: "int"; readonly value: number }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "floats"; readonly value: readonly number[] }
  | { readonly type: "ints"; readonly value: readonly number[] };

/**
 * The ONNX graph under construction, as an export hook sees it. Core only describes it, so
 * that a component can say how it exports without depending on an ONNX package; `@nabla/onnx`
 * implements it.
 */
export interface OnnxGraphBuilder {
  /** The model's float type, which every constant and tensor of the graph has (FLOAT for float32, DOUBLE for float64). */
  readonly dtype: DType;
  /** Appends a node of the default ONNX domain (`opType` as in the ONNX operator list); returns the name of its one output. */
  node(opType: string, inputs: readonly string[], attributes?: Readonly<Record<string, OnnxAttribute>>): string;
  /** Adds a constant tensor of the graph's dtype; returns its name. */
  constant(values: ArrayLike<number>, shape: readonly number[]): string;
}

/** What an export hook gets to know about the component it exports; `O` is the type of its options. */
export interface OnnxExportContext<O = ResolvedOptions> {
  /** The component's options from the spec, validated and with defaults filled in. */
  readonly options: O;
  /** The module the component built, holding its parameters' current values. */
  readonly module: Module;
}

/**
 * Adds the nodes that compute a component's inference-time forward pass, reading the tensor
 * named `input`, and returns the name of the tensor holding its output (`input` itself for
 * an identity, such as dropout).
 */
export type OnnxExportHook<O = ResolvedOptions> = (graph: OnnxGraphBuilder, input: string, context: OnnxExportContext<O>) => string;
