import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { extractTarGz } from "@nabla/datasets";
import fc from "fast-check";
import { mutatedBytes } from "../byte-mutations.js";
import type { FuzzTarget } from "../fuzz-target.js";
import { ScratchFolder } from "../scratch-folder.js";
import { TAR_SEEDS, resealTarHeaders } from "./tar-seeds.js";

// Most edits go to the tar stream, then gzip it, so they reach the tar reader, half of them with
// the header checksums rewritten so they reach the fields behind it; the rest edit the gzip
// bytes, which mostly tests how decompression errors are reported.
const gzip = (tar: Uint8Array) => new Uint8Array(gzipSync(tar));
const archives = fc.oneof(
  { weight: 2, arbitrary: mutatedBytes(TAR_SEEDS, 1536).map(gzip) },
  { weight: 2, arbitrary: mutatedBytes(TAR_SEEDS, 1536).map((tar) => gzip(resealTarHeaders(tar))) },
  { weight: 1, arbitrary: mutatedBytes(TAR_SEEDS.map((tar) => new Uint8Array(gzipSync(tar))), 64) },
);

const scratch = new ScratchFolder("tar");

/**
 * .tar.gz archives through extractTarGz into a scratch folder, which is emptied after each
 * case. Every other entry is selected, so both the writing and the skipping paths run.
 */
export const tarGzTarget: FuzzTarget<Uint8Array> = {
  name: "tar.gz",
  input: archives,
  async run(bytes) {
    const archive = join(scratch.path, "archive.tar.gz");
    const out = join(scratch.path, "out");
    writeFileSync(archive, bytes);
    let entries = 0;
    try {
      await extractTarGz(archive, () => (entries++ % 2 === 0 ? join(out, `entry-${entries}`) : undefined));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
  inputBytes: (bytes) => bytes.length,
  dispose: () => scratch.remove(),
};
