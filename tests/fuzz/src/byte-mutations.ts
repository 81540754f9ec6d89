import fc, { type Arbitrary } from "fast-check";

/** One edit to a valid file; positions are taken modulo the file's length when applied. */
export type ByteMutation =
  | { readonly kind: "truncate"; readonly at: number }
  | { readonly kind: "flip"; readonly at: number; readonly bit: number }
  | { readonly kind: "write"; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: "insert"; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: "delete"; readonly at: number; readonly count: number };

// Values that overflow the length and count fields of headers: 16-, 32- and 64-bit maxima and
// their neighbours, sign bits, and the largest safe integer.
const HUGE_VALUES = [0x7fff, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 2 ** 32, 2 ** 53 - 1, 2 ** 63];

function encodeInteger(value: number, width: 2 | 4 | 8, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(width);
  const view = new DataView(bytes.buffer);
  if (width === 2) view.setUint16(0, value & 0xffff, littleEndian);
  else if (width === 4) view.setUint32(0, value >>> 0, littleEndian);
  else view.setBigUint64(0, BigInt.asUintN(64, BigInt(Math.min(value, 2 ** 64 - 1))), littleEndian);
  return bytes;
}

/** Bytes that inflate a header: a huge binary integer, or a huge number spelled in decimal or octal text. */
const inflatingBytes: Arbitrary<Uint8Array> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...HUGE_VALUES), fc.constantFrom<2 | 4 | 8>(2, 4, 8), fc.boolean())
    .map(([value, width, littleEndian]) => encodeInteger(value, width, littleEndian)),
  fc
    .tuple(fc.constantFrom(...HUGE_VALUES), fc.constantFrom(8, 10))
    .map(([value, radix]) => new TextEncoder().encode(value.toString(radix))),
  fc.constantFrom("-1", "1e308", "99999999999", "77777777777", "NaN", "(99999999, 99999999)").map((text) => new TextEncoder().encode(text)),
);

/**
 * Edits concentrated on the first `headerBytes` bytes, where lengths and counts live: most
 * positions are drawn there, the rest anywhere in the file.
 */
function byteMutation(headerBytes: number): Arbitrary<ByteMutation> {
  const at = fc.oneof({ weight: 3, arbitrary: fc.nat({ max: headerBytes - 1 }) }, { weight: 1, arbitrary: fc.nat() });
  return fc.oneof(
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("flip" as const), at, bit: fc.nat({ max: 7 }) }),
    fc.record({ kind: fc.constant("write" as const), at, bytes: fc.oneof(inflatingBytes, fc.uint8Array({ minLength: 1, maxLength: 8 })) }),
    fc.record({ kind: fc.constant("insert" as const), at, bytes: fc.oneof(inflatingBytes, fc.uint8Array({ minLength: 1, maxLength: 16 })) }),
    fc.record({ kind: fc.constant("delete" as const), at, count: fc.integer({ min: 1, max: 16 }) }),
  );
}

/** Applies one edit to a copy of `bytes`. */
export function applyByteMutation(bytes: Uint8Array, mutation: ByteMutation): Uint8Array {
  const at = mutation.at % (bytes.length + 1);
  switch (mutation.kind) {
    case "truncate":
      return bytes.slice(0, at);
    case "flip": {
      const copy = bytes.slice();
      if (at < copy.length) copy[at] ^= 1 << mutation.bit;
      return copy;
    }
    case "write": {
      const copy = bytes.slice();
      copy.set(mutation.bytes.subarray(0, Math.max(0, copy.length - at)), Math.min(at, copy.length));
      return copy;
    }
    case "insert": {
      const copy = new Uint8Array(bytes.length + mutation.bytes.length);
      copy.set(bytes.subarray(0, at));
      copy.set(mutation.bytes, at);
      copy.set(bytes.subarray(at), at + mutation.bytes.length);
      return copy;
    }
    case "delete": {
      const copy = new Uint8Array(bytes.length - Math.min(mutation.count, bytes.length - at));
      copy.set(bytes.subarray(0, at));
      copy.set(bytes.subarray(at + mutation.count), at);
      return copy;
    }
  }
}

/**
 * Files built from valid seeds: a seed as it is, or truncated, bit-flipped, header-inflated
 * (huge lengths and counts written over its header), with bytes inserted or deleted, one to
 * four edits in a row; and now and then plain random bytes.
 */
export function mutatedBytes(seeds: readonly Uint8Array[], headerBytes = 256): Arbitrary<Uint8Array> {
  const fromSeed = fc
    .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(byteMutation(headerBytes), { minLength: 0, maxLength: 4 }))
    .map(([seed, mutations]) => mutations.reduce(applyByteMutation, seeds[seed]));
  return fc.oneof({ weight: 12, arbitrary: fromSeed }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 1024 }) });
}
