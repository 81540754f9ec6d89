import { readFileSync } from "#platform";
import { DatasetFormatError } from "./dataset-errors.js";
import { type NpyData, SUPPORTED_NPY_DTYPES, parseNpyDType } from "./npy-dtype.js";

/** An array read from NumPy's .npy format: C-order data, its shape and its dtype descr. */
export interface NpyArray {
  /** The elements in C order, in the typed array that matches the dtype. */
  readonly data: NpyData;
  /** The array's shape (empty for a scalar). */
  readonly shape: readonly number[];
  /** NumPy's descr of `data` as returned, e.g. "<f8", "|u1" (big-endian input is returned swapped to "<"). */
  readonly dtype: string;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

function headerField(header: string, key: string, value: string): string | undefined {
  return new RegExp(`['"]${key}['"]\\s*:\\s*${value}`).exec(header)?.[1];
}

function parseShape(text: string, source: string): number[] {
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return parts.map((part) => {
    const dim = Number(part.replace(/L$/, ""));
    if (!Number.isSafeInteger(dim) || dim < 0) throw new DatasetFormatError(source, "header", `bad shape entry "${part}"`);
    return dim;
  });
}

function byteSwap(bytes: Uint8Array, itemSize: number): void {
  for (let i = 0; i < bytes.length; i += itemSize) {
    for (let a = i, b = i + itemSize - 1; a < b; a++, b--) {
      const t = bytes[a];
      bytes[a] = bytes[b];
      bytes[b] = t;
    }
  }
}

/**
 * Reads a NumPy .npy file (format versions 1.0, 2.0 and 3.0) holding a C-order array of a plain
 * numeric dtype. Fortran-order arrays, structured and object dtypes are refused with a
 * DatasetFormatError, as are short headers and data. `source` names the bytes in errors.
 */
export function readNpy(buffer: Uint8Array, source = "npy data"): NpyArray {
  if (buffer.length < 10 || MAGIC.some((byte, i) => buffer[i] !== byte)) {
    throw new DatasetFormatError(source, "byte 0", 'not a .npy file: it must start with "\\x93NUMPY" and a version');
  }
  const major = buffer[6];
  if (major < 1 || major > 3)
    throw new DatasetFormatError(source, "byte 6", `unsupported .npy format version ${major}.${buffer[7]}`);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (buffer.length < 8 + lengthBytes) {
    throw new DatasetFormatError(source, "byte 8", `truncated: the header length needs ${lengthBytes} bytes`);
  }
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = 8 + lengthBytes;
  const dataStart = headerStart + headerLength;
  if (buffer.length < dataStart) {
    throw new DatasetFormatError(
      source,
      `byte ${headerStart}`,
      `truncated header: ${headerLength} bytes announced, ${buffer.length - headerStart} present`,
    );
  }
  // Versions 1 and 2 write the header in latin1, version 3 in UTF-8.
  const header = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(buffer.subarray(headerStart, dataStart));

  const descr = headerField(header, "descr", `['"]([^'"]*)['"]`);
  const fortran = headerField(header, "fortran_order", "(True|False)");
  const shapeText = headerField(header, "shape", "\\(([^)]*)\\)");
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new DatasetFormatError(
      source,
      `header at byte ${headerStart}`,
      `expected 'descr', 'fortran_order' and 'shape' in ${header.trim()}`,
    );
  }
  if (fortran === "True") {
    throw new DatasetFormatError(
      source,
      "header",
      "the array is stored in Fortran (column-major) order; save it in C order, e.g. np.save(path, np.ascontiguousarray(a))",
    );
  }
  const dtype = parseNpyDType(descr);
  if (!dtype) {
    throw new DatasetFormatError(
      source,
      "header",
      `unsupported dtype '${descr}' (supported: ${SUPPORTED_NPY_DTYPES.join(", ")})`,
    );
  }
  const shape = parseShape(shapeText, source);
  const count = shape.reduce((a, b) => a * b, 1);
  const itemSize = dtype.array.BYTES_PER_ELEMENT;
  const dataBytes = count * itemSize;
  if (buffer.length - dataStart < dataBytes) {
    throw new DatasetFormatError(
      source,
      `byte ${dataStart}`,
      `truncated data: shape [${shape.join(", ")}] of ${descr} needs ${dataBytes} bytes, ${buffer.length - dataStart} present`,
    );
  }
  // Copy into a fresh array: the data offset need not be aligned for a typed-array view.
  const data = new dtype.array(count);
  const bytes = new Uint8Array(data.buffer);
  bytes.set(buffer.subarray(dataStart, dataStart + dataBytes));
  if (dtype.swap) byteSwap(bytes, itemSize);
  return { data, shape, dtype: dtype.descr };
}

/** readNpy on a file; errors name the file. */
export function readNpyFile(path: string): NpyArray {
  return readNpy(readFileSync(path), path);
}
