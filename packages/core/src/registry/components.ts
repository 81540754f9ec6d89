import type { ActivationFunction } from "../activation-function.js";
import type { Backend } from "../backend/backend.js";
import type { DType } from "../dtype.js";
import type { Loss } from "../loss.js";
import type { Module } from "../module.js";
import type { Optimizer } from "../optimizer.js";
import type { Parameter } from "../parameter.js";
import type { RandomGenerator } from "../random/random-generator.js";
import type { OnnxExportContext, OnnxGraphBuilder } from "./onnx-export-hook.js";
import type { OptionSchema, ResolvedOptions } from "./option-schema.js";

/** What a component needs to build itself: where tensors live, their dtype and the random stream. */
export interface BuildContext {
  backend: Backend;
  dtype: DType;
  generator: RandomGenerator;
}

interface ComponentBase {
  /** Name inside the plugin's namespace: "relu" in "nabla/relu". */
  readonly name: string;
  readonly description?: string;
}

/**
 * A layer the spec can name. `S` is its option schema: `outputShape`, `parameterCount`, `create`
 * and `exportOnnx` receive the options it declares, validated and with defaults filled in.
 */
export interface LayerComponent<S extends OptionSchema = OptionSchema> extends ComponentBase {
  readonly kind: "layer";
  readonly options: S;
  /** The per-sample output shape for a per-sample input shape; throws an Error saying why they don't fit. */
  outputShape(inputShape: readonly number[], options: ResolvedOptions<S>): readonly number[];
  /**
   * How many numbers the layer's parameters hold for this input shape, so buildModel can refuse
   * a model too large to allocate before allocating anything. A layer without it counts as 0.
   */
  parameterCount?(inputShape: readonly number[], options: ResolvedOptions<S>): number;
  create(options: ResolvedOptions<S>, context: BuildContext): Module;
  /** How the layer exports to ONNX (see `@nabla/onnx`); a layer without one cannot be exported. */
  exportOnnx?(graph: OnnxGraphBuilder, input: string, context: OnnxExportContext<ResolvedOptions<S>>): string;
}

/** An activation the spec can name between layers; `S` is its option schema. */
export interface ActivationComponent<S extends OptionSchema = OptionSchema> extends ComponentBase {
  readonly kind: "activation";
  readonly options: S;
  create(options: ResolvedOptions<S>): ActivationFunction;
  /** How the activation exports to ONNX (see `@nabla/onnx`); an activation without one cannot be exported. */
  exportOnnx?(graph: OnnxGraphBuilder, input: string, context: OnnxExportContext<ResolvedOptions<S>>): string;
}

/** A loss the spec can name; `S` is its option schema. */
export interface LossComponent<S extends OptionSchema = OptionSchema> extends ComponentBase {
  readonly kind: "loss";
  readonly options: S;
  create(options: ResolvedOptions<S>, context: BuildContext): Loss;
}

/** An optimizer the spec can name; `S` is its option schema. */
export interface OptimizerComponent<S extends OptionSchema = OptionSchema> extends ComponentBase {
  readonly kind: "optimizer";
  readonly options: S;
  create(parameters: readonly Parameter[], options: ResolvedOptions<S>, context: BuildContext): Optimizer;
}

export interface BackendComponent extends ComponentBase {
  readonly kind: "backend";
  /** Higher is faster; the default backend is the available one with the highest priority. */
  readonly priority: number;
  isAvailable(): boolean;
  create(): Backend;
}

export interface GeneratorComponent extends ComponentBase {
  readonly kind: "generator";
  create(seed: number): RandomGenerator;
}

export type Task = "regression" | "classification";

/** A table of samples: row-major features [rows × cols] and one target per row. */
export interface TabularData {
  readonly features: Float64Array | Float32Array | Uint8Array;
  readonly rows: number;
  readonly cols: number;
  /** Regression: values (one per row). Classification: integer labels. */
  readonly targets: Float64Array | Int32Array;
}

export interface DatasetSplits {
  readonly task: Task;
  readonly train: TabularData;
  /** Present when the dataset ships its own test split (CIFAR-10); otherwise split it yourself. */
  readonly test?: TabularData;
  readonly featureNames?: readonly string[];
  readonly classNames?: readonly string[];
}

export interface DatasetLoadOptions {
  /** Folder holding the dataset's files; defaults to the NABLA_DATA_DIR environment variable. */
  dataDir?: string;
  /** Download missing files from the official source (default true). */
  download?: boolean;
  /** Extra loader-specific settings. */
  [option: string]: unknown;
}

export interface DatasetComponent extends ComponentBase {
  readonly kind: "dataset";
  readonly task: Task;
  load(options?: DatasetLoadOptions): Promise<DatasetSplits>;
}

export interface MetricComponent extends ComponentBase {
  readonly kind: "metric";
  readonly task: Task;
  readonly higherIsBetter: boolean;
  compute(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options?: Record<string, unknown>): number;
}

export type Component =
  | LayerComponent
  | ActivationComponent
  | LossComponent
  | OptimizerComponent
  | BackendComponent
  | GeneratorComponent
  | DatasetComponent
  | MetricComponent;

export type ComponentKind = Component["kind"];
export type ComponentOfKind<K extends ComponentKind> = Extract<Component, { kind: K }>;

export const COMPONENT_KINDS: readonly ComponentKind[] = [
  "layer",
  "activation",
  "loss",
  "optimizer",
  "backend",
  "generator",
  "dataset",
  "metric",
];

/**
 * A package's contribution to a registry: plain data, versioned, namespaced. Keys are
 * `${namespace}/${component.name}`; Nabla's own plugins use the namespace "nabla", whose
 * components may also be named without it ("relu" for "nabla/relu").
 */
export interface NablaPlugin {
  readonly meta: { readonly name: string; readonly version: string };
  readonly namespace: string;
  readonly components: readonly Component[];
}
