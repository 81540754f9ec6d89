import { COMPONENT_KINDS, type ComponentKind, type Registry, createRegistry } from "@nabla/core";
import fc, { type Arbitrary } from "fast-check";
import { FuzzInvariantError } from "../fuzz-invariant-error.js";
import type { FuzzTarget } from "../fuzz-target.js";
import { PROTOTYPE_KEYS } from "../json-text.js";

const anything: Arbitrary<unknown> = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 4 }), fc.constant({}), fc.constant([]));

const word = fc.oneof({ weight: 4, arbitrary: fc.constantFrom("a", "b", "nabla", "x/y", "") }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) });

/** A component-like value: mostly well formed with few names (so keys collide), sometimes any shape. */
const component: Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constantFrom<unknown>(...COMPONENT_KINDS), name: word, options: fc.constant({}) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.oneof(fc.constantFrom<unknown>(...COMPONENT_KINDS, "widget"), anything), name: fc.oneof(word, anything) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: anything },
);

/** A plugin-like value: meta, namespace and components, each sometimes malformed or missing. */
const plugin: Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      meta: fc.record({ name: fc.constantFrom("p", "q", "r"), version: fc.constantFrom("1.0.0", "2.0.0") }),
      namespace: word,
      components: fc.array(component, { maxLength: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        meta: fc.oneof(fc.record({ name: fc.oneof(word, anything), version: fc.oneof(word, anything) }, { requiredKeys: [] }), anything),
        namespace: fc.oneof(word, anything),
        components: fc.oneof(fc.array(component, { maxLength: 3 }), anything),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: anything },
);

/** Every key of every kind, to compare a registry before and after a registration. */
function snapshot(registry: Registry): string {
  return JSON.stringify(COMPONENT_KINDS.map((kind) => registry.keys(kind as ComponentKind)));
}

/**
 * Sequences of plugin registrations into a fresh registry: random plugin shapes, the same value
 * twice, equal names with other components, colliding keys. Besides the shared invariants, a
 * registration that throws must leave the registry as it was, one that returns must have made
 * each of its components resolvable, and every registered component must be found under its key.
 */
export const registryTarget: FuzzTarget<unknown[]> = {
  name: "registry",
  input: fc.array(plugin, { minLength: 1, maxLength: 6 }).chain((plugins) =>
    // Registering the very same value again is part of the contract (a no-op): repeat some.
    fc.array(fc.nat({ max: plugins.length - 1 }), { maxLength: 3 }).map((repeats) => [...plugins, ...repeats.map((i) => plugins[i])]),
  ),
  run(plugins) {
    const registry = createRegistry();
    for (const candidate of plugins) {
      const before = snapshot(registry);
      const plugin = candidate as Parameters<Registry["register"]>[0];
      try {
        registry.register(plugin);
      } catch (error) {
        if (snapshot(registry) !== before) {
          throw new FuzzInvariantError("registry", "result", `a registration that threw (${String(error)}) changed the registry`);
        }
        throw error;
      }
      // A registration that returned must have made every component it offers resolvable.
      for (const c of plugin.components) {
        if (!registry.has(c.kind, `${plugin.namespace}/${c.name}`)) {
          throw new FuzzInvariantError(
            "registry",
            "result",
            `register(${plugin.meta.name}@${plugin.meta.version}) returned but ${c.kind} ${plugin.namespace}/${c.name} is not registered`,
          );
        }
      }
    }
    for (const registered of registry.plugins()) {
      for (const c of registered.components) {
        const key = `${registered.namespace}/${c.name}`;
        if (registry.get(c.kind, key) !== c) {
          throw new FuzzInvariantError("registry", "result", `${c.kind} ${key} of ${registered.meta.name} is not the component registered under it`);
        }
      }
    }
  },
  inputBytes: (plugins) => JSON.stringify(plugins)?.length ?? 0,
};
