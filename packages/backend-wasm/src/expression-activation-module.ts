import type { ActivationExpression } from "@nabla/core";
import { emitExpression } from "./expression-codegen.js";
import { I32, OP, SIMD, WasmFunctionBuilder, name, unsignedLeb, vector } from "./wasm-function-builder.js";

// A WebAssembly module generated at run time for one expression activation: `forward` and
// `backward` loops over two elements at a time with the expression inlined, in f64x2 for both
// dtypes (float32 elements are widened, evaluated and rounded once on store, as the reference
// backend does). It imports the backend's shared memory, so it reads and writes tensors in place.

/** The exports of a generated activation module; pointers are byte offsets into the shared memory. */
export interface ExpressionActivationKernels {
  /** out = g(z) for n elements. */
  forward(isF64: number, z: number, out: number, n: number): void;
  /** gradZ = gradA ⊙ g'(z), given z and a = g(z), for n elements. */
  backward(isF64: number, z: number, a: number, gradA: number, gradZ: number, n: number): void;
}

const compiled = new Map<string, WebAssembly.Module>();

/** Emits `i = 0; while (i + 2 ≤ n) { pairs; i += 2 } if (i < n) { last element }` over the pointer parameters. */
function emitElementLoop(b: WasmFunctionBuilder, f64: boolean, inputs: readonly number[], output: number, n: number, compute: (values: number[]) => number): void {
  const shift = f64 ? 3 : 2;
  const i = b.local(I32);
  const address = (pointer: number) => b.get(pointer).get(i).i32(shift).emit(OP.i32Shl).emit(OP.i32Add);
  b.i32(0).set(i);
  b.emit(OP.block, 0x40, OP.loop, 0x40);
  b.get(i).i32(2).emit(OP.i32Add).get(n).emit(OP.i32GtS).emit(OP.brIf, 1);
  const pairs = inputs.map((pointer) => {
    const value = b.local();
    address(pointer);
    if (f64) b.simd(SIMD.v128Load, 3, 0);
    else b.simd(SIMD.v128Load64Zero, 2, 0).simd(SIMD.f64x2PromoteLowF32x4);
    b.set(value);
    return value;
  });
  const result = compute(pairs);
  address(output).get(result);
  if (f64) b.simd(SIMD.v128Store, 3, 0);
  else b.simd(SIMD.f32x4DemoteF64x2Zero).simd(SIMD.v128Store64Lane, 2, 0, 0);
  b.get(i).i32(2).emit(OP.i32Add).set(i).emit(OP.br, 0, OP.end, OP.end);
  b.get(i).get(n).emit(OP.i32LtS, OP.if, 0x40);
  const singles = inputs.map((pointer) => {
    const value = b.local();
    address(pointer);
    if (f64) b.emit(OP.f64Load, 3, 0);
    else b.emit(OP.f32Load, 2, 0, OP.f64PromoteF32);
    b.simd(SIMD.f64x2Splat).set(value);
    return value;
  });
  const last = compute(singles);
  address(output).get(last).simd(SIMD.f64x2ExtractLane, 0);
  if (f64) b.emit(OP.f64Store, 3, 0);
  else b.emit(OP.f32DemoteF64, OP.f32Store, 2, 0);
  b.emit(OP.end);
}

/** Both dtypes' loops behind `if (isF64)`; parameter 0 is isF64. */
function emitBothDtypes(b: WasmFunctionBuilder, emit: (f64: boolean) => void): void {
  b.get(0).emit(OP.if, 0x40);
  emit(true);
  b.emit(OP.else);
  emit(false);
  b.emit(OP.end);
}

function section(id: number, contents: number[]): number[] {
  return [id, ...unsignedLeb(contents.length), ...contents];
}

/** The binary module for `expression`: imports env.memory (shared, up to 4 GiB), exports forward and backward. */
export function encodeExpressionActivationModule(expression: ActivationExpression): Uint8Array {
  // forward(isF64, z, out, n)
  const forward = new WasmFunctionBuilder([I32, I32, I32, I32]);
  emitBothDtypes(forward, (f64) => emitElementLoop(forward, f64, [1], 2, 3, ([x]) => emitExpression(forward, expression.forward, new Map([["x", x]]))));
  // backward(isF64, z, a, gradA, gradZ, n)
  const backward = new WasmFunctionBuilder([I32, I32, I32, I32, I32, I32]);
  emitBothDtypes(backward, (f64) =>
    emitElementLoop(backward, f64, [1, 2, 3], 4, 5, ([x, y, gradA]) => {
      const derivative = emitExpression(backward, expression.derivative, new Map([["x", x], ["y", y]]));
      return backward.f64x2(SIMD.f64x2Mul, gradA, derivative);
    }),
  );
  const functionType = (parameters: number) => [0x60, ...vector(Array.from({ length: parameters }, () => [I32])), 0];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector([functionType(4), functionType(6)])),
    ...section(2, vector([[...name("env"), ...name("memory"), 0x02, 0x03, ...unsignedLeb(1), ...unsignedLeb(65536)]])),
    ...section(3, vector([[0], [1]])),
    ...section(7, vector([[...name("forward"), 0x00, 0], [...name("backward"), 0x00, 1]])),
    ...section(10, vector([forward.encode(), backward.encode()])),
  ];
  return new Uint8Array(bytes);
}

/** The kernels of an expression activation over `memory`; modules are compiled once per expression and process. */
export function instantiateExpressionActivation(expression: ActivationExpression, memory: WebAssembly.Memory): ExpressionActivationKernels {
  // −0 is spelled out: JSON would write it as 0, and mul(−0, x) differs from mul(0, x) in sign.
  const key = JSON.stringify(expression, (_, value: unknown) => (Object.is(value, -0) ? "-0" : value));
  let module = compiled.get(key);
  if (!module) {
    module = new WebAssembly.Module(encodeExpressionActivationModule(expression));
    compiled.set(key, module);
  }
  return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as ExpressionActivationKernels;
}
