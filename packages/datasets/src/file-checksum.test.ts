import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChecksumMismatchError } from "./dataset-errors.js";
import { fileDigest, verifyFileChecksum } from "./file-checksum.js";

// Known digests of the ASCII text "abc" (RFC 1321 test suite, FIPS 180-2 example).
const ABC_MD5 = "900150983cd24fb0d6963f7d28e17f72";
const ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

describe("file checksums", () => {
  const path = join(mkdtempSync(join(tmpdir(), "nabla-sum-")), "abc.txt");
  writeFileSync(path, "abc");

  it("computes md5 and sha256 digests of a file", async () => {
    expect(await fileDigest(path, "md5")).toBe(ABC_MD5);
    expect(await fileDigest(path, "sha256")).toBe(ABC_SHA256);
  });

  it("accepts the published digest in either case", async () => {
    await expect(verifyFileChecksum(path, { algorithm: "md5", hex: ABC_MD5.toUpperCase() })).resolves.toBeUndefined();
  });

  it("throws ChecksumMismatchError naming the file and both digests", async () => {
    const wrong = "0".repeat(32);
    await expect(verifyFileChecksum(path, { algorithm: "md5", hex: wrong })).rejects.toThrow(ChecksumMismatchError);
    await expect(verifyFileChecksum(path, { algorithm: "md5", hex: wrong })).rejects.toThrow(
      `${path}: md5 is ${ABC_MD5}, expected ${wrong}`,
    );
  });
});
