import { type NpyData, npyDescrOf } from "./npy-dtype.js";

// NumPy pads the header so the data starts on a 64-byte boundary, and leaves room for the first
// dimension to grow to 21 digits so a file can be appended to in place.
const ARRAY_ALIGN = 64;
const GROWTH_AXIS_MAX_DIGITS = 21;

function pythonTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/**
 * Encodes a C-order array as a .npy file, byte for byte as numpy.save writes it (format 1.0,
 * or 2.0 when the header would not fit in 65,535 bytes).
 */
export function writeNpy(data: NpyData, shape: readonly number[]): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (shape.some((dim) => !Number.isSafeInteger(dim) || dim < 0) || count !== data.length) {
    throw new RangeError(`writeNpy: shape [${shape.join(", ")}] does not fit ${data.length} elements`);
  }
  let dict = `{'descr': '${npyDescrOf(data)}', 'fortran_order': False, 'shape': ${pythonTuple(shape)}, }`;
  if (shape.length > 0) dict += " ".repeat(GROWTH_AXIS_MAX_DIGITS - String(shape[0]).length);
  // Like NumPy, pad with 1 to 64 spaces (64, not 0, when already aligned).
  const paddedHeader = (prefix: number) => `${dict}${" ".repeat(ARRAY_ALIGN - ((prefix + dict.length + 1) % ARRAY_ALIGN))}\n`;
  let version = 1;
  let prefix = 10;
  let header = paddedHeader(prefix);
  if (header.length > 65535) {
    version = 2;
    prefix = 12;
    header = paddedHeader(prefix);
  }
  const out = new Uint8Array(prefix + header.length + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[prefix + i] = header.charCodeAt(i);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), prefix + header.length);
  return out;
}
