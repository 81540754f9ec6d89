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
    // Browsers get ESM only; `platform: "browser"` makes any Node built-in a build error.
    entry: ["src/index.browser.ts"],
    format: ["esm"],
    dts: true,
    sourcemap: true,
    platform: "browser",
    target: "es2022",
  },
]);
