import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
  },
  {
    // `platform: "browser"` resolves "#platform" to platform.browser.ts and fails on any Node built-in.
    entry: ["src/index.browser.ts"],
    format: ["esm"],
    dts: true,
    sourcemap: true,
    platform: "browser",
    target: "es2022",
  },
]);
