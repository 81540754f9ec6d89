import { crc32, inflateRawSync } from "#platform";
import { DatasetFormatError } from "./dataset-errors.js";

/** One file of a zip archive. Its name is plain data, never used as a property key. */
export interface ZipEntry {
  /** Its path inside the archive. */
  readonly name: string;
  /** Its uncompressed bytes. */
  readonly data: Uint8Array;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const ZIP64_EXTRA_FIELD = 0x0001;
const STORED = 0;
const DEFLATED = 8;
const UINT32_MAX = 0xffffffff;
const CENTRAL_HEADER_BYTES = 46;
// Deflate cannot expand more than about 1032:1 (258-byte matches coded in 2 bits); an entry that
// declares more than this from its compressed bytes is a bomb or corrupt, refused before inflating.
const MAX_DEFLATE_RATIO = 1032;
const DEFLATE_RATIO_SLACK = 1024;

function uint64(view: DataView, offset: number): number {
  return Number(view.getBigUint64(offset, true));
}

/** Finds the end-of-central-directory record: it sits in the last 22 + 65,535 (comment) bytes. */
function findEndRecord(view: DataView, source: string): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new DatasetFormatError(
    source,
    "end of file",
    "not a zip archive: no end-of-central-directory record (the file may be truncated)",
  );
}

/**
 * Reads every file of a zip archive (stored or deflated entries, ZIP64 included), checking each
 * against its CRC-32. Only the central directory is trusted for sizes: NumPy's savez writes
 * local headers with ZIP64 placeholder sizes. Memory stays within what the file's bytes justify:
 * an entry inflates to at most its declared size, which deflate's ratio bounds, and entries may
 * not share compressed bytes. Any malformed archive throws DatasetFormatError.
 */
export function readZip(buffer: Uint8Array, source = "zip data"): ZipEntry[] {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const end = findEndRecord(view, source);
  let entryCount = view.getUint16(end + 10, true);
  let directoryOffset = view.getUint32(end + 16, true);
  if (
    (entryCount === 0xffff || directoryOffset === UINT32_MAX) &&
    end >= 20 &&
    view.getUint32(end - 20, true) === ZIP64_END_LOCATOR
  ) {
    const zip64End = uint64(view, end - 20 + 8);
    if (zip64End + 56 > buffer.length || view.getUint32(zip64End, true) !== ZIP64_END_OF_CENTRAL_DIRECTORY) {
      throw new DatasetFormatError(source, `byte ${zip64End}`, "expected the ZIP64 end-of-central-directory record");
    }
    entryCount = uint64(view, zip64End + 32);
    directoryOffset = uint64(view, zip64End + 48);
  }

  const entries: ZipEntry[] = [];
  let compressedTotal = 0;
  let offset = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (offset + CENTRAL_HEADER_BYTES > buffer.length || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_HEADER) {
      throw new DatasetFormatError(source, `byte ${offset}`, `expected central directory entry ${i} of ${entryCount}`);
    }
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const expectedCrc = view.getUint32(offset + 16, true);
    let compressedSize = view.getUint32(offset + 20, true);
    let size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    let localOffset = view.getUint32(offset + 42, true);
    const entryEnd = offset + CENTRAL_HEADER_BYTES + nameLength + extraLength + commentLength;
    // The central directory lies before the end record.
    if (entryEnd > end) {
      throw new DatasetFormatError(
        source,
        `byte ${offset}`,
        `central directory entry ${i} needs ${entryEnd - offset} bytes, ${Math.max(0, end - offset)} present before the end record (truncated archive)`,
      );
    }
    const entryStart = offset;
    const name = new TextDecoder().decode(buffer.subarray(offset + CENTRAL_HEADER_BYTES, offset + CENTRAL_HEADER_BYTES + nameLength));

    // ZIP64 extra: the 64-bit values, in this order, of only those fields set to 0xFFFFFFFF.
    let extra = offset + CENTRAL_HEADER_BYTES + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      const fieldEnd = Math.min(extra + 4 + length, extraEnd);
      if (id === ZIP64_EXTRA_FIELD) {
        let field = extra + 4;
        const next64 = (): number => {
          if (field + 8 > fieldEnd) {
            throw new DatasetFormatError(source, `byte ${extra}`, `the ZIP64 extra field of entry "${name}" is too short for the sizes it must hold`);
          }
          field += 8;
          return uint64(view, field - 8);
        };
        if (size === UINT32_MAX) size = next64();
        if (compressedSize === UINT32_MAX) compressedSize = next64();
        if (localOffset === UINT32_MAX) localOffset = next64();
      }
      extra += 4 + length;
    }
    offset = entryEnd;

    if (flags & 1) throw new DatasetFormatError(source, `entry "${name}", central directory byte ${entryStart}`, "encrypted zip entries are not supported");
    if (localOffset + 30 > buffer.length || view.getUint32(localOffset, true) !== LOCAL_FILE_HEADER) {
      throw new DatasetFormatError(source, `byte ${localOffset}`, `expected the local header of entry "${name}"`);
    }
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > buffer.length) {
      throw new DatasetFormatError(
        source,
        `byte ${dataStart}`,
        `entry "${name}" needs ${compressedSize} bytes, ${Math.max(0, buffer.length - dataStart)} present (truncated archive)`,
      );
    }
    // Entries whose data overlap can make a small file inflate many times over; their
    // compressed bytes together cannot exceed the file's.
    compressedTotal += compressedSize;
    if (compressedTotal > buffer.length) {
      throw new DatasetFormatError(
        source,
        `entry "${name}", data at byte ${dataStart}`,
        `the entries' compressed sizes add up to ${compressedTotal} bytes, more than the archive's ${buffer.length}: entries overlap`,
      );
    }
    const raw = buffer.subarray(dataStart, dataStart + compressedSize);
    let data: Uint8Array;
    if (method === STORED) {
      if (size !== compressedSize) {
        throw new DatasetFormatError(source, `entry "${name}", data at byte ${dataStart}`, `a stored entry must declare equal sizes, got ${compressedSize} stored and ${size} uncompressed`);
      }
      data = raw;
    } else if (method === DEFLATED) {
      if (size > compressedSize * MAX_DEFLATE_RATIO + DEFLATE_RATIO_SLACK) {
        throw new DatasetFormatError(
          source,
          `entry "${name}", data at byte ${dataStart}`,
          `declares ${size} bytes from ${compressedSize} compressed, more than deflate can produce (a zip bomb or corrupt header)`,
        );
      }
      try {
        // The limit keeps a lying header from inflating past the size it declared.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, size) });
      } catch (error) {
        throw new DatasetFormatError(
          source,
          `entry "${name}", data at byte ${dataStart}`,
          `cannot inflate to its declared ${size} bytes: ${(error as Error).message}`,
        );
      }
    } else {
      throw new DatasetFormatError(
        source,
        `entry "${name}", data at byte ${dataStart}`,
        `compression method ${method} is not supported (only stored and deflate)`,
      );
    }
    if (data.length !== size) {
      throw new DatasetFormatError(source, `entry "${name}", data at byte ${dataStart}`, `expected ${size} bytes after decompression, got ${data.length}`);
    }
    const actualCrc = crc32(data);
    if (actualCrc !== expectedCrc) {
      throw new DatasetFormatError(
        source,
        `entry "${name}", data at byte ${dataStart}`,
        `CRC-32 is ${actualCrc.toString(16).padStart(8, "0")}, expected ${expectedCrc
          .toString(16)
          .padStart(8, "0")} (corrupt data)`,
      );
    }
    entries.push({ name, data });
  }
  return entries;
}
