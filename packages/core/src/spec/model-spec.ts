import { Type, type Static } from "@sinclair/typebox";
import { Check } from "@sinclair/typebox/value";
import { assertNoPrototypeKeys } from "../registry/prototype-keys.js";
import { findSchemaError } from "../registry/schema-error.js";
import { SpecError } from "../registry/spec-error.js";

/** The model spec format this version of core reads and writes. */
export const SPEC_VERSION = 1;

/** A registry component by name, with its options (checked against the component's own schema when the model is built). */
export const componentSpecSchema = Type.Object(
  {
    /** A registry key ("nabla/linear"); Nabla's own components may omit "nabla/". */
    type: Type.String({ minLength: 1, description: 'Registry name, e.g. "linear" or "extras/gelu"' }),
    /** The component's options, validated against its schema (defaults fill the rest). */
    options: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: "The component's options; see its package",
        // For editors: assertModelSpec refuses these keys itself, at any depth.
        propertyNames: { not: { enum: ["__proto__", "constructor", "prototype"] } },
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * The model spec format, declared once: its TypeScript type, its check (assertModelSpec) and
 * its published JSON Schema (`@nabla/core/model-spec.schema.json`) all come from this value.
 */
export const modelSpecSchema = Type.Object(
  {
    /** Where editors find this JSON Schema; ignored by Nabla. */
    $schema: Type.Optional(Type.String({ description: "Where editors find this JSON Schema, e.g. ./node_modules/@nabla/core/schema/model-spec.schema.json" })),
    /** Always `SPEC_VERSION` (1). */
    specVersion: Type.Literal(SPEC_VERSION),
    /** The shape of one sample ([8] for eight features). */
    input: Type.Object(
      {
        /** Dimensions of one sample, without the batch dimension. */
        shape: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, description: "Per-sample input shape, e.g. [8] for 8 features" }),
      },
      { additionalProperties: false },
    ),
    /** Layers and activations, in order. */
    layers: Type.Array(componentSpecSchema, { minItems: 1, description: "Layers and activations, in order" }),
    /** The loss to train with. */
    loss: Type.Optional(componentSpecSchema),
    /** The optimizer to train with. */
    optimizer: Type.Optional(componentSpecSchema),
  },
  {
    additionalProperties: false,
    title: "Nabla model spec",
    description: "A model as a JSON document: the per-sample input shape, the layers in order, and optionally the loss and optimizer to train it with",
  },
);

/** A registry component by name, with its options. */
export type ComponentSpec = Static<typeof componentSpecSchema>;

/**
 * A model as a JSON document: the per-sample input shape, the layers in order (layers and
 * activations by registry name), and optionally the loss and optimizer to train it with.
 */
export type ModelSpec = Static<typeof modelSpecSchema>;

/**
 * Checks the document's structure (not its names or options, which need a registry); throws a
 * SpecError naming the JSON path of the first problem. Keys that reach a prototype are refused
 * at any depth, options included.
 */
export function assertModelSpec(value: unknown): asserts value is ModelSpec {
  assertNoPrototypeKeys(value, "$", "invalid-spec");
  if (Check(modelSpecSchema, value)) return;
  throw findSchemaError(modelSpecSchema, value, "$", "invalid-spec", "field") ?? new SpecError("invalid-spec", "$", "not a model spec");
}
