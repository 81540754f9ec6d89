import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DatasetNotFoundError } from "./dataset-errors.js";
import { type DatasetSource, ensureDatasetFiles } from "./ensure-dataset-files.js";
import { type HttpFixtureRoute, type HttpFixtureServer, startHttpFixtureServer } from "./http-fixture-server.js";
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

describe("ensureDatasetFiles over HTTP, from a mirror on 127.0.0.1, into the default data folder", () => {
  // Random, so it stays large once gzipped: the body arrives in several reads and can be cut off.
  const bigArchive = buildTarGz([
    { name: "Thing/a.txt", data: randomBytes(300_000) },
    { name: "Thing/b.txt", data: "B" },
  ]);
  const bigMd5 = createHash("md5").update(bigArchive).digest("hex");
  let server: HttpFixtureServer | undefined;

  // No dataDir, no NABLA_DATA_DIR: the files go to $XDG_CACHE_HOME/nabla, from NABLA_DATASETS_MIRROR.
  async function serve(route: HttpFixtureRoute): Promise<string> {
    server = await startHttpFixtureServer(new Map([["/datasets/thing.tgz", route]]));
    const cacheHome = tempDir();
    vi.stubEnv("NABLA_DATA_DIR", "");
    vi.stubEnv("XDG_CACHE_HOME", cacheHome);
    vi.stubEnv("NABLA_DATASETS_MIRROR", `${server.url}datasets`);
    return join(cacheHome, "nabla");
  }

  afterEach(async () => {
    vi.unstubAllEnvs();
    await server?.close();
    server = undefined;
  });

  it("downloads with progress, verifies the checksum, unpacks and keeps only the dataset's files", async () => {
    const dataDir = await serve({ body: bigArchive });
    let progress = "";
    const paths = await ensureDatasetFiles(source(bigMd5), { progress: { write: (text: string) => (progress += text), isTTY: false } });
    expect(paths).toEqual([join(dataDir, "thing/a.txt"), join(dataDir, "thing/b.txt")]);
    expect(readFileSync(paths[0])).toHaveLength(300_000);
    expect(server!.requests).toEqual(["/datasets/thing.tgz"]);
    expect(readdirSync(dataDir)).toEqual(["thing"]);
    expect(progress).toContain(`Downloading ${server!.url}datasets/thing.tgz`);
    expect(progress).toMatch(/100%.*done/);
  });

  it("refuses an archive whose checksum differs, saying so, and leaves no file behind", async () => {
    const dataDir = await serve({ body: archiveBytes });
    const attempt = ensureDatasetFiles(source(bigMd5), { progress: quiet });
    await expect(attempt).rejects.toThrow(DatasetNotFoundError);
    await expect(attempt).rejects.toThrow(`${server!.url}datasets/thing.tgz: ${join(dataDir, "thing.tgz")}: md5 is ${md5}, expected ${bigMd5}`);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it("says the transfer broke off when the server dies mid-transfer, and leaves no half-written file", async () => {
    const dataDir = await serve({ body: bigArchive, sentBytes: 1000 });
    const attempt = ensureDatasetFiles(source(bigMd5), { progress: quiet });
    await expect(attempt).rejects.toThrow(DatasetNotFoundError);
    await expect(attempt).rejects.toThrow(new RegExp(`Download: failed: ${server!.url}datasets/thing\\.tgz: the transfer broke off after \\d+ of ${bigArchive.length} bytes: terminated`));
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
