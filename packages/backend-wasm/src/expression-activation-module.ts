import type { ActivationExpression } from "@nabla/core";
import { emitExpression } from "./expression-codegen.js";
import { emitBothDtypes, emitElementLoop, encodeKernelModule } from "./element-loop-emitter.js";
import { I32, SIMD, WasmFunctionBuilder } from "./wasm-function-builder.js";

// A WebAssembly module generated at run time for one expression activation: `forward` and
// `backward` loops over two elements at a time with the expression inlined, in f64x2 for both
// dtypes (float32 elements are widened, evaluated and rounded once on store, as the reference
// backend does). It imports the backend's shared memory, so it reads and writes tensors in place.

// Exports, pointers being byte offsets into the shared memory:
// forward(isF64, z, out, n): out = g(z) for n elements;
// backward(isF64, z, a, gradA, gradZ, n): gradZ = gradA ⊙ g'(z), given z and a = g(z).

const compiled = new Map<string, { module: WebAssembly.Module; bytes: Uint8Array }>();

/** The binary module for `expression`: imports env.memory (shared, up to 4 GiB), exports forward and backward. */
export function encodeExpressionActivationModule(expression: ActivationExpression): Uint8Array<ArrayBuffer> {
  // forward(isF64, z, out, n)
  const forward = new WasmFunctionBuilder([I32, I32, I32, I32]);
  emitBothDtypes(forward, (f64) => emitElementLoop(forward, f64, [1], 3, ([x]) => [{ pointer: 2, value: emitExpression(forward, expression.forward, new Map([["x", x]])) }]));
  // backward(isF64, z, a, gradA, gradZ, n)
  const backward = new WasmFunctionBuilder([I32, I32, I32, I32, I32, I32]);
  emitBothDtypes(backward, (f64) =>
    emitElementLoop(backward, f64, [1, 2, 3], 5, ([x, y, gradA]) => {
      const derivative = emitExpression(backward, expression.derivative, new Map([["x", x], ["y", y]]));
      return [{ pointer: 4, value: backward.f64x2(SIMD.f64x2Mul, gradA, derivative) }];
    }),
  );
  return encodeKernelModule([
    { name: "forward", builder: forward },
    { name: "backward", builder: backward },
  ]);
}

/** The compiled module for `expression` and its bytes; modules are compiled once per expression and process. */
export function compileExpressionActivation(expression: ActivationExpression): { module: WebAssembly.Module; bytes: Uint8Array } {
  // −0 is spelled out: JSON would write it as 0, and mul(−0, x) differs from mul(0, x) in sign.
  const key = JSON.stringify(expression, (_, value: unknown) => (Object.is(value, -0) ? "-0" : value));
  let found = compiled.get(key);
  if (!found) {
    const bytes = encodeExpressionActivationModule(expression);
    found = { module: new WebAssembly.Module(bytes), bytes };
    compiled.set(key, found);
  }
  return found;
}
