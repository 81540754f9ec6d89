import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-errors.js";
import { readZip } from "./read-zip.js";

/**
 * A zip of stored entries built from the APPNOTE layout. With `zip64`, the central directory
 * puts 0xFFFFFFFF in the size and offset fields and the real values in a ZIP64 extra field,
 * and the end record points to a ZIP64 end record.
 */
function buildZip(files: Record<string, string>, zip64 = false): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(data.length), 4);
      extra.writeBigUInt64LE(BigInt(data.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : data.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    centrals.push(central, nameBytes, extra);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const count = Object.keys(files).length;
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, ...tail, end]));
}

const text = (data: Uint8Array) => Buffer.from(data).toString();

describe("readZip", () => {
  it("reads stored entries by name", () => {
    const entries = readZip(buildZip({ "a.txt": "hello", "dir/b.txt": "zip" }));
    expect(entries.map((e) => e.name)).toEqual(["a.txt", "dir/b.txt"]);
    expect(entries.map((e) => text(e.data))).toEqual(["hello", "zip"]);
  });

  it("reads sizes and offsets from ZIP64 extra fields and the ZIP64 end record", () => {
    const entries = readZip(buildZip({ "a.txt": "first", "b.txt": "second" }, true));
    expect(entries.map((e) => text(e.data))).toEqual(["first", "second"]);
  });

  it("detects corrupt data through the CRC-32", () => {
    const zip = buildZip({ "a.txt": "hello" });
    zip[30 + 5] ^= 1;
    expect(() => readZip(zip, "z.zip")).toThrow(/z\.zip \(entry "a\.txt"\): CRC-32 is [0-9a-f]{8}, expected [0-9a-f]{8}/);
  });

  it("reports a truncated archive", () => {
    const zip = buildZip({ "a.txt": "hello" });
    expect(() => readZip(zip.subarray(0, zip.length - 5), "z.zip")).toThrow(DatasetFormatError);
    expect(() => readZip(zip.subarray(0, zip.length - 5), "z.zip")).toThrow(/no end-of-central-directory record/);
  });
});
