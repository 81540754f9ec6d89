import { describe, expect, it } from "vitest";
import { applyByteMutation } from "./byte-mutations.js";

const bytes = new Uint8Array([1, 2, 3, 4]);

describe("applyByteMutation", () => {
  it("truncates, flips, writes over, inserts and deletes at a position taken modulo the length", () => {
    expect([...applyByteMutation(bytes, { kind: "truncate", at: 2 })]).toEqual([1, 2]);
    expect([...applyByteMutation(bytes, { kind: "flip", at: 6, bit: 7 })]).toEqual([1, 0x82, 3, 4]);
    expect([...applyByteMutation(bytes, { kind: "write", at: 3, bytes: new Uint8Array([9, 9]) })]).toEqual([1, 2, 3, 9]);
    expect([...applyByteMutation(bytes, { kind: "insert", at: 1, bytes: new Uint8Array([9]) })]).toEqual([1, 9, 2, 3, 4]);
    expect([...applyByteMutation(bytes, { kind: "delete", at: 1, count: 9 })]).toEqual([1]);
  });

  it("leaves the seed itself unchanged", () => {
    applyByteMutation(bytes, { kind: "flip", at: 0, bit: 0 });
    expect([...bytes]).toEqual([1, 2, 3, 4]);
  });
});
