import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isTemporaryFileName } from "./file-system.js";
import { nodeFileSystem } from "./node-file-system.js";

describe("nodeFileSystem.writeFileAtomic", () => {
  it("creates or replaces the file and leaves no temporary file behind", () => {
    const folder = mkdtempSync(join(tmpdir(), "nabla-atomic-"));
    const path = join(folder, "state.json");
    nodeFileSystem.writeFileAtomic(path, "first");
    writeFileSync(join(folder, "other.txt"), "untouched");
    nodeFileSystem.writeFileAtomic(path, new TextEncoder().encode("second"));
    expect(readFileSync(path, "utf8")).toBe("second");
    expect(readdirSync(folder).sort()).toEqual(["other.txt", "state.json"]);
  });

  it("removes its temporary file and rethrows when the rename fails", () => {
    const folder = mkdtempSync(join(tmpdir(), "nabla-atomic-"));
    const target = join(folder, "a-folder");
    mkdirSync(join(target, "not-empty"), { recursive: true });
    expect(() => nodeFileSystem.writeFileAtomic(target, "bytes")).toThrow();
    expect(readdirSync(folder)).toEqual(["a-folder"]);
  });
});

describe("isTemporaryFileName", () => {
  it("recognises writeFileAtomic's temporary files and no finished file", () => {
    expect(isTemporaryFileName(".results.json.4242.0.tmp")).toBe(true);
    expect(isTemporaryFileName(".model-0.safetensors.17.123.tmp")).toBe(true);
    expect(["results.json", ".data-digest.json", "plot.tmp", ".plot.svg.tmp", "x.1.2.tmp"].filter(isTemporaryFileName)).toEqual([]);
  });
});
