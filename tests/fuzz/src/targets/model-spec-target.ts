import { activationsPlugin } from "@nabla/activations";
import {
  type Backend,
  type OptionSchema,
  buildModel,
  corePlugin,
  createReferenceBackend,
  createRegistry,
} from "@nabla/core";
import { datasetsPlugin } from "@nabla/datasets";
import { layersPlugin } from "@nabla/layers";
import { lossesPlugin } from "@nabla/losses";
import { metricsPlugin } from "@nabla/metrics";
import { optimizersPlugin } from "@nabla/optimizers";
import fc, { type Arbitrary } from "fast-check";
import { FuzzInvariantError } from "../fuzz-invariant-error.js";
import type { FuzzTarget } from "../fuzz-target.js";
import { DEEP_SPEC_STACK_OVERFLOW, PROTOTYPE_OPTION_KEYS_ACCEPTED } from "../known-spec-failures.js";
import { EDGE_NUMBERS, type JsonTree, PROTOTYPE_KEYS, anyJson, deeplyNested, jsonText } from "../json-text.js";

/** Every component package's plugin, as a user who installed them all would have. */
const registry = createRegistry([corePlugin, layersPlugin, activationsPlugin, lossesPlugin, optimizersPlugin, metricsPlugin, datasetsPlugin]);

/** The most a case may allocate for parameters and optimizer state: a small spec may ask for a model this big. */
const ALLOCATION_BUDGET_BYTES = 16 * 1024 * 1024;

/** Thrown by the budgeted backend when a spec asks for more: a large model, which a spec may legitimately describe. */
class AllocationBudgetExceeded extends Error {}

function budgetedBackend(): Backend {
  const reference = createReferenceBackend();
  let allocated = 0;
  return {
    ...reference,
    allocate(dtype, length) {
      allocated += length * (dtype === "float32" ? 4 : 8);
      if (allocated > ALLOCATION_BUDGET_BYTES) throw new AllocationBudgetExceeded();
      return reference.allocate(dtype, length);
    },
  };
}

type Entry = readonly [string, JsonTree];

/** Mostly the valid value; sometimes any JSON or a deeply nested one in its place. */
function confused(valid: Arbitrary<JsonTree>): Arbitrary<JsonTree> {
  return fc.oneof({ weight: 80, arbitrary: valid }, { weight: 2, arbitrary: anyJson }, { weight: 1, arbitrary: deeplyNested });
}

/** An object with the given fields, each sometimes missing, and sometimes extra keys (prototype keys, repeats, anything). */
function confusedObject(fields: readonly (readonly [string, Arbitrary<JsonTree>])[]): Arbitrary<JsonTree> {
  const keys = fields.map(([key]) => key);
  const present = fields.map(([key, value]) =>
    fc.oneof({ weight: 80, arbitrary: value.map((v): Entry[] => [[key, v]]) }, { weight: 1, arbitrary: fc.constant<Entry[]>([]) }),
  );
  const extraKey = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, ...keys), fc.string({ maxLength: 6 }));
  const extra = fc.oneof(
    { weight: 15, arbitrary: fc.constant<Entry[]>([]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(extraKey, anyJson), { minLength: 1, maxLength: 2 }) },
  );
  return confused(fc.tuple(fc.tuple(...present), extra).map(([entries, more]) => ({ entries: [...entries.flat(), ...more] })));
}

const KINDS = ["layer", "activation", "loss", "optimizer"] as const;
const NAMES = KINDS.flatMap((kind) => registry.keys(kind));

function optionKeysOf(name: string): string[] {
  for (const kind of KINDS) if (registry.has(kind, name)) return Object.keys(registry.get(kind, name).options);
  return [];
}

