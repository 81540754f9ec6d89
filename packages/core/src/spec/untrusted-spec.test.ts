import { describe, expect, it } from "vitest";
import { corePlugin } from "../core-plugin.js";
import type { NablaPlugin } from "../registry/components.js";
import { createRegistry } from "../registry/registry.js";
import { SpecError } from "../registry/spec-error.js";
import { buildModel } from "./build-model.js";

// Counterexamples the fuzz harness (tests/fuzz, target "model-spec") found in spec validation.
// The fix belongs to the spec/option validation rewrite (feat-schema), so these are marked
// `it.fails` until it lands; each then passes and its marker must become `it`.

function nestedArrays(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

// A layer with no options, like the activations: any option key in its spec is an error.
const identityPlugin: NablaPlugin = {
  meta: { name: "identity-test", version: "1.0.0" },
  namespace: "test",
  components: [
    {
      kind: "activation",
      name: "identity",
      options: {},
      create: () => ({ name: "identity", forward: (z: number) => z, derivative: () => 1 }),
    },
  ],
};

describe("buildModel on untrusted specs", () => {
  // validateOptions tests `key in schema`, which Object.prototype's members pass.
  for (const key of ["__proto__", "constructor", "toString"]) {
    it.fails(`refuses the option "${key}", which no schema declares`, () => {
      const spec = JSON.parse(`{"specVersion":1,"input":{"shape":[2]},"layers":[{"type":"test/identity","options":{"${key}":null}}]}`);
      expect(() => buildModel(spec, { registry: createRegistry([corePlugin, identityPlugin]) })).toThrow(/unknown option/);
    });
  }

  it.fails("reports a deeply nested value with a SpecError, not a stack overflow from printing it", () => {
    const spec = { specVersion: 1, input: { shape: [1] }, layers: [nestedArrays(100_000)] };
    expect(() => buildModel(spec, { registry: createRegistry([corePlugin]) })).toThrow(SpecError);
  });
});
