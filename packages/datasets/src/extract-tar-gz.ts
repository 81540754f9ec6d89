import { closeSync, createReadStream, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { createGunzip } from "node:zlib";
import { DatasetFormatError } from "./dataset-errors.js";

const BLOCK = 512;
// Long names and pax headers are held in memory until the entry they describe; real ones are a
// path or a few records, so anything larger is refused rather than buffered.
const MAX_LONG_NAME_BYTES = 64 * 1024;
const MAX_PAX_HEADER_BYTES = 1024 * 1024;

/** The fields of a tar header block that extraction needs. */
export interface TarHeader {
  /** The entry's path inside the archive. */
  readonly name: string;
  /** Its size in bytes. */
  readonly size: number;
  /** The ustar type flag: "0" regular file, "5" directory, "L" GNU long name, "x"/"g" pax headers, … */
  readonly type: string;
}

function readString(block: Uint8Array, start: number, length: number): string {
  let end = start;
  while (end < start + length && block[end] !== 0) end++;
  return Buffer.from(block.subarray(start, end)).toString("utf8");
}

// A numeric field: octal digits, optionally padded with leading spaces, ended by NUL or space.
const OCTAL_FIELD = /^ *([0-7]*)[ \0]*$/;

/** A numeric header field read strictly: "12x" or "-1" is a corrupt header, not 10 or -1. */
function readOctal(block: Uint8Array, start: number, length: number, field: string, source: string, offset: number): number {
  const text = Buffer.from(block.subarray(start, start + length)).toString("latin1");
  const digits = OCTAL_FIELD.exec(text)?.[1];
  if (digits === undefined) {
    throw new DatasetFormatError(
      source,
      `tar header at byte ${offset}, ${field} field at byte ${offset + start}`,
      `expected an octal number, got ${JSON.stringify(text)}`,
    );
  }
  return digits === "" ? 0 : parseInt(digits, 8);
}

/**
 * Parses one 512-byte tar header (ustar/GNU/pax); null for an all-zero block (end of archive).
 * The header checksum is verified. `offset` is the block's position in the archive, for errors.
 */
export function parseTarHeader(block: Uint8Array, offset: number, source: string): TarHeader | null {
  if (block.length !== BLOCK) {
    throw new DatasetFormatError(source, `tar header at byte ${offset}`, `a header is ${BLOCK} bytes, got ${block.length}`);
  }
  if (block.every((byte) => byte === 0)) return null;
  // The checksum is the byte sum of the header with its own 8-byte field read as spaces.
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  const stored = readOctal(block, 148, 8, "checksum", source, offset);
  if (sum !== stored) {
    throw new DatasetFormatError(
      source,
      `tar header at byte ${offset}`,
      `header checksum is ${sum}, the header says ${stored}: not a tar archive or corrupt`,
    );
  }
  if (block[124] & 0x80) {
    throw new DatasetFormatError(source, `tar header at byte ${offset}`, "base-256 sizes (entries over 8 GiB) are not supported");
  }
  const name = readString(block, 0, 100);
  const ustar = readString(block, 257, 5) === "ustar";
  const prefix = ustar ? readString(block, 345, 155) : "";
  const type = block[156] === 0 ? "0" : String.fromCharCode(block[156]);
  return { name: prefix ? `${prefix}/${name}` : name, size: readOctal(block, 124, 12, "size", source, offset), type };
}

/**
 * The `path` record of a pax extended header ("<length> <key>=<value>\n" records, `length`
 * counting the whole record). `offset` is where the header's data starts in the archive.
 */
function paxPath(data: Buffer, source: string, offset: number): string | undefined {
  let path: string | undefined;
  let position = 0;
  while (position < data.length && data[position] !== 0) {
    const space = data.indexOf(0x20, position);
    const lengthText = data.subarray(position, space < 0 ? data.length : space).toString("latin1");
    const length = Number(lengthText);
    if (space < 0 || !/^[1-9][0-9]*$/.test(lengthText) || position + length > data.length || data[position + length - 1] !== 0x0a) {
      throw new DatasetFormatError(source, `pax header data at byte ${offset + position}`, "expected a record \"<length> <key>=<value>\\n\"");
    }
    const record = data.subarray(space + 1, position + length - 1).toString("utf8");
    if (record.startsWith("path=")) path = record.slice(5);
    position += length;
  }
  return path;
}

function assertSafeName(name: string, source: string, offset: number): void {
  if (name.startsWith("/") || name.split("/").includes("..")) {
    throw new DatasetFormatError(
      source,
      `tar header at byte ${offset}`,
      `entry "${name}" would be written outside the target folder`,
    );
  }
}

/**
 * Streams a .tar.gz archive through gunzip and writes the regular files for which `destination`
 * returns a path (others are skipped). Each file is written to "<path>.part" and renamed when
 * complete, so an interrupted extraction never leaves a file that looks whole. Returns the paths written.
 */
export async function extractTarGz(
  archivePath: string,
  destination: (entryName: string) => string | undefined,
): Promise<string[]> {
  const written: string[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let archiveOffset = 0;
  let remaining = 0; // data bytes of the current entry still to come
  let padding = 0; // bytes up to the next 512-byte boundary after the data
  let fd: number | undefined;
  let target: string | undefined;
  let entryName = "";
  let collecting: Buffer[] | undefined; // data of a long-name or pax header, which names the next entry
  let collectingType = "";
  let collectingOffset = 0; // where the collected header's data starts, for errors
  let nextName: string | undefined;
  let finished = false;

  const finishEntry = () => {
    if (fd !== undefined && target !== undefined) {
      closeSync(fd);
      renameSync(`${target}.part`, target);
      written.push(target);
    }
    fd = undefined;
    target = undefined;
    if (collecting) {
      const data = Buffer.concat(collecting);
      collecting = undefined;
      nextName = collectingType === "L" ? data.toString("utf8").replace(/\0+$/, "") : paxPath(data, archivePath, collectingOffset) ?? nextName;
    }
  };

  const abandonEntry = () => {
    if (fd !== undefined) closeSync(fd);
    if (target !== undefined) rmSync(`${target}.part`, { force: true });
    fd = undefined;
  };

  const stream = createGunzip();
  // pipe() does not forward read errors (a missing file would leave the loop waiting forever).
  createReadStream(archivePath)
    .on("error", (error) => stream.destroy(error))
    .pipe(stream);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (finished) continue;
      const data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      let position = 0;
      while (position < data.length && !finished) {
        if (remaining > 0) {
          const take = Math.min(remaining, data.length - position);
          const piece = data.subarray(position, position + take);
          if (fd !== undefined) writeSync(fd, piece);
          else if (collecting) collecting.push(Buffer.from(piece));
          position += take;
          archiveOffset += take;
          remaining -= take;
          if (remaining === 0) finishEntry();
          continue;
        }
        if (padding > 0) {
          const take = Math.min(padding, data.length - position);
          position += take;
          archiveOffset += take;
          padding -= take;
          continue;
        }
        if (data.length - position < BLOCK) break;
        const header = parseTarHeader(data.subarray(position, position + BLOCK), archiveOffset, archivePath);
        position += BLOCK;
        archiveOffset += BLOCK;
        if (header === null) {
          finished = true;
          break;
        }
        entryName = nextName ?? header.name;
        if (header.type !== "L" && header.type !== "x" && header.type !== "g") nextName = undefined;
        remaining = header.size;
        padding = (BLOCK - (header.size % BLOCK)) % BLOCK;
        if (header.type === "L" || header.type === "x") {
          const limit = header.type === "L" ? MAX_LONG_NAME_BYTES : MAX_PAX_HEADER_BYTES;
          if (header.size > limit) {
            throw new DatasetFormatError(
              archivePath,
              `tar header at byte ${archiveOffset - BLOCK}`,
              `a ${header.type === "L" ? "GNU long name" : "pax header"} of ${header.size} bytes, more than the ${limit} allowed`,
            );
          }
          collecting = [];
          collectingType = header.type;
          collectingOffset = archiveOffset;
        } else if (header.type === "0" || header.type === "7") {
          assertSafeName(entryName, archivePath, archiveOffset - BLOCK);
          target = destination(entryName);
          if (target !== undefined) {
            mkdirSync(dirname(target), { recursive: true });
            fd = openSync(`${target}.part`, "w");
          }
        }
        if (remaining === 0) finishEntry();
      }
      pending = data.subarray(position);
    }
  } catch (error) {
    abandonEntry();
    // zlib's errors (codes Z_DATA_ERROR, Z_BUF_ERROR, …) mean a corrupt or cut archive; others (ENOENT, EACCES) pass through.
    if (!String((error as NodeJS.ErrnoException).code ?? "").startsWith("Z_")) throw error;
    throw new DatasetFormatError(
      archivePath,
      `after ${archiveOffset} uncompressed bytes`,
      `cannot decompress: ${(error as Error).message}`,
    );
  }
  if (remaining > 0) {
    abandonEntry();
    throw new DatasetFormatError(
      archivePath,
      `byte ${archiveOffset} of the tar stream`,
      `archive ends inside entry "${entryName}": ${remaining} more bytes expected (truncated download?)`,
    );
  }
  if (!finished && pending.length > 0) {
    throw new DatasetFormatError(
      archivePath,
      `byte ${archiveOffset} of the tar stream`,
      `archive ends inside a ${BLOCK}-byte header`,
    );
  }
  return written;
}
