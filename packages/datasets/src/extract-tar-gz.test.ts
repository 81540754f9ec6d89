import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DatasetFormatError } from "./dataset-errors.js";
import { extractTarGz, parseTarHeader } from "./extract-tar-gz.js";
import { buildTar, buildTarGz, sealTarHeader } from "./tar-fixture.js";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "nabla-tar-"));
}

function writeArchive(dir: string, bytes: Uint8Array): string {
  const path = join(dir, "a.tar.gz");
  writeFileSync(path, bytes);
  return path;
}

describe("parseTarHeader", () => {
  it("reads name, size and type, and returns null for the zero end block", () => {
    const tar = buildTar([{ name: "dir/file.txt", data: "x".repeat(700) }]);
    expect(parseTarHeader(tar.subarray(0, 512), 0, "t")).toEqual({ name: "dir/file.txt", size: 700, type: "0" });
    expect(parseTarHeader(new Uint8Array(512), 0, "t")).toBeNull();
  });

  it("rejects a block whose checksum does not match, naming the offset", () => {
    const block = buildTar([{ name: "a", data: "1" }]).subarray(0, 512);
    block[0] = "b".charCodeAt(0);
    expect(() => parseTarHeader(block, 1024, "x.tar")).toThrow(/x\.tar \(tar header at byte 1024\): header checksum/);
  });

  it("reads sizes strictly: octal digits only, not the number parseInt finds in front", () => {
    const block = buildTar([{ name: "a", data: "1" }]).subarray(0, 512);
    block.write("0000000001x\0", 124, "latin1");
    sealTarHeader(block);
    expect(() => parseTarHeader(block, 512, "x.tar")).toThrow(
      'x.tar (tar header at byte 512, size field at byte 636): expected an octal number, got "0000000001x\\u0000"',
    );
  });

  it("refuses a block that is not 512 bytes", () => {
    expect(() => parseTarHeader(new Uint8Array(100), 0, "x.tar")).toThrow(DatasetFormatError);
  });
});

