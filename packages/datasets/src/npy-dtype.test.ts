import { describe, expect, it } from "vitest";
import { npyDescrOf, parseNpyDType } from "./npy-dtype.js";

describe("NumPy dtypes", () => {
  it("maps descrs to typed arrays, with byte swapping only for big-endian multi-byte types", () => {
    expect(parseNpyDType("<f8")).toMatchObject({ descr: "<f8", array: Float64Array, swap: false });
    expect(parseNpyDType("=f4")).toMatchObject({ descr: "<f4", array: Float32Array, swap: false });
    expect(parseNpyDType(">i4")).toMatchObject({ descr: "<i4", array: Int32Array, swap: true });
    expect(parseNpyDType("|u1")).toMatchObject({ descr: "|u1", array: Uint8Array, swap: false });
    expect(parseNpyDType("|b1")).toMatchObject({ descr: "|b1", array: Uint8Array });
    expect(parseNpyDType("<i8")?.array).toBe(BigInt64Array);
  });

  it("rejects dtypes it cannot represent", () => {
    expect(parseNpyDType("<f2")).toBeUndefined();
    expect(parseNpyDType("<c16")).toBeUndefined();
    expect(parseNpyDType("<U5")).toBeUndefined();
  });

  it("names the descr NumPy writes for each typed array", () => {
    expect(npyDescrOf(new Float64Array(1))).toBe("<f8");
    expect(npyDescrOf(new Uint8Array(1))).toBe("|u1");
    expect(npyDescrOf(new BigUint64Array(1))).toBe("<u8");
  });
});
