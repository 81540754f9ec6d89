import { F64, I32, OP, SIMD, name, unsignedLeb, vector, type WasmFunctionBuilder } from "./wasm-function-builder.js";

// The shape every generated kernel shares: a loop over two elements at a time, in f64x2 for
// both dtypes (float32 elements are widened on load and rounded once on store, as the reference
// backend rounds), then the odd last element; and the module around such functions, importing
// the backend's shared memory.

/** A store the loop body asks for: the value in a local, written to the tensor at a pointer parameter. */
export interface ElementStore {
  readonly pointer: number;
  readonly value: number;
}

/**
 * Emits `i = 0; while (i + 2 ≤ n) { two elements; i += 2 } if (i < n) { the last one }`. `inputs`
 * and the stores' pointers are parameter indices holding byte offsets; `compute` gets the locals
 * holding the inputs' elements and returns what to store where, in order. It runs twice (pair and
 * single), emitting its code once for each.
 */
export function emitElementLoop(b: WasmFunctionBuilder, f64: boolean, inputs: readonly number[], n: number, compute: (values: number[]) => readonly ElementStore[]): void {
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
  for (const { pointer, value } of compute(pairs)) {
    address(pointer).get(value);
    if (f64) b.simd(SIMD.v128Store, 3, 0);
    else b.simd(SIMD.f32x4DemoteF64x2Zero).simd(SIMD.v128Store64Lane, 2, 0, 0);
  }
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
  for (const { pointer, value } of compute(singles)) {
    address(pointer).get(value).simd(SIMD.f64x2ExtractLane, 0);
    if (f64) b.emit(OP.f64Store, 3, 0);
    else b.emit(OP.f32DemoteF64, OP.f32Store, 2, 0);
  }
  b.emit(OP.end);
}

/** Both dtypes' code behind `if (isF64)`, where parameter 0 is isF64. */
export function emitBothDtypes(b: WasmFunctionBuilder, emit: (f64: boolean) => void): void {
  b.get(0).emit(OP.if, 0x40);
  emit(true);
  b.emit(OP.else);
  emit(false);
  b.emit(OP.end);
}

function section(id: number, contents: number[]): number[] {
  return [id, ...unsignedLeb(contents.length), ...contents];
}

/**
 * A module exporting each function under its name, one type per function (i32 and f64 parameters,
 * no results), importing env.memory as a shared memory of up to 4 GiB, like the kernel module.
 */
export function encodeKernelModule(functions: readonly { name: string; builder: WasmFunctionBuilder }[]): Uint8Array<ArrayBuffer> {
  const types = functions.map(({ builder }) => [0x60, ...vector(builder.parameterTypes.map((type) => [type === F64 ? F64 : I32])), 0]);
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector(types)),
    ...section(2, vector([[...name("env"), ...name("memory"), 0x02, 0x03, ...unsignedLeb(1), ...unsignedLeb(65536)]])),
    ...section(3, vector(functions.map((_, index) => unsignedLeb(index)))),
    ...section(7, vector(functions.map((f, index) => [...name(f.name), 0x00, ...unsignedLeb(index)]))),
    ...section(10, vector(functions.map(({ builder }) => builder.encode()))),
  ];
  return new Uint8Array(bytes);
}
