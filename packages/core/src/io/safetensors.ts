import { ModelFileError } from "./model-file-error.js";
import { SafetensorsEncodeError } from "./safetensors-encode-error.js";

/**
 * Element types of the safetensors format, in the order of the reference implementation's
 * `Dtype` enum: its writer sorts tensors by this rank (highest first), then by name, so the
 * order here decides the bytes we write. Sub-byte types (F4, F6_*) are not supported.
 */
const DTYPE_BYTES = new Map<string, number>([
  ["BOOL", 1],
  ["U8", 1],
  ["I8", 1],
  ["F8_E5M2", 1],
  ["F8_E4M3", 1],
  ["I16", 2],
  ["U16", 2],
  ["F16", 2],
  ["BF16", 2],
  ["I32", 4],
  ["U32", 4],
  ["F32", 4],
  ["F64", 8],
  ["I64", 8],
  ["U64", 8],
]);
const DTYPE_RANK = new Map([...DTYPE_BYTES.keys()].map((dtype, rank) => [dtype, rank]));

/** A safetensors element type name ("F32", "F64", "U32", …). */
export type SafetensorsDType =
  | "BOOL"
  | "U8"
  | "I8"
  | "F8_E5M2"
  | "F8_E4M3"
  | "I16"
  | "U16"
  | "F16"
  | "BF16"
  | "I32"
  | "U32"
  | "F32"
  | "F64"
  | "I64"
  | "U64";

/** One tensor to write: `data` holds its elements row-major (any typed array of the right byte length). */
export interface SafetensorsTensor {
  /** The tensor's key in the header. */
  name: string;
  /** Element type as safetensors names it ("F32", "F64", …). */
  dtype: SafetensorsDType;
  /** Dimensions; [] for a scalar. */
  shape: readonly number[];
  /** The elements, written little-endian. */
  data: ArrayBufferView;
}

/** One tensor read from a file: `data` is a copy of its little-endian bytes. */
export interface DecodedSafetensor {
  /** The tensor's key in the header. */
  name: string;
  /** Element type as safetensors names it ("F32", "F64", …). */
  dtype: SafetensorsDType;
  /** Dimensions; [] for a scalar. */
  shape: number[];
  /** A copy of its little-endian bytes. */
  data: Uint8Array;
}

/** A decoded file: its tensors in data order and its `__metadata__` (string values only). */
export interface DecodedSafetensors {
  /** The tensors, in the order of their data. */
  tensors: DecodedSafetensor[];
  /** The `__metadata__` entries. */
  metadata: Map<string, string>;
}

/** The format's own limit on the JSON header, which also bounds what a hostile file can make us parse. */
export const MAX_SAFETENSORS_HEADER_BYTES = 100_000_000;

const METADATA_KEY = "__metadata__";
const utf8 = new TextEncoder();

/**
 * Writes tensors in the safetensors format: an 8-byte little-endian header length, a compact
 * JSON header (`__metadata__` first, then tensors sorted as the reference writer sorts them),
 * padded with spaces to a multiple of 8, then the data in header order. For the same tensors and
 * at most one metadata entry the bytes equal Python's `safetensors.numpy.save`; Python writes
 * several metadata entries in hash order, which varies from run to run, where we sort them by key.
 * Elements are written in the host's byte order, little-endian on every engine Nabla runs on.
 */
