import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { DatasetNotFoundError } from "./dataset-errors.js";
import { type DatasetSource, ensureDatasetFiles } from "./ensure-dataset-files.js";
import { buildTarGz } from "./tar-fixture.js";

const quiet = { write: () => true, isTTY: false };

const archiveBytes = buildTarGz([
  { name: "Thing/", type: "5" },
  { name: "Thing/a.txt", data: "A" },
  { name: "Thing/b.txt", data: "B" },
  { name: "Thing/notes.html", data: "<p>" },
]);
const md5 = createHash("md5").update(archiveBytes).digest("hex");

function source(checksum = md5): DatasetSource {
  return {
    title: "Thing",
    files: ["thing/a.txt", "thing/b.txt"],
    layout: "Thing/a.txt and Thing/b.txt as thing/a.txt and thing/b.txt",
    archive: {
      mirrors: [
        { url: "https://primary.test/thing.tgz", checksum: { algorithm: "md5", hex: checksum } },
        { url: "https://mirror.test/thing.tgz", checksum: { algorithm: "md5", hex: checksum } },
      ],
      fileName: "thing.tgz",
      entryPath: (entry) => (entry.endsWith(".txt") ? entry.replace("Thing/", "thing/") : undefined),
    },
  };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "nabla-ensure-"));
}

describe("ensureDatasetFiles", () => {
  it("returns the paths of files already present without downloading", async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, "thing"));
    writeFileSync(join(dataDir, "thing/a.txt"), "A");
    writeFileSync(join(dataDir, "thing/b.txt"), "B");
    const fetch = vi.fn();
    const paths = await ensureDatasetFiles(source(), { dataDir, fetch: fetch as unknown as typeof globalThis.fetch });
    expect(paths).toEqual([join(dataDir, "thing/a.txt"), join(dataDir, "thing/b.txt")]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("with download: false, throws DatasetNotFoundError naming the missing path and where to put the files", async () => {
    const dataDir = tempDir();
    const attempt = ensureDatasetFiles(source(), { dataDir, download: false });
    await expect(attempt).rejects.toThrow(DatasetNotFoundError);
    await expect(attempt).rejects.toThrow(`missing file ${join(dataDir, "thing/a.txt")}`);
    await expect(attempt).rejects.toThrow(
      `Get https://primary.test/thing.tgz, unpack it and put Thing/a.txt and Thing/b.txt as thing/a.txt and thing/b.txt in ${dataDir}.`,
    );
    await expect(attempt).rejects.toThrow("NABLA_DATA_DIR");
    await expect(attempt).rejects.toThrow("not attempted (download: false)");
  });

  it("downloads from the next mirror when one fails, verifies, unpacks and removes the archive", async () => {
    const dataDir = tempDir();
    const urls: string[] = [];
    const fetch = (async (url: string) => {
      urls.push(url);
      return url.startsWith("https://primary") ? new Response("gone", { status: 503 }) : new Response(archiveBytes);
    }) as typeof globalThis.fetch;
    const paths = await ensureDatasetFiles(source(), { dataDir, fetch, progress: quiet });
    expect(urls).toEqual(["https://primary.test/thing.tgz", "https://mirror.test/thing.tgz"]);
    expect(paths.map((path) => readFileSync(path, "utf8"))).toEqual(["A", "B"]);
    expect(readdirSync(dataDir)).toEqual(["thing"]);
    expect(existsSync(join(dataDir, "thing/notes.html"))).toBe(false);
  });

  it("does not unpack an archive whose checksum is wrong, and says so", async () => {
    const dataDir = tempDir();
    const fetch = (async () => new Response(archiveBytes)) as unknown as typeof globalThis.fetch;
    const attempt = ensureDatasetFiles(source("0".repeat(32)), { dataDir, fetch, progress: quiet });
    await expect(attempt).rejects.toThrow(DatasetNotFoundError);
    await expect(attempt).rejects.toThrow(
      `https://primary.test/thing.tgz: ${join(dataDir, "thing.tgz")}: md5 is ${md5}, expected ${"0".repeat(32)}`,
    );
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it("without network, explains every mirror's failure", async () => {
    const dataDir = tempDir();
    const fetch = (async () => {
      throw new TypeError("fetch failed", { cause: { code: "ENOTFOUND" } });
    }) as unknown as typeof globalThis.fetch;
    const attempt = ensureDatasetFiles(source(), { dataDir, fetch, progress: quiet });
    await expect(attempt).rejects.toThrow(
      "Download: failed: https://primary.test/thing.tgz: fetch failed (ENOTFOUND); https://mirror.test/thing.tgz: fetch failed (ENOTFOUND).",
    );
  });
});
