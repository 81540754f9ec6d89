// A minimal WebAssembly code builder for the kernels generated at run time from expressions:
// instructions as bytes, locals by index, and the SIMD128 operations on f64x2 the expression
// compiler needs. Opcodes are those of the WebAssembly 2.0 core specification (SIMD ones behind
// the 0xfd prefix).

/** The binary format's value type i32. */
export const I32 = 0x7f;
/** The binary format's value type f64. */
export const F64 = 0x7c;
/** The binary format's value type v128. */
export const V128 = 0x7b;

/** Plain opcodes used by the generated kernels. */
export const OP = {
  block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, brIf: 0x0d,
  localGet: 0x20, localSet: 0x21, localTee: 0x22,
  f32Load: 0x2a, f64Load: 0x2b, f32Store: 0x38, f64Store: 0x39,
  i32Const: 0x41, i32Eqz: 0x45, i32LtS: 0x48, i32GtS: 0x4a, i32GeS: 0x4e,
  i32Add: 0x6a, i32Sub: 0x6b, i32Shl: 0x74, f64ConvertI32S: 0xb7, f32DemoteF64: 0xb6, f64PromoteF32: 0xbb,
} as const;

/** SIMD opcodes (after the 0xfd prefix). */
export const SIMD = {
  v128Load: 0x00, v128Store: 0x0b, v128Const: 0x0c, i8x16Shuffle: 0x0d, i64x2Splat: 0x12, f64x2Splat: 0x14,
  f64x2ExtractLane: 0x21,
  f64x2Eq: 0x47, f64x2Ne: 0x48, f64x2Lt: 0x49, f64x2Gt: 0x4a, f64x2Le: 0x4b, f64x2Ge: 0x4c,
  v128And: 0x4e, v128Or: 0x50, v128Bitselect: 0x52,
  v128Store64Lane: 0x5b, v128Load64Zero: 0x5d, f32x4DemoteF64x2Zero: 0x5e, f64x2PromoteLowF32x4: 0x5f,
  f64x2Nearest: 0x94,
  i64x2ExtendLowI32x4S: 0xc7, i64x2Shl: 0xcb, i64x2ShrS: 0xcc, i64x2ShrU: 0xcd, i64x2Add: 0xce, i64x2Sub: 0xd1,
  f64x2Abs: 0xec, f64x2Neg: 0xed, f64x2Sqrt: 0xef, f64x2Add: 0xf0, f64x2Sub: 0xf1, f64x2Mul: 0xf2, f64x2Div: 0xf3,
  f64x2Min: 0xf4, f64x2Max: 0xf5,
  i32x4TruncSatF64x2SZero: 0xfc, f64x2ConvertLowI32x4S: 0xfe,
} as const;

/** Unsigned LEB128, the encoding of every count and index in the binary format. */
export function unsignedLeb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** Signed LEB128 of a 32-bit integer (i32.const). */
export function signedLeb(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) return [...bytes, byte];
    bytes.push(byte | 0x80);
  }
}

/** A vector of items: its length, then the items. */
export function vector(items: readonly number[][]): number[] {
  return [...unsignedLeb(items.length), ...items.flat()];
}

/** The bytes of a string as the binary format names things. */
export function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...unsignedLeb(bytes.length), ...bytes];
}

/**
 * The body of one function under construction: parameters come first in the local index space,
 * `local` adds more. Helper methods emit one instruction each; `f64x2` computes an operation of
 * locals into a fresh local, which keeps generated code a flat sequence of assignments.
 */
export class WasmFunctionBuilder {
  readonly code: number[] = [];
  private readonly localTypes: number[] = [];

  constructor(readonly parameterTypes: readonly number[]) {}

  /** A new local of `type`, by index. */
  local(type: number = V128): number {
    this.localTypes.push(type);
    return this.parameterTypes.length + this.localTypes.length - 1;
  }

  /** Appends raw instruction bytes. */
  emit(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }

  /** Appends a SIMD instruction (0xfd prefix, LEB128 opcode) and its immediates. */
  simd(opcode: number, ...immediates: number[]): this {
    return this.emit(0xfd, ...unsignedLeb(opcode), ...immediates);
  }

  /** local.get */
  get(local: number): this {
    return this.emit(OP.localGet, ...unsignedLeb(local));
  }

  /** local.set */
  set(local: number): this {
    return this.emit(OP.localSet, ...unsignedLeb(local));
  }

  /** i32.const */
  i32(value: number): this {
    return this.emit(OP.i32Const, ...signedLeb(value));
  }

  /** Pushes a v128 holding `value` in both f64 lanes. */
  constF64(value: number): this {
    const bytes = new Uint8Array(new Float64Array([value, value]).buffer);
    return this.simd(SIMD.v128Const, ...bytes);
  }

  /** Pushes a v128 holding the 64-bit pattern `bits` (as a bigint) in both lanes. */
  constBits(bits: bigint): this {
    const bytes = new Uint8Array(new BigInt64Array([bits, bits]).buffer);
    return this.simd(SIMD.v128Const, ...bytes);
  }

  /** A fresh local holding `value` in both lanes. */
  constant(value: number): number {
    const local = this.local();
    this.constF64(value).set(local);
    return local;
  }

  /** A fresh local = opcode(operands…), where operands are locals pushed in order. */
  f64x2(opcode: number, ...operands: number[]): number {
    for (const operand of operands) this.get(operand);
    this.simd(opcode);
    const result = this.local();
    this.set(result);
    return result;
  }

  /** A fresh local = bitselect(ifTrue, ifFalse, mask): lanes of ifTrue where mask is all ones. */
  select(ifTrue: number, ifFalse: number, mask: number): number {
    return this.f64x2(SIMD.v128Bitselect, ifTrue, ifFalse, mask);
  }

  /** The function's code entry: locals grouped by type, the instructions and `end`, with its size first. */
  encode(): number[] {
    const groups: number[][] = this.localTypes.map((type) => [...unsignedLeb(1), type]);
    const body = [...vector(groups), ...this.code, OP.end];
    return [...unsignedLeb(body.length), ...body];
  }
}
