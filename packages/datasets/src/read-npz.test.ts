import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readNpz, readNpzFile } from "./read-npz.js";

// numpy 2.4: np.savez(f, a=np.arange(6.).reshape(2, 3), labels=np.array([3, 1, 4], dtype=np.int32)),
// then the same with np.savez_compressed (deflated entries).
const SAVEZ =
  "UEsDBC0AAAAAAAAAIQDwzTtG//////////8FABQAYS5ucHkBABAAsAAAAAAAAACwAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxmOCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCAzKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAAAAAAAAAAAAAAAAAADwPwAAAAAAAABAAAAAAAAACEAAAAAAAAAQQAAAAAAAABRAUEsDBC0AAAAAAAAAIQAuYUj7//////////8KABQAbGFiZWxzLm5weQEAEACMAAAAAAAAAIwAAAAAAAAAk05VTVBZAQB2AHsnZGVzY3InOiAnPGk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoDAAAAAQAAAAQAAABQSwECLQMtAAAAAAAAACEA8M07RrAAAACwAAAABQAAAAAAAAAAAAAAgAEAAAAAYS5ucHlQSwECLQMtAAAAAAAAACEALmFI+4wAAACMAAAACgAAAAAAAAAAAAAAgAHnAAAAbGFiZWxzLm5weVBLBQYAAAAAAgACAGsAAACvAQAAAAA=";
const SAVEZ_COMPRESSED =
  "UEsDBC0AAAAIAAAAIQDwzTtG//////////8FABQAYS5ucHkBABAAsAAAAAAAAABXAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqGuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GkY6CsaaOgq1CmQDLgYU8MEeynCAUBxQWgBKizgAAFBLAwQtAAAACAAAACEALmFI+///////////CgAUAGxhYmVscy5ucHkBABAAjAAAAAAAAABNAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TaaKuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GsY6mjoKtQoUAC5mBgYGRiBmAWIAUEsBAi0DLQAAAAgAAAAhAPDNO0ZXAAAAsAAAAAUAAAAAAAAAAAAAAIABAAAAAGEubnB5UEsBAi0DLQAAAAgAAAAhAC5hSPtNAAAAjAAAAAoAAAAAAAAAAAAAAIABjgAAAGxhYmVscy5ucHlQSwUGAAAAAAIAAgBrAAAAFwEAAAAA";

function expectArrays(arrays: ReturnType<typeof readNpz>): void {
  expect(Object.keys(arrays).sort()).toEqual(["a", "labels"]);
  expect(arrays.a.shape).toEqual([2, 3]);
  expect([...arrays.a.data]).toEqual([0, 1, 2, 3, 4, 5]);
  expect(arrays.labels.dtype).toBe("<i4");
  expect(arrays.labels.data).toBeInstanceOf(Int32Array);
  expect([...arrays.labels.data]).toEqual([3, 1, 4]);
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
});