export function encodeSafetensors(tensors: readonly SafetensorsTensor[], metadata?: Readonly<Record<string, string>>): Uint8Array {
  const entries = tensors.map((tensor) => ({ tensor, nameBytes: utf8.encode(tensor.name), byteLength: checkedByteLength(tensor) }));
  const names = new Set<string>();
  for (const { tensor } of entries) {
    if (tensor.name === METADATA_KEY) throw new SafetensorsEncodeError(tensor.name, "the name is reserved for the metadata");
    if (names.has(tensor.name)) throw new SafetensorsEncodeError(tensor.name, "two tensors have this name");
    names.add(tensor.name);
  }
  entries.sort((a, b) => DTYPE_RANK.get(b.tensor.dtype)! - DTYPE_RANK.get(a.tensor.dtype)! || compareBytes(a.nameBytes, b.nameBytes));

  // Written field by field: a JavaScript object would move integer-like names ("0", "12") to the front.
  const fields: string[] = [];
  if (metadata !== undefined) {
    const sorted = Object.keys(metadata).sort().map((key) => {
      if (typeof metadata[key] !== "string") throw new SafetensorsEncodeError(METADATA_KEY, `the value of "${key}" is not a string`);
      return `${JSON.stringify(key)}:${JSON.stringify(metadata[key])}`;
    });
    fields.push(`${JSON.stringify(METADATA_KEY)}:{${sorted.join(",")}}`);
  }
  let offset = 0;
  for (const { tensor, byteLength } of entries) {
    const entry = { dtype: tensor.dtype, shape: [...tensor.shape], data_offsets: [offset, offset + byteLength] };
    fields.push(`${JSON.stringify(tensor.name)}:${JSON.stringify(entry)}`);
    offset += byteLength;
  }
  const json = utf8.encode(`{${fields.join(",")}}`);
  const headerLength = Math.ceil(json.length / 8) * 8;

  const bytes = new Uint8Array(8 + headerLength + offset);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(headerLength), true);
  bytes.set(json, 8);
  bytes.fill(0x20, 8 + json.length, 8 + headerLength);
  let position = 8 + headerLength;
  for (const { tensor, byteLength } of entries) {
    bytes.set(new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, byteLength), position);
    position += byteLength;
  }
  return bytes;
}

/**
 * Reads a safetensors file without trusting it: the header is parsed as plain JSON (never
 * evaluated, its keys kept as data), every tensor's dtype, shape and byte range are checked
 * against each other and against the file before anything is copied, and the byte ranges must
 * tile the data exactly (no overlap, no gap, nothing past the end). Any problem is a
 * ModelFileError naming `source`. Nothing is allocated beyond the size of `bytes`.
 */
