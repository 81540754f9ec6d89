import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ModelFileError } from "./model-file-error.js";
import { MAX_SAFETENSORS_HEADER_BYTES, decodeSafetensors, encodeSafetensors, type DecodedSafetensor } from "./safetensors.js";
import { SafetensorsEncodeError } from "./safetensors-encode-error.js";

// Written by scripts/make-safetensors-fixtures.py with Python's safetensors.
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

// NumPy rounds k/3 to float32 first, then adds the shift in float32.
const thirds32 = (count: number, shift = 0): Float32Array => Float32Array.from({ length: count }, (_, k) => Math.fround(k / 3) + shift);
const thirds64 = (count: number, shift = 0): Float64Array => Float64Array.from({ length: count }, (_, k) => k / 3 + shift);

function values(tensor: DecodedSafetensor): number[] {
  const { buffer, byteOffset, byteLength } = tensor.data;
  if (tensor.dtype === "F32") return Array.from(new Float32Array(buffer, byteOffset, byteLength / 4));
  if (tensor.dtype === "F64") return Array.from(new Float64Array(buffer, byteOffset, byteLength / 8));
  return Array.from(new Uint32Array(buffer, byteOffset, byteLength / 4));
}

/** A file from a hand-written header and data, for the hostile cases. */
function craft(header: unknown, dataBytes: number, headerLength?: bigint): Uint8Array {
  const json = new TextEncoder().encode(typeof header === "string" ? header : JSON.stringify(header));
  const bytes = new Uint8Array(8 + json.length + dataBytes);
  new DataView(bytes.buffer).setBigUint64(0, headerLength ?? BigInt(json.length), true);
  bytes.set(json, 8);
  return bytes;
}

function decodeError(bytes: Uint8Array): ModelFileError {
  try {
    decodeSafetensors(bytes, "hostile.safetensors");
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as ModelFileError).file).toBe("hostile.safetensors");
    return error as ModelFileError;
  }
  throw new Error("decodeSafetensors accepted a malformed file");
}

describe("decodeSafetensors on files Python wrote", () => {
  it("reads every tensor's dtype, shape and exact values, in data order", () => {
    const { tensors, metadata } = decodeSafetensors(fixture("python-mixed.safetensors"));
    expect(metadata.size).toBe(0);
    expect(tensors.map(({ name, dtype, shape }) => [name, dtype, shape])).toEqual([
      ["layers.2.weight", "F64", [3, 1]],
      ["empty", "F32", [0, 4]],
      ["layers.0.bias", "F32", [1, 3]],
      ["layers.0.weight", "F32", [2, 3]],
      ["steps", "U32", [3]],
    ]);
    expect(values(tensors[0])).toEqual(Array.from(thirds64(3)));
    expect(values(tensors[1])).toEqual([]);
    expect(values(tensors[2])).toEqual(Array.from(thirds32(3, -1)));
    expect(values(tensors[3])).toEqual(Array.from(thirds32(6)));
    expect(values(tensors[4])).toEqual([1, 2, 4294967295]);
  });

  it("keeps __proto__, constructor and prototype as plain tensor names", () => {
    const { tensors } = decodeSafetensors(fixture("python-special-names.safetensors"));
    const byName = new Map(tensors.map((tensor) => [tensor.name, values(tensor)[0]]));
    expect([...byName.keys()].sort()).toEqual(["10", "9", "__proto__", "constructor", "prototype"]);
    expect(byName.get("__proto__")).toBe(0);
    expect(byName.get("constructor")).toBe(1);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it("reads __metadata__ strings with quotes, backslashes and non-ASCII characters", () => {
    const { metadata } = decodeSafetensors(fixture("python-metadata.safetensors"));
    expect(metadata.get("note")).toBe('quotes " and \\ and é ✓');
  });
});

describe("encodeSafetensors", () => {
  it("writes the bytes Python writes for the same tensors", () => {
    const mixed = encodeSafetensors([
      { name: "steps", dtype: "U32", shape: [3], data: Uint32Array.from([1, 2, 4294967295]) },
      { name: "layers.0.weight", dtype: "F32", shape: [2, 3], data: thirds32(6) },
      { name: "layers.2.weight", dtype: "F64", shape: [3, 1], data: thirds64(3) },
      { name: "layers.0.bias", dtype: "F32", shape: [1, 3], data: thirds32(3, -1) },
      { name: "empty", dtype: "F32", shape: [0, 4], data: new Float32Array(0) },
    ]);
    expect(mixed).toEqual(fixture("python-mixed.safetensors"));
    const withMetadata = encodeSafetensors([{ name: "w", dtype: "F64", shape: [2, 2], data: thirds64(4) }], { note: 'quotes " and \\ and é ✓' });
    expect(withMetadata).toEqual(fixture("python-metadata.safetensors"));
    const names = ["__proto__", "constructor", "prototype", "10", "9"];
    const special = encodeSafetensors(names.map((name, i) => ({ name, dtype: "F32", shape: [1], data: Float32Array.of(i) })));
    expect(special).toEqual(fixture("python-special-names.safetensors"));
  });

  it("pads the header with spaces to a multiple of 8 bytes", () => {
    const bytes = encodeSafetensors([{ name: "a", dtype: "F32", shape: [1], data: Float32Array.of(1) }]);
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(headerLength % 8).toBe(0);
    expect(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))).toMatch(/^\{.*\} *$/);
  });

  it("refuses duplicate names, the reserved __metadata__ name and data of the wrong length", () => {
    const a = { name: "a", dtype: "F32" as const, shape: [2], data: new Float32Array(2) };
    expect(() => encodeSafetensors([a, a])).toThrow(SafetensorsEncodeError);
    expect(() => encodeSafetensors([{ ...a, name: "__metadata__" }])).toThrow(SafetensorsEncodeError);
    expect(() => encodeSafetensors([{ ...a, shape: [3] }])).toThrow(/needs 12 bytes, the data has 8/);
  });
});

