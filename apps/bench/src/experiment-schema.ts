import { Type, type Static } from "@sinclair/typebox";

// The one declaration of an experiment document: the TypeScript type, the validator
// (load-experiment.ts) and the published JSON Schema (schema/experiment.schema.json) all come from it.

const PositiveInteger = Type.Integer({ minimum: 1 });

/** A dataset from the registry by name: "california-housing", "cifar10" or a plugin's "namespace/name". */
export const RegistryDatasetSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, description: "A registered dataset: california-housing, cifar10, or namespace/name from a plugin" }),
    options: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: "Passed to the dataset's loader, e.g. {\"layout\": \"hwc\"}" })),
  },
  { additionalProperties: false },
);

/** A table in one file: a CSV with a header row, or a 2-D `.npy`/`.npz` array; one column holds the targets. */
export const FileDatasetSchema = Type.Object(
  {
    file: Type.String({ pattern: "\\.(csv|npy|npz)$", description: "Path relative to the experiment file: .csv (header row), .npy or .npz (a 2-D array)" }),
    target: Type.Union([Type.String({ minLength: 1 }), Type.Integer({ minimum: 0 })], {
      description: "The target column: a CSV header name, or a 0-based column index",
    }),
    array: Type.Optional(Type.String({ minLength: 1, description: "The array inside a .npz file (default: its only array)" })),
  },
  { additionalProperties: false },
);

/** One column of the results table: a registered metric and how to print it. */
export const MetricColumnSchema = Type.Object(
  {
    key: Type.String({ minLength: 1, description: "A registered metric: mse, rmse, mae, r2, accuracy, precision, recall, f1, or namespace/name" }),
    label: Type.String(),
    digits: Type.Integer({ minimum: 0, maximum: 12 }),
    percent: Type.Optional(Type.Boolean({ description: "Show as a percentage (the value is stored as a fraction)" })),
    options: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: "Passed to the metric, e.g. {\"average\": \"weighted\"}" })),
  },
  { additionalProperties: false },
);

/** A claim about two models ("Adam ≫ SGD"), judged over seeds by `--seeds`. */
export const ComparisonSchema = Type.Object(
  {
    claim: Type.String(),
    a: Type.String({ description: "The first model's name" }),
    b: Type.String({ description: "The second model's name" }),
    metric: Type.String({ description: "A key of `metrics`" }),
    expect: Type.Union([Type.Literal("a-better"), Type.Literal("similar")]),
  },
  { additionalProperties: false },
);

/** One model: its name in the tables, a JSON model spec (checked by @nabla/core), and numbers to compare against. */
export const ExperimentModelSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    reported: Type.Optional(
      Type.Record(Type.String(), Type.Number(), { description: "Published numbers for this model, as fractions, keyed like `metrics`" }),
    ),
    spec: Type.Unknown({ description: "A @nabla/core model spec (specVersion 1): checked by assertModelSpec" }),
  },
  { additionalProperties: false },
);

/** How the models are trained. */
export const TrainingSchema = Type.Object(
  {
    epochs: PositiveInteger,
    batchSize: Type.Optional(Type.Integer({ minimum: 1, description: "Mini-batch size (default: the whole training set, one step per epoch)" })),
    seed: Type.Integer({ minimum: 0, description: "Seeds each model's weights, dropout masks and mini-batch order" }),
    seeds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 0 }), { minItems: 2, description: "Train every model once per seed and report mean ± sd instead" }),
    ),
    protocol: Type.Optional(
      Type.Union([Type.Literal("nabla"), Type.Literal("reference")], {
        description: "nabla (default): each model its own stream; reference: the report's float64 NumPy stream (PROTOCOL.md)",
      }),
    ),
    dtype: Type.Union([Type.Literal("float32"), Type.Literal("float64")]),
  },
  { additionalProperties: false },
);

/** A Nabla experiment: what to load, how to prepare it, which models to train how, and what to measure. */
export const ExperimentSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    title: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
    task: Type.Union([Type.Literal("regression"), Type.Literal("classification")]),
    plugins: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: "Packages the runner imports first so their components work by namespace/name (list them in package.json too)",
      }),
    ),
    dataset: Type.Union([RegistryDatasetSchema, FileDatasetSchema], {
      description: "A registered dataset {name, options?} or a table in a file {file, target, array?}",
    }),
    split: Type.Optional(
      Type.Object(
        { testSize: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }), seed: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false, description: "Train/test split for a dataset without its own test set" },
      ),
    ),
    preprocessing: Type.Optional(
      Type.Object(
        { standardize: Type.Boolean({ description: "Scale each feature with the training rows' mean and standard deviation" }) },
        { additionalProperties: false },
      ),
    ),
    training: TrainingSchema,
    quick: Type.Object(
      { trainRows: PositiveInteger, testRows: PositiveInteger, epochs: PositiveInteger },
      { additionalProperties: false, description: "The smoke-test subset for --quick (CI): seconds, not comparable with full results" },
    ),
    metrics: Type.Array(MetricColumnSchema, { minItems: 1 }),
    comparisons: Type.Optional(Type.Array(ComparisonSchema)),
    models: Type.Array(ExperimentModelSchema, { minItems: 1 }),
  },
  { additionalProperties: false, title: "Nabla experiment" },
);

/** An experiment document as validated by the schema (model specs are still `unknown` here). */
export type ExperimentDocument = Static<typeof ExperimentSchema>;
/** A metric column of the results table. */
export type MetricColumn = Static<typeof MetricColumnSchema>;
/** A claim about two models, judged over seeds. */
export type Comparison = Static<typeof ComparisonSchema>;
/** A dataset from the registry. */
export type RegistryDataset = Static<typeof RegistryDatasetSchema>;
/** A dataset read from one file. */
export type FileDataset = Static<typeof FileDatasetSchema>;
