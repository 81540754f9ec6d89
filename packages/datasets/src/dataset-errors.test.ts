import { describe, expect, it } from "vitest";
import { ChecksumMismatchError, DatasetFormatError, DatasetNotFoundError } from "./dataset-errors.js";

describe("dataset errors", () => {
  it("DatasetFormatError names the file, the place and the problem", () => {
    const error = new DatasetFormatError("/d/x.bin", "byte 3073 (record 1)", "label 12 is outside 0..9");
    expect(error.name).toBe("DatasetFormatError");
    expect(error.message).toBe("/d/x.bin (byte 3073 (record 1)): label 12 is outside 0..9");
  });

  it("DatasetNotFoundError lists the missing files, the folder, the remedy and the download failure", () => {
    const error = new DatasetNotFoundError("CIFAR-10", ["/d/a.bin", "/d/b.bin"], "/d", "Put the files there.", "offline");
    expect(error.message).toContain("missing file /d/a.bin (and 1 more: /d/b.bin)");
    expect(error.message).toContain("data folder /d");
    expect(error.message).toContain("Put the files there.");
    expect(error.message).toContain("NABLA_DATA_DIR");
    expect(error.message).toContain("Download: offline");
  });

  it("ChecksumMismatchError shows both digests", () => {
    const error = new ChecksumMismatchError("/d/a.tgz", "md5", "aa", "bb");
    expect(error.message).toContain("md5 is bb, expected aa");
  });
});
