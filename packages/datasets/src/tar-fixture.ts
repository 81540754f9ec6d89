import { gzipSync } from "node:zlib";

/** For tests: one archive member. `type` is the ustar type flag ("0" file, "5" folder, "L" GNU long name). */
export interface TarFixtureEntry {
  name: string;
  data?: string | Uint8Array;
  type?: string;
}

function header(name: string, size: number, type: string): Buffer {
  const block = Buffer.alloc(512);
  block.write(name.slice(0, 100), 0, "utf8");
  block.write("0000644\0", 100, "ascii");
  block.write("0000000\0", 108, "ascii");
  block.write("0000000\0", 116, "ascii");
  block.write(`${size.toString(8).padStart(11, "0")}\0`, 124, "ascii");
  block.write("00000000000\0", 136, "ascii");
  block.write(type, 156, "ascii");
  block.write("ustar\0", 257, "ascii");
  block.write("00", 263, "ascii");
  sealTarHeader(block);
  return block;
}

/** For tests: writes the checksum of a 512-byte header block, after the test has edited other fields. */
export function sealTarHeader(block: Uint8Array): void {
  block.fill(32, 148, 156);
  let sum = 0;
  for (const byte of block.subarray(0, 512)) sum += byte;
  Buffer.from(block.buffer, block.byteOffset, 512).write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
}

/** For tests: a tar archive built by hand from the ustar layout (not by the code under test). */
export function buildTar(entries: TarFixtureEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const data = typeof entry.data === "string" ? Buffer.from(entry.data) : Buffer.from(entry.data ?? []);
    parts.push(header(entry.name, data.length, entry.type ?? "0"), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** For tests: buildTar, gzipped. */
export function buildTarGz(entries: TarFixtureEntry[]): Buffer {
  return gzipSync(buildTar(entries));
}