/** A name of one of `kinds` (sometimes without its namespace), now and then a prototype key or any string. */
function componentName(kinds: readonly (typeof KINDS)[number][]): Arbitrary<string> {
  const names = kinds.flatMap((kind) => registry.keys(kind));
  return fc.oneof(
    { weight: 16, arbitrary: fc.constantFrom(...names, ...names.map((key) => key.slice("nabla/".length))) },
    { weight: 1, arbitrary: fc.constantFrom(...NAMES, ...PROTOTYPE_KEYS, "nabla/", "/", "nabla/__proto__", "") },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
}

const optionValue = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 16 }) },
  { weight: 4, arbitrary: fc.constantFrom<JsonTree>(...EDGE_NUMBERS, true, "mean") },
  { weight: 1, arbitrary: anyJson },
);

/** {"type": …, "options": {…}} with the options drawn for the component the type names. */
function componentSpec(kinds: readonly (typeof KINDS)[number][]): Arbitrary<JsonTree> {
  return componentName(kinds).chain((name) =>
    confusedObject([
      ["type", confused(fc.constant(name))],
      ["options", confusedObject(optionKeysOf(name).map((key) => [key, optionValue] as const))],
    ]),
  );
}

const features = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 16 }) }, { weight: 1, arbitrary: fc.constantFrom(...EDGE_NUMBERS) });

/** Present or left out, as optional fields are. */
const optional = (value: Arbitrary<JsonTree>) => fc.option(value, { nil: undefined });

/** Model specs, mostly well formed, with the confusions above; also used inside saved model files. */
export const modelSpecTree: Arbitrary<JsonTree> = fc
  .tuple(
    confusedObject([
      ["specVersion", confused(fc.constant(1))],
      ["input", confusedObject([["shape", confused(fc.array(features, { minLength: 1, maxLength: 3 }))]])],
      ["layers", confused(fc.array(componentSpec(["layer", "activation"]), { minLength: 1, maxLength: 5 }))],
    ]),
    optional(componentSpec(["loss"])),
    optional(componentSpec(["optimizer"])),
  )
  .map(([spec, loss, optimizer]) => {
    if (spec === null || typeof spec !== "object" || Array.isArray(spec)) return spec;
    const entries = (spec as { entries: readonly Entry[] }).entries;
    return { entries: [...entries, ...(loss ? [["loss", loss] as const] : []), ...(optimizer ? [["optimizer", optimizer] as const] : [])] };
  });

/** Each component's options in a built spec hold only keys its schema declares as its own. */
function assertOnlyDeclaredOptions(spec: Record<string, unknown>): void {
  const components = [...(spec.layers as Record<string, unknown>[]), spec.loss, spec.optimizer];
  for (const component of components) {
    if (component === undefined) continue;
    const { type, options } = component as { type: string; options?: object };
    const schema: OptionSchema = KINDS.map((kind) => (registry.has(kind, type) ? registry.get(kind, type).options : undefined)).find(
      (found) => found !== undefined,
    )!;
    for (const key of Object.keys(options ?? {})) {
      if (!Object.hasOwn(schema, key)) {
        throw new FuzzInvariantError("model-spec", "result", `buildModel accepted option "${key}" of ${type}, which its schema does not declare`);
      }
    }
  }
}

/**
 * Model specs as JSON text through buildModel with every component package registered: valid
 * specs with fields missing, extra, of the wrong type, deeply nested, prototype keys, huge and
 * negative numbers. A spec that builds must have had only declared options; models past a
 * small allocation budget stop there (a spec may describe a large model; that is no bug).
 */
export const modelSpecTarget: FuzzTarget<JsonTree> = {
  name: "model-spec",
  input: fc.oneof({ weight: 20, arbitrary: modelSpecTree }, { weight: 1, arbitrary: anyJson }),
  run(tree) {
    const spec = JSON.parse(jsonText(tree)) as unknown;
    try {
      buildModel(spec, { registry, backend: budgetedBackend() });
    } catch (error) {
      if (error instanceof AllocationBudgetExceeded) return;
      throw error;
    }
    assertOnlyDeclaredOptions(spec as Record<string, unknown>);
  },
  knownFailures: [DEEP_SPEC_STACK_OVERFLOW, PROTOTYPE_OPTION_KEYS_ACCEPTED],
  inputBytes: (tree) => jsonText(tree).length,
  describe: jsonText,
  extraMemoryBytes: 2 * ALLOCATION_BUDGET_BYTES,
};
