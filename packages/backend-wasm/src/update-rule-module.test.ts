import { Tensor, compileUpdateRule, ops } from "@nabla/core";
import { afterAll, describe, expect, it } from "vitest";
import { encodeUpdateRuleModule } from "./update-rule-module.js";
import { createWasmBackend } from "./wasm-backend.js";

const wasm = createWasmBackend({ threads: 1 });
afterAll(() => wasm.dispose());

const MOMENTUM = compileUpdateRule({
  tensors: ["param", "grad", "velocity"],
  scalars: ["lr", "momentum"],
  updates: [
    { target: "velocity", value: ["add", ["mul", "momentum", "velocity"], "grad"] },
    { target: "param", value: ["sub", "param", ["mul", "lr", "velocity"]] },
  ],
});

describe("generated WebAssembly for update rules", () => {
  it("encodes a valid module", () => {
    expect(WebAssembly.validate(encodeUpdateRuleModule(MOMENTUM))).toBe(true);
  });

  it("runs through ops.applyUpdateRule in one pass, later assignments reading earlier ones, in both dtypes, without map", () => {
    const map = wasm.map;
    wasm.map = () => {
      throw new Error("map was called");
    };
    try {
      for (const dtype of ["float32", "float64"] as const) {
        const options = { backend: wasm, dtype };
        const [param, grad, velocity] = [[1, -2, 3], [0.5, -1, 0], [1, 1, 1]].map((v) => Tensor.from(v, [1, 3], options));
        ops.applyUpdateRule(MOMENTUM, [param, grad, velocity], [0.1, 0.9]);
        const round = dtype === "float32" ? Math.fround : (v: number) => v;
        // Evaluated in float64 from the stored values, each assignment rounded once to the dtype.
        const expectedVelocity = [0.5, -1, 0].map((g) => round(0.9 * 1 + g));
        expect(velocity.toArray()).toEqual(expectedVelocity);
        expect(param.toArray()).toEqual([1, -2, 3].map((w, k) => round(w - 0.1 * expectedVelocity[k])));
      }
    } finally {
      wasm.map = map;
    }
  });
});
