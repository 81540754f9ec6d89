import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/cli.ts"],
  format: ["esm"],
  clean: true,
  sourcemap: true,
  target: "node20",
  banner: { js: "#!/usr/bin/env node" },
  // The peers are loaded from node_modules at run time: TF.js's wasm backend finds its .wasm
  // files beside its own dist, and the optional Nabla backends may be missing or unbuilt.
  noExternal: [/register_all_gradients/],
  external: [
    "@tensorflow/tfjs-core",
    "@tensorflow/tfjs-backend-cpu",
    "@tensorflow/tfjs-backend-wasm",
    "@jax-js/jax",
    "@nabla/backend-native",
    "@nabla/backend-wasm",
  ],
});
