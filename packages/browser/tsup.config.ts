import { defineConfig } from "tsup";

export default defineConfig({
  // Two files, not one bundle: index.js starts train-worker.js by its URL beside it.
  entry: ["src/index.ts", "src/train-worker.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  platform: "browser",
  target: "es2022",
});
