import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, inflateRawSync, readFileSync } from "./platform.browser.js";

describe("the browser platform edge", () => {
  it("computes the same CRC-32 as node:zlib, so stored zip entries verify in browsers", () => {
    const bytes = Uint8Array.from({ length: 4099 }, (_, i) => (i * 131 + 7) % 256);
    for (const data of [new Uint8Array(0), new TextEncoder().encode("123456789"), bytes]) expect(crc32(data)).toBe(zlibCrc32(data));
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("says that paths and deflated entries need Node, and what to use instead", () => {
    expect(() => readFileSync("data.csv")).toThrow(/Cannot read data\.csv: reading files by path needs Node\.js.*fetch or a File/);
    expect(() => inflateRawSync(new Uint8Array(1))).toThrow(/np\.savez_compressed.*np\.savez/);
  });
});
