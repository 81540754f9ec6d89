/** The typed arrays a NumPy array can be read into. */
export type NpyData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

type NpyDataConstructor = { new (length: number): NpyData; readonly BYTES_PER_ELEMENT: number };

interface NpyDTypeInfo {
  /** NumPy's descr with the byte order of the data as read, e.g. "<f8", "|u1". */
  readonly descr: string;
  readonly array: NpyDataConstructor;
}

// Keyed by NumPy kind + item size. Bool is stored as one byte 0/1, so it reads as Uint8Array.
const DTYPES: Record<string, NpyDTypeInfo> = {
  f4: { descr: "<f4", array: Float32Array },
  f8: { descr: "<f8", array: Float64Array },
  i1: { descr: "|i1", array: Int8Array },
  u1: { descr: "|u1", array: Uint8Array },
  b1: { descr: "|b1", array: Uint8Array },
  i2: { descr: "<i2", array: Int16Array },
  u2: { descr: "<u2", array: Uint16Array },
  i4: { descr: "<i4", array: Int32Array },
  u4: { descr: "<u4", array: Uint32Array },
  i8: { descr: "<i8", array: BigInt64Array },
  u8: { descr: "<u8", array: BigUint64Array },
};

/** The NumPy descrs `readNpy` reads, e.g. "<f8", "<f4", "|u1". */
export const SUPPORTED_NPY_DTYPES: readonly string[] = Object.values(DTYPES).map((d) => d.descr);

export interface ParsedNpyDType extends NpyDTypeInfo {
  /** The data is big-endian and must be byte-swapped (typed arrays use the host's little-endian order). */
  readonly swap: boolean;
}

/** Reads a NumPy descr such as "<f8", ">i4", "|u1" or "=f4"; undefined when it is not a supported plain dtype. */
export function parseNpyDType(descr: string): ParsedNpyDType | undefined {
  const match = /^([<>|=])([a-z])(\d+)$/.exec(descr);
  if (!match) return undefined;
  const info = DTYPES[match[2] + match[3]];
  if (!info) return undefined;
  return { ...info, swap: match[1] === ">" && info.array.BYTES_PER_ELEMENT > 1 };
}

/** The descr NumPy writes for a typed array; Uint8Array is "|u1" (not bool). */
export function npyDescrOf(data: NpyData): string {
  if (data instanceof Float32Array) return "<f4";
  if (data instanceof Float64Array) return "<f8";
  if (data instanceof Int8Array) return "|i1";
  if (data instanceof Uint8Array) return "|u1";
  if (data instanceof Int16Array) return "<i2";
  if (data instanceof Uint16Array) return "<u2";
  if (data instanceof Int32Array) return "<i4";
  if (data instanceof Uint32Array) return "<u4";
  if (data instanceof BigInt64Array) return "<i8";
  return "<u8";
}
