import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-errors.js";
import { readZip } from "./read-zip.js";
import { buildZip, centralDirectoryOffset } from "./zip-fixture.js";

const text = (data: Uint8Array) => Buffer.from(data).toString();

describe("readZip", () => {
  it("reads stored entries by name", () => {
    const entries = readZip(buildZip([{ name: "a.txt", data: "hello" }, { name: "dir/b.txt", data: "zip" }]));
    expect(entries.map((e) => e.name)).toEqual(["a.txt", "dir/b.txt"]);
    expect(entries.map((e) => text(e.data))).toEqual(["hello", "zip"]);
  });

  it("reads sizes and offsets from ZIP64 extra fields and the ZIP64 end record", () => {
    const entries = readZip(buildZip([{ name: "a.txt", data: "first" }, { name: "b.txt", data: "second" }], { zip64: true }));
    expect(entries.map((e) => text(e.data))).toEqual(["first", "second"]);
  });

  it("detects corrupt data through the CRC-32", () => {
    const zip = buildZip([{ name: "a.txt", data: "hello" }]);
    zip[30 + 5] ^= 1;
    expect(() => readZip(zip, "z.zip")).toThrow(/z\.zip \(entry "a\.txt", data at byte 35\): CRC-32 is [0-9a-f]{8}, expected [0-9a-f]{8}/);
  });

  it("reports a truncated archive", () => {
    const zip = buildZip([{ name: "a.txt", data: "hello" }]);
    expect(() => readZip(zip.subarray(0, zip.length - 5), "z.zip")).toThrow(DatasetFormatError);
    expect(() => readZip(zip.subarray(0, zip.length - 5), "z.zip")).toThrow(/no end-of-central-directory record/);
  });

  it("reads deflated entries", () => {
    const entries = readZip(buildZip([{ name: "a.txt", data: "hello hello hello" }], { deflate: true }));
    expect(text(entries[0].data)).toBe("hello hello hello");
  });

  it("keeps names such as __proto__ as plain data", () => {
    const entries = readZip(buildZip([{ name: "__proto__", data: "x" }, { name: "constructor", data: "y" }]));
    expect(entries.map((e) => e.name)).toEqual(["__proto__", "constructor"]);
  });

  it("stops inflating at the declared size when the data inflates further", () => {
    const zip = buildZip([{ name: "bomb", data: new Uint8Array(1 << 20) }], { deflate: true });
    const central = centralDirectoryOffset(zip);
    Buffer.from(zip.buffer, zip.byteOffset).writeUInt32LE(1000, central + 24);
    expect(() => readZip(zip, "z.zip")).toThrow(/z\.zip \(entry "bomb", data at byte 34\): cannot inflate to its declared 1000 bytes/);
  });

  it("refuses a declared size that deflate cannot produce from the compressed bytes", () => {
    const zip = buildZip([{ name: "bomb", data: "tiny" }], { deflate: true });
    Buffer.from(zip.buffer, zip.byteOffset).writeUInt32LE(0xfffffff0, centralDirectoryOffset(zip) + 24);
    expect(() => readZip(zip, "z.zip")).toThrow(/more than deflate can produce/);
  });

  it("refuses entries that share compressed bytes", () => {
    const zip = buildZip([{ name: "a", data: new Uint8Array(1 << 22) }], { deflate: true });
    const central = centralDirectoryOffset(zip);
    const entry = zip.subarray(central, zip.length - 22);
    const end = Buffer.from(zip.subarray(zip.length - 22));
    end.writeUInt16LE(3, 8);
    end.writeUInt16LE(3, 10);
    end.writeUInt32LE(entry.length * 3, 12);
    const overlapping = Buffer.concat([zip.subarray(0, central), entry, entry, entry, end]);
    expect(() => readZip(overlapping, "z.zip")).toThrow(/z\.zip \(entry "a", data at byte 31\): .* more than the archive's \d+: entries overlap/);
  });

  it("reports a central directory entry cut short inside its name", () => {
    const zip = buildZip([{ name: "a-long-name.txt", data: "hello" }]);
    const central = centralDirectoryOffset(zip);
    expect(() => readZip(Buffer.concat([zip.subarray(0, central + 50), zip.subarray(zip.length - 22)]), "z.zip")).toThrow(
      `z.zip (byte ${central}): central directory entry 0 needs 61 bytes, 50 present before the end record`,
    );
  });

  it("reports a ZIP64 extra field too short for the sizes it must hold", () => {
    const zip = buildZip([{ name: "a.txt", data: "hello" }], { zip64: true });
    Buffer.from(zip.buffer, zip.byteOffset).writeUInt16LE(8, centralDirectoryOffset(zip) + 46 + 5 + 2);
    expect(() => readZip(zip, "z.zip")).toThrow(/the ZIP64 extra field of entry "a\.txt" is too short/);
  });
});
