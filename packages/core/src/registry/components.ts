import type { ActivationFunction } from "../activation-function.js";
import type { Backend } from "../backend/backend.js";
import type { DType } from "../dtype.js";
import type { Loss } from "../loss.js";
import type { Module } from "../module.js";
import type { Optimizer } from "../optimizer.js";
import type { Parameter } from "../parameter.js";
import type { RandomGenerator } from "../random/random-generator.js";
import type { OnnxExportHook } from "./onnx-export-hook.js";
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

export interface LayerComponent extends ComponentBase {
  readonly kind: "layer";
  readonly options: OptionSchema;
  /** The per-sample output shape for a per-sample input shape; throws an Error saying why they don't fit. */
  outputShape(inputShape: readonly number[], options: ResolvedOptions): readonly number[];
  create(options: ResolvedOptions, context: BuildContext): Module;
  /** How the layer exports to ONNX (see `@nabla/onnx`); a layer without one cannot be exported. */
  readonly exportOnnx?: OnnxExportHook;
}

export interface ActivationComponent extends ComponentBase {
  readonly kind: "activation";
  readonly options: OptionSchema;
  create(options: ResolvedOptions): ActivationFunction;
  /** How the activation exports to ONNX (see `@nabla/onnx`); an activation without one cannot be exported. */
  readonly exportOnnx?: OnnxExportHook;
}

export interface LossComponent extends ComponentBase {
  readonly kind: "loss";
  readonly options: OptionSchema;
  create(options: ResolvedOptions, context: BuildContext): Loss;
}

export interface OptimizerComponent extends ComponentBase {
  readonly kind: "optimizer";
  readonly options: OptionSchema;
  create(parameters: readonly Parameter[], options: ResolvedOptions, context: BuildContext): Optimizer;
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
  /**
   * Folder holding the dataset's files; defaults to the NABLA_DATA_DIR environment variable, else
   * the per-user cache $XDG_CACHE_HOME/nabla (or ~/.cache/nabla).
   */
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
