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
  /** Where the component's tensors live and its kernels run. */
  backend: Backend;
  /** Element type of the tensors it creates. */
  dtype: DType;
  /** The random stream to draw from (initial weights, dropout masks), shared by the whole model. */
  generator: RandomGenerator;
}

interface ComponentBase {
  /** Name inside the plugin's namespace: "relu" in "nabla/relu". */
  readonly name: string;
  /** One line for listings and error messages: what the component computes. */
  readonly description?: string;
}

/**
 * A layer the spec can name: checks the shape it receives and builds a `Module`. `S` is its
 * option schema: `outputShape`, `parameterCount`, `create` and `exportOnnx` receive the options
 * it declares, validated and with defaults filled in.
 */
export interface LayerComponent<S extends OptionSchema = OptionSchema> extends ComponentBase {
  /** Discriminates the component union. */
  readonly kind: "layer";
  /** Every option a spec may give, as a TypeBox `Type.Object`; validated and defaulted before `create` is called. */
  readonly options: S;
  /** The per-sample output shape for a per-sample input shape; throws an Error saying why they don't fit. */
  outputShape(inputShape: readonly number[], options: ResolvedOptions<S>): readonly number[];
  /**
   * How many numbers the layer's parameters hold for this input shape, so buildModel can refuse
   * a model too large to allocate before allocating anything. A layer without it counts as 0.
   */
  parameterCount?(inputShape: readonly number[], options: ResolvedOptions<S>): number;
  /** Builds the layer from validated options. */
  create(options: ResolvedOptions<S>, context: BuildContext): Module;
  /** How the layer exports to ONNX (see `@nabla/onnx`); a layer without one cannot be exported. */
  exportOnnx?(graph: OnnxGraphBuilder, input: string, context: OnnxExportContext<ResolvedOptions<S>>): string;
}

/** An elementwise activation the spec can name between layers; core wraps the function in an `ActivationModule`. `S` is its option schema. */
export interface ActivationComponent<S extends OptionSchema = OptionSchema> extends ComponentBase {
  /** Discriminates the component union. */
  readonly kind: "activation";
  /** Every option a spec may give (most activations take none), as a TypeBox `Type.Object`. */
  readonly options: S;
  /** The activation function, forward and derivative side by side. */
  create(options: ResolvedOptions<S>): ActivationFunction;
  /** How the activation exports to ONNX (see `@nabla/onnx`); an activation without one cannot be exported. */
  exportOnnx?(graph: OnnxGraphBuilder, input: string, context: OnnxExportContext<ResolvedOptions<S>>): string;
}

/** A loss at the top of the network; `S` is its option schema. */
export interface LossComponent<S extends OptionSchema = OptionSchema> extends ComponentBase {
  /** Discriminates the component union. */
  readonly kind: "loss";
  /** Every option a spec may give, as a TypeBox `Type.Object`; validated and defaulted before `create` is called. */
  readonly options: S;
  /** Builds the loss from validated options. */
  create(options: ResolvedOptions<S>, context: BuildContext): Loss;
}

/** An optimizer, built over the model's parameters; `S` is its option schema. */
export interface OptimizerComponent<S extends OptionSchema = OptionSchema> extends ComponentBase {
  /** Discriminates the component union. */
  readonly kind: "optimizer";
  /** Every option a spec may give (learning rate, decay rates), as a TypeBox `Type.Object`; validated and defaulted. */
  readonly options: S;
  /** Builds the optimizer that will update `parameters`. */
  create(parameters: readonly Parameter[], options: ResolvedOptions<S>, context: BuildContext): Optimizer;
}

/** A backend: the kernels every tensor operation runs on. */
export interface BackendComponent extends ComponentBase {
  /** Discriminates the component union. */
  readonly kind: "backend";
  /** Higher is faster; the default backend is the available one with the highest priority. */
  readonly priority: number;
  /** Whether it can run here (addon built, CPU features, WebAssembly support); cheap, and never throws. */
  isAvailable(): boolean;
  /** The backend instance; called only when `isAvailable()` is true. */
  create(): Backend;
}

/** A seeded random number generator algorithm. */
export interface GeneratorComponent extends ComponentBase {
  /** Discriminates the component union. */
  readonly kind: "generator";
  /** A generator whose whole stream is fixed by `seed`. */
  create(seed: number): RandomGenerator;
}

/** The kind of problem a dataset poses and a metric scores. */
export type Task = "regression" | "classification";

/** A table of samples: row-major features [rows × cols] and one target per row. */
export interface TabularData {
  /** Row-major [rows × cols] feature values. */
  readonly features: Float64Array | Float32Array | Uint8Array;
  /** Number of samples. */
  readonly rows: number;
  /** Features per sample. */
  readonly cols: number;
  /** Regression: values (one per row). Classification: integer labels. */
  readonly targets: Float64Array | Int32Array;
}

/** A loaded dataset: its training rows, its own test rows when it has them, and names. */
export interface DatasetSplits {
  /** Regression or classification. */
  readonly task: Task;
  /** The training rows (all rows when the dataset has no test split of its own). */
  readonly train: TabularData;
  /** Present when the dataset ships its own test split (CIFAR-10); otherwise split it yourself. */
  readonly test?: TabularData;
  /** Column names, in feature order, when the dataset has them. */
  readonly featureNames?: readonly string[];
  /** Class names indexed by label, for classification datasets. */
  readonly classNames?: readonly string[];
}

/** Options every dataset loader accepts, plus its own. */
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

/** A dataset: loads (and if allowed downloads) its files into tables. */
export interface DatasetComponent extends ComponentBase {
  /** Discriminates the component union. */
  readonly kind: "dataset";
  /** What the dataset is for; experiments pair it with metrics of the same task. */
  readonly task: Task;
  /** Reads the dataset, downloading missing files unless `download` is false. */
  load(options?: DatasetLoadOptions): Promise<DatasetSplits>;
}

/** A metric: one number from true and predicted values. */
export interface MetricComponent extends ComponentBase {
  /** Discriminates the component union. */
  readonly kind: "metric";
  /** Regression metrics take values, classification metrics take integer labels. */
  readonly task: Task;
  /** Whether a larger score is better (R², accuracy) or worse (MSE). */
  readonly higherIsBetter: boolean;
  /** The score; `options` are validated against the metric's own options and rejected if unknown. */
  compute(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options?: Record<string, unknown>): number;
}

/** Any registry component; `kind` says which. */
export type Component =
  | LayerComponent
  | ActivationComponent
  | LossComponent
  | OptimizerComponent
  | BackendComponent
  | GeneratorComponent
  | DatasetComponent
  | MetricComponent;

/** The kinds of component a registry holds: "layer", "activation", "loss", …. */
export type ComponentKind = Component["kind"];
/** The component interface of one kind: `ComponentOfKind<"loss">` is `LossComponent`. */
export type ComponentOfKind<K extends ComponentKind> = Extract<Component, { kind: K }>;

/** Every component kind, in the order listings show them. */
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
  /** Identifies the plugin: registering the same name and version twice is a no-op, another value under a taken key an error. */
  readonly meta: {
    /** The npm package name that provides the plugin. */
    readonly name: string;
    /** Its version, kept in step with package.json. */
    readonly version: string;
  };
  /** Prefix of every key the plugin adds ("extras" in "extras/gelu"); only "nabla" may be omitted in specs. */
  readonly namespace: string;
  /** What the plugin adds, each under `${namespace}/${name}`. */
  readonly components: readonly Component[];
}
