/** One member of a seed archive: "0" file, "5" folder, "L" GNU long name, "x" pax header. */
interface TarSeedEntry {
  readonly name: string;
  readonly data?: string;
  readonly type?: string;
}

/** Rewrites the checksum of every 512-byte block that carries the ustar magic, so edits to other fields get past it. */
export function resealTarHeaders(tar: Uint8Array): Uint8Array {
  const copy = Buffer.from(tar);
  for (let offset = 0; offset + 512 <= copy.length; offset += 512) {
    if (copy.toString("latin1", offset + 257, offset + 262) !== "ustar") continue;
    copy.fill(32, offset + 148, offset + 156);
    let sum = 0;
    for (let i = offset; i < offset + 512; i++) sum += copy[i];
    copy.write(`${sum.toString(8).padStart(6, "0")}\0 `, offset + 148, "ascii");
  }
  return new Uint8Array(copy);
}

function header(name: string, size: number, type: string): Uint8Array {
  const block = Buffer.alloc(512);
  block.write(name.slice(0, 100), 0, "utf8");
  block.write("0000644\0", 100, "ascii");
  block.write(`${size.toString(8).padStart(11, "0")}\0`, 124, "ascii");
  block.write(type, 156, "ascii");
  block.write("ustar\0" + "00", 257, "ascii");
  block.fill(32, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return block;
}

/** A ustar archive written from the layout, independent of the reader under test. */
function tar(entries: readonly TarSeedEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const data = Buffer.from(entry.data ?? "");
    parts.push(header(entry.name, data.length, entry.type ?? "0"), data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  parts.push(new Uint8Array(1024));
  return new Uint8Array(Buffer.concat(parts));
}

const longName = `${"d".repeat(110)}/data_batch_1.bin`;

/** Archives shaped like the CIFAR-10 download, with a GNU long name and a pax path among them. */
export const TAR_SEEDS: readonly Uint8Array[] = [
  tar([
    { name: "cifar-10-batches-bin/", type: "5" },
    { name: "cifar-10-batches-bin/batches.meta.txt", data: "airplane\nautomobile\n" },
    { name: "cifar-10-batches-bin/data_batch_1.bin", data: "x".repeat(700) },
  ]),
  tar([
    { name: "././@LongLink", type: "L", data: `${longName}\0` },
    { name: longName.slice(0, 100), data: "long" },
  ]),
  tar([
    { name: "PaxHeader", type: "x", data: `${` path=${longName}\n`.length + 3} path=${longName}\n` },
    { name: "short", data: "pax" },
  ]),
];
