import { describe, expect, it } from "vitest";
import { corePlugin } from "../core-plugin.js";
import { deserializeModel } from "../io/model-file.js";
import { ModelFileError } from "../io/model-file-error.js";
import { encodeSafetensors } from "../io/safetensors.js";
import type { NablaPlugin } from "../registry/components.js";
import { createRegistry } from "../registry/registry.js";
import { SpecError } from "../registry/spec-error.js";
import { buildModel } from "./build-model.js";

// Counterexamples the fuzz harness (tests/fuzz, target "model-spec") found in spec validation.
// The fix belongs to the spec/option validation rewrite (feat-schema), so these are marked
// `it.fails` until it lands; each then passes and its marker must become `it`.

// Built as text: JSON.parse takes any depth, where JSON.stringify (and so building it as a value
// and printing it) overflows the stack at a few thousand levels.
const deepSpecText = (depth: number) =>
  `{"specVersion":1,"input":{"shape":[1]},"layers":[${"[".repeat(depth)}1${"]".repeat(depth)}]}`;

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
    const spec = JSON.parse(deepSpecText(10_000));
    expect(() => buildModel(spec, { registry: createRegistry([corePlugin]) })).toThrow(SpecError);
  });

  it.fails("reports a model file whose spec is deeply nested with a ModelFileError (fuzz target model-file)", () => {
    const file = encodeSafetensors([], { "nabla.format": "1", "nabla.spec": deepSpecText(10_000), "nabla.dtype": "float32" });
    expect(() => deserializeModel(file, { registry: createRegistry([corePlugin]) })).toThrow(ModelFileError);
  });
});
