import { Tensor, expressionActivation, type ActivationFunction } from "@nabla/core";
import { EXPRESSION_ACTIVATIONS } from "@nabla/core/conformance";
import { afterAll, describe, expect, it } from "vitest";
import { encodeExpressionActivationModule } from "./expression-activation-module.js";
import { createWasmBackend } from "./wasm-backend.js";

const wasm = createWasmBackend({ threads: 2 });
afterAll(() => wasm.dispose());

/** fn with JavaScript that throws, so a test fails if the backend falls back to it. */
function withoutJavaScript(fn: ActivationFunction): ActivationFunction {
  const refuse = () => {
    throw new Error(`${fn.name}: the JavaScript evaluation was called`);
  };
  return { ...fn, forward: refuse, derivative: refuse };
}

describe("generated WebAssembly for expression activations", () => {
  it("encodes a valid module for every conformance expression", () => {
    for (const fn of EXPRESSION_ACTIVATIONS) expect(WebAssembly.validate(encodeExpressionActivationModule(fn.expression!))).toBe(true);
  });

  it("runs activate, its derivative and both fused Linear kernels without calling the activation's JavaScript", () => {
    const fn = withoutJavaScript(expressionActivation({ name: "silu", forward: ["mul", "x", ["sigmoid", "x"]] }));
    for (const dtype of ["float32", "float64"] as const) {
      const options = { backend: wasm, dtype };
      const x = Tensor.from([-2, -0.5, 0, 0.5, 2, 7], [2, 3], options);
      const weight = Tensor.from([1, 0, 0, 1, 0.5, -0.5], [3, 2], options);
      const bias = Tensor.from([0.1, -0.1], [1, 2], options);
      const z = Tensor.zeros([2, 2], options);
      const a = Tensor.zeros([2, 2], options);
      wasm.linearForward!(x, weight, bias, z, { fn, out: a });
      const silu = (v: number) => v / (1 + Math.exp(-v));
      a.toArray().forEach((v, i) => expect(v).toBeCloseTo(silu(z.data[i]), 6));
      const gradX = Tensor.zeros([2, 3], options);
      wasm.linearInputGradient!(Tensor.from([1, 1, 1, 1], [2, 2], options), weight, gradX, { fn, z: x, a: Tensor.zeros([2, 3], options) });
      expect(gradX.toArray().every(Number.isFinite)).toBe(true);
      wasm.activate(fn, x, Tensor.zeros([2, 3], options));
      wasm.activateBackward(fn, x, x, x, Tensor.zeros([2, 3], options));
    }
  });
});
