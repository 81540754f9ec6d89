import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { ChecksumMismatchError } from "./dataset-errors.js";

/** A published digest of a file, as lowercase hex. */
export interface Checksum {
  /** The digest algorithm. */
  readonly algorithm: "md5" | "sha256";
  /** The digest, lowercase hex. */
  readonly hex: string;
}

/** The hex digest of a file, read as a stream so large archives never sit in memory whole. */
export async function fileDigest(path: string, algorithm: Checksum["algorithm"]): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Throws ChecksumMismatchError unless the file's digest equals the published one. `name` is the
 * file the error names, when `path` is a temporary name for it.
 */
export async function verifyFileChecksum(path: string, checksum: Checksum, name: string = path): Promise<void> {
  const actual = await fileDigest(path, checksum.algorithm);
  if (actual !== checksum.hex.toLowerCase()) throw new ChecksumMismatchError(name, checksum.algorithm, checksum.hex, actual);
}