describe("decodeSafetensors on hostile files", () => {
  const entry = (dtype: string, shape: number[], begin: number, end: number) => ({ dtype, shape, data_offsets: [begin, end] });

  it("refuses a header length over 100 MB before reading or allocating anything", () => {
    const error = decodeError(craft("{}", 0, BigInt(MAX_SAFETENSORS_HEADER_BYTES) + 1n));
    expect(error.code).toBe("header-too-large");
    expect(decodeError(craft("{}", 0, 2n ** 63n)).code).toBe("header-too-large");
  });

  it("refuses files shorter than their header length, and headers that are not a JSON object", () => {
    expect(decodeError(new Uint8Array(5)).code).toBe("truncated");
    expect(decodeError(craft("{}", 0, 1000n)).code).toBe("truncated");
    expect(decodeError(craft("[1, 2]", 0)).code).toBe("invalid-header");
    expect(decodeError(craft('{"a": ', 0)).code).toBe("invalid-header");
    expect(decodeError(craft(new TextDecoder("latin1").decode(Uint8Array.of(0x7b, 0xff, 0x7d)), 0)).code).toBe("invalid-header");
  });

  it("refuses overlapping byte ranges, gaps and ranges past the end of the file", () => {
    expect(decodeError(craft({ a: entry("F32", [2], 0, 8), b: entry("F32", [1], 4, 8) }, 8)).code).toBe("overlapping-tensors");
    expect(decodeError(craft({ a: entry("F32", [1], 0, 4), b: entry("F32", [1], 8, 12) }, 12)).code).toBe("gap-between-tensors");
    expect(decodeError(craft({ a: entry("F32", [1], 0, 4) }, 8)).code).toBe("gap-between-tensors");
    const pastEnd = decodeError(craft({ a: entry("F32", [1000], 0, 4000) }, 8));
    expect(pastEnd.code).toBe("out-of-bounds");
    expect(pastEnd.message).toMatch(/hostile\.safetensors: tensor "a" ends at data byte 4000/);
  });

  it("refuses a shape whose element count disagrees with the byte range, even one that would overflow", () => {
    expect(decodeError(craft({ a: entry("F32", [3], 0, 8) }, 8)).code).toBe("size-mismatch");
    expect(decodeError(craft({ a: entry("F64", [2 ** 40, 2 ** 40, 0], 0, 8) }, 8)).code).toBe("size-mismatch");
    expect(decodeError(craft({ a: entry("F32", [-1], 0, 0) }, 0)).code).toBe("invalid-shape");
  });

  it("refuses unknown dtypes, malformed entries and non-string metadata", () => {
    expect(decodeError(craft({ a: entry("Q7", [1], 0, 1) }, 1)).code).toBe("unknown-dtype");
    expect(decodeError(craft({ a: { dtype: "F32", shape: [1] } }, 0)).code).toBe("invalid-header");
    expect(decodeError(craft({ __metadata__: { n: 1 } }, 0)).code).toBe("invalid-metadata");
  });

  it("treats __proto__ in the header and in __metadata__ as data, never as the prototype", () => {
    const header = '{"__metadata__":{"__proto__":"x","constructor":"y"},"__proto__":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}';
    const { tensors, metadata } = decodeSafetensors(craft(header, 4));
    expect(tensors.map((tensor) => tensor.name)).toEqual(["__proto__"]);
    expect([...metadata]).toEqual([["__proto__", "x"], ["constructor", "y"]]);
  });
});
