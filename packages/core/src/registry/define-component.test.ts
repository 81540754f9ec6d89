import { Type } from "@sinclair/typebox";
import { describe, expect, it } from "vitest";
import { createReferenceBackend } from "../backend/reference-backend.js";
import { Xoshiro128Generator } from "../random/xoshiro128.js";
import type { BuildContext } from "./components.js";
import { defineActivation, defineLoss, defineOptimizer } from "./define-component.js";
import { validateOptions } from "./option-schema.js";

describe("define helpers", () => {
  it("add the kind and pass options typed by the schema to create, with no casts", () => {
    const leaky = defineActivation({
      name: "leaky",
      options: Type.Object({ slope: Type.Number({ minimum: 0, default: 0.01 }) }),
      create: ({ slope }) => ({ name: "leaky", forward: (z) => (z > 0 ? z : slope * z), derivative: (z) => (z > 0 ? 1 : slope) }),
    });
    expect(leaky.kind).toBe("activation");
    const fn = leaky.create(validateOptions(leaky.options, { slope: 0.5 }, "$"));
    expect(fn.forward(-2)).toBe(-1);
  });

  it("give a component without options an empty schema that refuses any option", () => {
    const loss = defineLoss({ name: "none", create: () => ({ type: "none", forward: () => 0, backward: () => { throw new Error("unused"); } }) });
    expect(Object.keys(loss.options.properties)).toEqual([]);
    expect(() => validateOptions(loss.options, { lr: 1 }, "$.loss.options")).toThrow('$.loss.options.lr: unknown option "lr" (available: (no options))');
  });

  it("type-check the options create reads against the schema", () => {
    const optimizer = defineOptimizer({
      name: "typed",
      options: Type.Object({ lr: Type.Number({ default: 0.1 }) }),
      create(parameters, options) {
        // @ts-expect-error: "momentum" is not declared by the schema
        const missing: number = options.momentum;
        const lr: number = options.lr;
        return {
          type: `typed ${lr} ${missing}`,
          parameters,
          step: () => undefined,
          exportState: () => ({ tensors: new Map(), scalars: new Map() }),
          importState: () => undefined,
        };
      },
    });
    const context: BuildContext = { backend: createReferenceBackend(), dtype: "float32", generator: new Xoshiro128Generator(1) };
    expect(optimizer.create([], validateOptions(optimizer.options, {}, "$"), context).type).toBe("typed 0.1 undefined");
  });
});
