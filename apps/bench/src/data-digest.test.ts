import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileDigestCache } from "./data-digest.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("FileDigestCache", () => {
  it("hashes a file once and trusts its size and modification time afterwards, across processes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nabla-digest-"));
    const data = join(dir, "data.bin");
    const cacheFile = join(dir, "cache", "digests.json");
    const fixedTime = 1_700_000_000;
    writeFileSync(data, "aaaa");
    utimesSync(data, fixedTime, fixedTime);
    const first = new FileDigestCache(cacheFile);
    expect(await first.digest(data)).toBe(sha256("aaaa"));
    first.save();

    // Same size, same modification time: the remembered digest is used, the file is not read.
    writeFileSync(data, "bbbb");
    utimesSync(data, fixedTime, fixedTime);
    expect(await new FileDigestCache(cacheFile).digest(data)).toBe(sha256("aaaa"));

    writeFileSync(data, "bbbbb");
    expect(await new FileDigestCache(cacheFile).digest(data)).toBe(sha256("bbbbb"));
    expect(JSON.parse(readFileSync(cacheFile, "utf8"))[data].sha256).toBe(sha256("aaaa"));
  });
});
