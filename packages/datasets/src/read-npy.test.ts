import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-errors.js";
import { readNpy, readNpyFile } from "./read-npy.js";

// Written by numpy 2.4 (np.save, or numpy.lib.format.write_array for versions 2.0 and 3.0).
const NUMPY_FILES = {
  // np.array([[1.5, -2, 3.25], [0, 1e-300, -7]])
  f8: "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAD4PwAAAAAAAADAAAAAAAAACkAAAAAAAAAAAFnz+MIfbqUBAAAAAAAAHMA=",
  // np.array([1, -2, 3, 2147483647], dtype="<i4")
  i4: "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDQsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAAA/v///wMAAAD///9/",
  // np.array([[0, 255], [7, 128]], dtype=np.uint8)
  u1: "k05VTVBZAQB2AHsnZGVzY3InOiAnfHUxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDIpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoA/weA",
  // np.array([1.5, -2.25, 3], dtype=">f4")
  bigEndianF4:
    "k05VTVBZAQB2AHsnZGVzY3InOiAnPmY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo/wAAAwBAAAEBAAAA=",
  // np.array([True, False, True])
  bool: "k05VTVBZAQB2AHsnZGVzY3InOiAnfGIxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAE=",
  // np.array([-1, 2**40], dtype="<i8")
  i8: "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAr//////////wAAAAAAAQAA",
  // np.array(3.5)
  scalar:
    "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAMQA==",
  // np.asfortranarray(np.arange(6.).reshape(2, 3))
  fortran:
    "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAAAAAAAAAAAAhAAAAAAAAA8D8AAAAAAAAQQAAAAAAAAABAAAAAAAAAFEA=",
  // version 2.0: np.array([1.0, 2.0], dtype="<f4")
  v2: "k05VTVBZAgB0AAAAeydkZXNjcic6ICc8ZjQnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMiwpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAIA/AAAAQA==",
  // version 3.0: np.array([[1, 2], [3, 4]], dtype="<u4")
  v3: "k05VTVBZAwB0AAAAeydkZXNjcic6ICc8dTQnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMiwgMiksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAAAAgAAAAMAAAAEAAAA",
};

function numpyFile(name: keyof typeof NUMPY_FILES): Uint8Array {
  return new Uint8Array(Buffer.from(NUMPY_FILES[name], "base64"));
}

/** A .npy file built from the format description, independent of writeNpy. */
function handBuiltNpy(header: string, data: Uint8Array, version = 1): Uint8Array {
  const prefix = version === 1 ? 10 : 12;
  const text = header + " ".repeat(63 - ((prefix + header.length) % 64)) + "\n";
  const out = new Uint8Array(prefix + text.length + data.length);
  out.set([0x93, 78, 85, 77, 80, 89, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, text.length, true);
  else view.setUint32(8, text.length, true);
  out.set(Buffer.from(text, "latin1"), prefix);
  out.set(data, prefix + text.length);
  return out;
}

describe("readNpy", () => {
  it("reads NumPy's float64 matrix with its shape", () => {
    const array = readNpy(numpyFile("f8"));
    expect(array.dtype).toBe("<f8");
    expect(array.shape).toEqual([2, 3]);
    expect(array.data).toBeInstanceOf(Float64Array);
    expect([...array.data]).toEqual([1.5, -2, 3.25, 0, 1e-300, -7]);
  });

  it("reads integer, byte, bool and 64-bit dtypes", () => {
    expect([...readNpy(numpyFile("i4")).data]).toEqual([1, -2, 3, 2147483647]);
    const bytes = readNpy(numpyFile("u1"));
    expect(bytes.data).toBeInstanceOf(Uint8Array);
    expect([...bytes.data]).toEqual([0, 255, 7, 128]);
    const flags = readNpy(numpyFile("bool"));
    expect(flags.dtype).toBe("|b1");
    expect([...flags.data]).toEqual([1, 0, 1]);
    expect([...readNpy(numpyFile("i8")).data]).toEqual([-1n, 2n ** 40n]);
  });

  it("swaps big-endian data into native order", () => {
    const array = readNpy(numpyFile("bigEndianF4"));
    expect(array.dtype).toBe("<f4");
    expect([...array.data]).toEqual([1.5, -2.25, 3]);
  });

  it("reads a 0-d array as one element with shape []", () => {
    const array = readNpy(numpyFile("scalar"));
    expect(array.shape).toEqual([]);
    expect([...array.data]).toEqual([3.5]);
  });

  it("reads format versions 2.0 and 3.0", () => {
    expect([...readNpy(numpyFile("v2")).data]).toEqual([1, 2]);
    const v3 = readNpy(numpyFile("v3"));
    expect(v3.shape).toEqual([2, 2]);
    expect([...v3.data]).toEqual([1, 2, 3, 4]);
  });

  it("reads a hand-built file whose data offset is not aligned for Float64Array", () => {
    const values = new Float64Array([0.25, -8]);
    const file = handBuiltNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", new Uint8Array(values.buffer), 2);
    const padded = new Uint8Array(file.length + 1);
    padded.set(file, 1);
    expect([...readNpy(padded.subarray(1)).data]).toEqual([0.25, -8]);
  });

  it("refuses Fortran-order arrays with a message saying how to save them", () => {
    expect(() => readNpy(numpyFile("fortran"), "f.npy")).toThrow(/f\.npy \(header\): .*Fortran.*ascontiguousarray/);
  });

  it("refuses unsupported dtypes and lists the supported ones", () => {
    const file = handBuiltNpy("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(16));
    expect(() => readNpy(file)).toThrow(/unsupported dtype '<c16' \(supported: <f4, <f8/);
  });

  it("reports a truncated header and truncated data with offsets", () => {
    const file = numpyFile("f8");
    expect(() => readNpy(file.subarray(0, 40), "x.npy")).toThrow(DatasetFormatError);
    expect(() => readNpy(file.subarray(0, 40), "x.npy")).toThrow(
      "x.npy (byte 10): truncated header: 118 bytes announced, 30 present",
    );
    expect(() => readNpy(file.subarray(0, file.length - 1), "x.npy")).toThrow(
      "x.npy (byte 128): truncated data: shape [2, 3] of <f8 needs 48 bytes, 47 present",
    );
    expect(() => readNpy(new Uint8Array([1, 2, 3]))).toThrow(/not a \.npy file/);
  });

  it("checks a huge shape against the bytes present before allocating anything", () => {
    const huge = handBuiltNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", new Uint8Array(8));
    expect(() => readNpy(huge, "x.npy")).toThrow(
      "x.npy (byte 128): truncated data: shape [4294967296, 4294967296] of <f8 needs 147573952589676410000 bytes, 8 present",
    );
  });

  it("readNpyFile names the file", () => {
    const path = join(mkdtempSync(join(tmpdir(), "nabla-npy-")), "a.npy");
    writeFileSync(path, numpyFile("i4"));
    expect([...readNpyFile(path).data]).toEqual([1, -2, 3, 2147483647]);
    writeFileSync(path, numpyFile("i4").subarray(0, 130));
    expect(() => readNpyFile(path)).toThrow(path);
  });
});
