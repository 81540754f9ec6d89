import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-errors.js";
import { readNpz, readNpzFile } from "./read-npz.js";
import { writeNpy } from "./write-npy.js";
import { buildZip } from "./zip-fixture.js";

// numpy 2.4: np.savez(f, a=np.arange(6.).reshape(2, 3), labels=np.array([3, 1, 4], dtype=np.int32)),
// then the same with np.savez_compressed (deflated entries).
const SAVEZ =
  "UEsDBC0AAAAAAAAAIQDwzTtG//////////8FABQAYS5ucHkBABAAsAAAAAAAAACwAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxmOCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCAzKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAAAAAAAAAAAAAAAAAADwPwAAAAAAAABAAAAAAAAACEAAAAAAAAAQQAAAAAAAABRAUEsDBC0AAAAAAAAAIQAuYUj7//////////8KABQAbGFiZWxzLm5weQEAEACMAAAAAAAAAIwAAAAAAAAAk05VTVBZAQB2AHsnZGVzY3InOiAnPGk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoDAAAAAQAAAAQAAABQSwECLQMtAAAAAAAAACEA8M07RrAAAACwAAAABQAAAAAAAAAAAAAAgAEAAAAAYS5ucHlQSwECLQMtAAAAAAAAACEALmFI+4wAAACMAAAACgAAAAAAAAAAAAAAgAHnAAAAbGFiZWxzLm5weVBLBQYAAAAAAgACAGsAAACvAQAAAAA=";
const SAVEZ_COMPRESSED =
  "UEsDBC0AAAAIAAAAIQDwzTtG//////////8FABQAYS5ucHkBABAAsAAAAAAAAABXAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqGuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GkY6CsaaOgq1CmQDLgYU8MEeynCAUBxQWgBKizgAAFBLAwQtAAAACAAAACEALmFI+///////////CgAUAGxhYmVscy5ucHkBABAAjAAAAAAAAABNAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TaaKuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GsY6mjoKtQoUAC5mBgYGRiBmAWIAUEsBAi0DLQAAAAgAAAAhAPDNO0ZXAAAAsAAAAAUAAAAAAAAAAAAAAIABAAAAAGEubnB5UEsBAi0DLQAAAAgAAAAhAC5hSPtNAAAAjAAAAAoAAAAAAAAAAAAAAIABjgAAAGxhYmVscy5ucHlQSwUGAAAAAAIAAgBrAAAAFwEAAAAA";

function expectArrays(arrays: ReturnType<typeof readNpz>): void {
  expect([...arrays.keys()].sort()).toEqual(["a", "labels"]);
  const a = arrays.get("a")!;
  const labels = arrays.get("labels")!;
  expect(a.shape).toEqual([2, 3]);
  expect([...a.data]).toEqual([0, 1, 2, 3, 4, 5]);
  expect(labels.dtype).toBe("<i4");
  expect(labels.data).toBeInstanceOf(Int32Array);
  expect([...labels.data]).toEqual([3, 1, 4]);
}

describe("readNpz", () => {
  it("reads numpy.savez archives (stored entries)", () => {
    expectArrays(readNpz(Buffer.from(SAVEZ, "base64")));
  });

  it("reads numpy.savez_compressed archives (deflated entries)", () => {
    expectArrays(readNpz(Buffer.from(SAVEZ_COMPRESSED, "base64")));
  });

  it("readNpzFile reads a file and names it in errors", () => {
    const bytes = Buffer.from(SAVEZ, "base64");
    const path = join(mkdtempSync(join(tmpdir(), "nabla-npz-")), "x.npz");
    writeFileSync(path, bytes);
    expectArrays(readNpzFile(path));
    writeFileSync(path, bytes.subarray(0, 100));
    expect(() => readNpzFile(path)).toThrow(path);
  });

  it("keys arrays named __proto__, constructor and prototype as plain data", () => {
    const npy = writeNpy(new Float64Array([7]), [1]);
    const names = ["__proto__", "constructor", "prototype"];
    const arrays = readNpz(buildZip(names.map((name) => ({ name: `${name}.npy`, data: npy }))));
    expect([...arrays.keys()]).toEqual(names);
    expect([...arrays.get("__proto__")!.data]).toEqual([7]);
    expect(Object.getPrototypeOf(arrays)).toBe(Map.prototype);
  });

  it("refuses two arrays with one name", () => {
    const npy = writeNpy(new Float64Array([7]), [1]);
    const zip = buildZip([
      { name: "x.npy", data: npy },
      { name: "x", data: npy },
    ]);
    expect(() => readNpz(zip, "d.npz")).toThrow(DatasetFormatError);
    expect(() => readNpz(zip, "d.npz")).toThrow('d.npz (entry "x"): a second array named "x"');
  });
});