describe("extractTarGz", () => {
  it("writes the selected files, skipping folders and unselected entries", async () => {
    const dir = tempDir();
    const big = new Uint8Array(5000).map((_, i) => i % 251);
    const archive = writeArchive(
      dir,
      buildTarGz([
        { name: "top/", type: "5" },
        { name: "top/a.txt", data: "alpha" },
        { name: "top/big.bin", data: big },
        { name: "top/empty", data: "" },
        { name: "top/readme.html", data: "<html>" },
      ]),
    );
    const out = join(dir, "out");
    const written = await extractTarGz(archive, (name) =>
      name.endsWith(".html") || name.endsWith("/") ? undefined : join(out, name),
    );
    expect(written).toEqual([join(out, "top/a.txt"), join(out, "top/big.bin"), join(out, "top/empty")]);
    expect(readFileSync(join(out, "top/a.txt"), "utf8")).toBe("alpha");
    expect(new Uint8Array(readFileSync(join(out, "top/big.bin")))).toEqual(big);
    expect(readFileSync(join(out, "top/empty")).length).toBe(0);
    expect(existsSync(join(out, "top/readme.html"))).toBe(false);
  });

  it("uses GNU long names for the entry that follows", async () => {
    const dir = tempDir();
    const longName = `${"d".repeat(120)}/file.txt`;
    const archive = writeArchive(
      dir,
      buildTarGz([
        { name: "././@LongLink", type: "L", data: `${longName}\0` },
        { name: longName.slice(0, 100), data: "long" },
      ]),
    );
    const seen: string[] = [];
    await extractTarGz(archive, (name) => {
      seen.push(name);
      return join(dir, "long.txt");
    });
    expect(seen).toEqual([longName]);
    expect(readFileSync(join(dir, "long.txt"), "utf8")).toBe("long");
  });

  it("refuses a GNU long name larger than any path, before buffering it", async () => {
    const dir = tempDir();
    const archive = writeArchive(dir, buildTarGz([{ name: "././@LongLink", type: "L", data: "n".repeat(65 * 1024) }]));
    await expect(extractTarGz(archive, () => undefined)).rejects.toThrow(
      /\(tar header at byte 0\): a GNU long name of 66560 bytes, more than the 65536 allowed/,
    );
  });

  it("refuses a pax header whose record length runs past its data", async () => {
    const dir = tempDir();
    const archive = writeArchive(dir, buildTarGz([{ name: "pax", type: "x", data: "99 path=a\n" }, { name: "a", data: "1" }]));
    await expect(extractTarGz(archive, () => undefined)).rejects.toThrow(/\(pax header data at byte 512\): expected a record/);
  });

  it("reads archives written by Python's tarfile in GNU and pax formats, long names included", async () => {
    // tarfile.open(format=GNU_FORMAT / PAX_FORMAT) holding data/short.txt and data/<110 x>/long-name.txt, gzipped.
    const archives = {
      gnu: "H4sIAAAAAAACA+3VSw6CMBSF4Y5dRTcgvbxk6gLYRBNQiQgJ1ITlSxloJCaOIBr+b3KbTm9PT2GdNf2l7VzgBqcWIaNDkkxzNJ8iYfw6+/tQ0lCUFrWCe+9sp7XaqGn1+lTV5U5hewITmGPeNue8aq5qufx/yP0z85FE7/mXLEsypXPyv7jC///Dqkw9Prd9Y2/lcpWDH9r/9/6f5T9OJQrp/zX4LGqfReofAAAAAAAAAAAAAP7aAzeL3dEAKAAA",
      pax: "H4sIAAAAAAACA+3VuwrCMBhA4cw+RV7AJukNHARHR18h0GqFWqWN0Me36aB4AadGpOdbErJkCCd/YZ1VXXVuXeR6JyahB3majuvgddXaJI+9Pzc6y7SQWgRw7Zxth+vFPI1PL/fHulwIzE+kIrXZ2X5b2qJsp+v/Q/f35uP3/mNjhOzpf3ImWcmLddW68IOgD0rV5+awbOyp9LOH/+cXQjz79/kfP/efZDo3zP8QfILSJ0h+AAAAAAAAAAAAAPDXbh2thIsAKAAA",
    };
    for (const base64 of Object.values(archives)) {
      const dir = tempDir();
      const archive = writeArchive(dir, Buffer.from(base64, "base64"));
      const contents: Record<string, string> = {};
      let index = 0;
      await extractTarGz(archive, (name) => {
        const path = join(dir, `entry-${index++}`);
        contents[name] = path;
        return path;
      });
      expect(Object.keys(contents)).toEqual(["data/short.txt", `data/${"x".repeat(110)}/long-name.txt`]);
      expect(readFileSync(contents["data/short.txt"], "utf8")).toBe("short file\n");
      expect(readFileSync(contents[`data/${"x".repeat(110)}/long-name.txt`], "utf8")).toBe("long name\n");
    }
  });

  it("refuses entries that would escape the target folder", async () => {
    const dir = tempDir();
    const archive = writeArchive(dir, buildTarGz([{ name: "../evil.txt", data: "x" }]));
    await expect(extractTarGz(archive, (name) => join(dir, "out", name))).rejects.toThrow(/outside the target folder/);
  });

  it("reports an archive cut inside an entry and leaves no partial file", async () => {
    const dir = tempDir();
    const tar = buildTar([{ name: "a.bin", data: new Uint8Array(2000) }]);
    const archive = writeArchive(dir, gzipSync(tar.subarray(0, 512 + 1000)));
    const out = join(dir, "out");
    const attempt = extractTarGz(archive, (name) => join(out, name));
    await expect(attempt).rejects.toThrow(DatasetFormatError);
    await expect(attempt).rejects.toThrow('archive ends inside entry "a.bin": 1000 more bytes expected');
    expect(readdirSync(out)).toEqual([]);
  });

  it("rejects when the archive cannot be read", async () => {
    await expect(extractTarGz(join(tempDir(), "absent.tar.gz"), () => undefined)).rejects.toThrow(/ENOENT/);
  });

  it("reports a gzip stream that is not complete", async () => {
    const dir = tempDir();
    const gz = buildTarGz([{ name: "a.txt", data: "alpha" }]);
    const archive = writeArchive(dir, gz.subarray(0, gz.length - 12));
    await expect(extractTarGz(archive, () => undefined)).rejects.toThrow(/cannot decompress/);
  });
});
