import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "index.node": "src/index.node.ts", "testing/index": "src/testing/index.ts", "conformance/index": "src/testing/conformance.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
});
