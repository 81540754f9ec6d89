import { describe, expect, it } from "vitest";
import { readNpy } from "./read-npy.js";
import { writeNpy } from "./write-npy.js";

// np.save of np.array([[1.5, -2, 3.25], [0, 1e-300, -7]]) and np.array([1, -2, 3, 2147483647], dtype="<i4").
const NUMPY_F8 =
  "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAD4PwAAAAAAAADAAAAAAAAACkAAAAAAAAAAAFnz+MIfbqUBAAAAAAAAHMA=";
const NUMPY_I4 =
  "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDQsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAAA/v///wMAAAD///9/";
// np.save of np.array(3.5): a 0-d array.
const NUMPY_SCALAR =
  "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAMQA==";

describe("writeNpy", () => {
  it("writes the same bytes as numpy.save", () => {
    expect(Buffer.from(writeNpy(new Float64Array([1.5, -2, 3.25, 0, 1e-300, -7]), [2, 3])).toString("base64")).toBe(NUMPY_F8);
    expect(Buffer.from(writeNpy(new Int32Array([1, -2, 3, 2147483647]), [4])).toString("base64")).toBe(NUMPY_I4);
    expect(Buffer.from(writeNpy(new Float64Array([3.5]), [])).toString("base64")).toBe(NUMPY_SCALAR);
  });

  it("writes only the viewed part of a subarray and reads back", () => {
    const values = new Uint8Array([9, 1, 2, 3, 4, 9]).subarray(1, 5);
    const back = readNpy(writeNpy(values, [2, 2]));
    expect(back.dtype).toBe("|u1");
    expect(back.shape).toEqual([2, 2]);
    expect([...back.data]).toEqual([1, 2, 3, 4]);
  });

  it("refuses a shape that does not match the data", () => {
    expect(() => writeNpy(new Float32Array(5), [2, 3])).toThrow("shape [2, 3] does not fit 5 elements");
  });
});