export function decodeSafetensors(bytes: Uint8Array, source = "<bytes>"): DecodedSafetensors {
  const fail = (code: ConstructorParameters<typeof ModelFileError>[0], problem: string): never => {
    throw new ModelFileError(code, source, problem);
  };
  if (bytes.length < 8) fail("truncated", `${bytes.length} bytes is too short for a safetensors file (the header length alone takes 8)`);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (headerLength > BigInt(MAX_SAFETENSORS_HEADER_BYTES)) {
    fail("header-too-large", `the header claims ${headerLength} bytes, more than the ${MAX_SAFETENSORS_HEADER_BYTES} allowed`);
  }
  const dataStart = 8 + Number(headerLength);
  if (dataStart > bytes.length) fail("truncated", `the header claims ${headerLength} bytes but the file has only ${bytes.length - 8} after the length`);

  let header: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, dataStart));
    if (!text.startsWith("{")) throw new Error("it does not start with '{'");
    header = JSON.parse(text);
  } catch (error) {
    fail("invalid-header", `the header (bytes 8–${dataStart}) is not a UTF-8 JSON object: ${(error as Error).message}`);
  }
  if (!isPlainObject(header)) return fail("invalid-header", "the header is not a JSON object");

  const metadata = new Map<string, string>();
  const layout: { name: string; dtype: SafetensorsDType; shape: number[]; begin: number; end: number }[] = [];
  const dataLength = bytes.length - dataStart;
  // Object.entries sees own keys only, so "__proto__" or "constructor" in the header are plain names.
  for (const [name, entry] of Object.entries(header)) {
    if (name === METADATA_KEY) {
      if (!isPlainObject(entry)) fail("invalid-metadata", "__metadata__ is not an object of strings");
      for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
        if (typeof value !== "string") fail("invalid-metadata", `__metadata__ entry "${key}" is not a string`);
        metadata.set(key, value as string);
      }
      continue;
    }
    const where = `tensor "${name}"`;
    if (!isPlainObject(entry)) return fail("invalid-header", `${where} is not an object`);
    const fields = Object.keys(entry).sort().join(",");
    if (fields !== "data_offsets,dtype,shape") fail("invalid-header", `${where} has fields [${fields}], expected dtype, shape and data_offsets`);
    const { dtype, shape, data_offsets: offsets } = entry as Record<string, unknown>;
    const elementBytes = typeof dtype === "string" ? DTYPE_BYTES.get(dtype) : undefined;
    if (elementBytes === undefined) {
      return fail("unknown-dtype", `${where} has dtype ${JSON.stringify(dtype)} (known: ${[...DTYPE_BYTES.keys()].join(", ")})`);
    }
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      return fail("invalid-shape", `${where} has shape ${JSON.stringify(shape)}, expected an array of non-negative integers`);
    }
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0) || offsets[0] > offsets[1]) {
      return fail("invalid-header", `${where} has data_offsets ${JSON.stringify(offsets)}, expected [begin, end] with 0 ≤ begin ≤ end`);
    }
    const [begin, end] = offsets as number[];
    if (end > dataLength) {
      fail("out-of-bounds", `${where} ends at data byte ${end} (file byte ${dataStart + end}) but the data section has ${dataLength} bytes`);
    }
    // Multiplied step by step and stopped once past the byte range, so a huge shape cannot overflow.
    let elements = 1;
    for (const dim of shape as number[]) elements = Math.min(elements * dim, Number.MAX_SAFE_INTEGER);
    if (elements * elementBytes !== end - begin) {
      fail("size-mismatch", `${where}: shape [${shape.join(", ")}] of ${dtype} needs ${elements * elementBytes} bytes but data_offsets [${begin}, ${end}] hold ${end - begin}`);
    }
    layout.push({ name, dtype: dtype as SafetensorsDType, shape: shape as number[], begin, end });
  }

  layout.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let expected = 0;
  for (const { name, begin, end } of layout) {
    if (begin < expected) fail("overlapping-tensors", `tensor "${name}" starts at data byte ${begin}, inside the previous tensor (which ends at ${expected})`);
    if (begin > expected) fail("gap-between-tensors", `data bytes ${expected}–${begin} before tensor "${name}" belong to no tensor`);
    expected = end;
  }
  if (expected !== dataLength) fail("gap-between-tensors", `data bytes ${expected}–${dataLength} at the end of the file belong to no tensor`);

  const tensors = layout.map(({ name, dtype, shape, begin, end }) => ({
    name,
    dtype,
    shape,
    data: bytes.slice(dataStart + begin, dataStart + end),
  }));
  return { tensors, metadata };
}

/** The byte length of a tensor's data, checked against its dtype and shape. */
function checkedByteLength(tensor: SafetensorsTensor): number {
  const elementBytes = DTYPE_BYTES.get(tensor.dtype);
  if (elementBytes === undefined) throw new SafetensorsEncodeError(tensor.name, `unknown dtype ${JSON.stringify(tensor.dtype)}`);
  if (!tensor.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new SafetensorsEncodeError(tensor.name, `shape [${tensor.shape.join(", ")}] is not a list of non-negative integers`);
  }
  const byteLength = tensor.shape.reduce((n, d) => n * d, 1) * elementBytes;
  if (tensor.data.byteLength !== byteLength) {
    throw new SafetensorsEncodeError(tensor.name, `shape [${tensor.shape.join(", ")}] of ${tensor.dtype} needs ${byteLength} bytes, the data has ${tensor.data.byteLength}`);
  }
  return byteLength;
}

/** Orders names as Rust orders `String`s: by their UTF-8 bytes (JavaScript compares UTF-16 units). */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
