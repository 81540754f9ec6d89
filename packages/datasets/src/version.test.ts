import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DATASETS_VERSION } from "./version.js";

describe("DATASETS_VERSION", () => {
  it("equals the version in package.json", () => {
    const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(DATASETS_VERSION).toBe(packageJson.version);
  });
});
