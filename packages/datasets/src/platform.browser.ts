// The browser's side of the platform edge (package.json "imports" → "#platform"). Browsers have
// no file paths and no synchronous inflate: the byte and text readers (readCsv, readNpy, readNpz
// of stored entries, readCifar10Bytes) work; the *File readers and deflated zip entries say so.

/** Paths are a Node idea: read the bytes with fetch or a File and use the byte reader. */
export function readFileSync(path: string): never {
  throw new Error(`Cannot read ${path}: reading files by path needs Node.js; in a browser pass the bytes or text (from fetch or a File) to the matching reader`);
}

/** Opening a file by path needs Node: readCifar10Bytes reads a batch already in memory. */
export function openSync(path: string, _flags: string): never {
  return readFileSync(path);
}

/** Never reached in a browser: openSync throws first. Present so readCifar10Batch's module links. */
export const closeSync = (_fd: number): void => undefined;
/** Never reached in a browser: openSync throws first. */
export const fstatSync = (_fd: number): { size: number } => ({ size: 0 });
/** Never reached in a browser: openSync throws first. */
export const readSync = (_fd: number, _buffer: Uint8Array, _offset: number, _length: number, _position: number): number => 0;

/** Zip entries compressed with deflate need Node's zlib; np.savez (not savez_compressed) stores them uncompressed. */
export function inflateRawSync(_data: Uint8Array): never {
  throw new Error("Deflated zip entries (np.savez_compressed) need Node.js; in a browser use an archive written by np.savez");
}

// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum zip stores per entry.
const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC-32 of `data`, as node:zlib's crc32 computes it. */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
