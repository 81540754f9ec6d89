import { defineConfig } from "vite";

// Cross-origin isolation (COOP + COEP) lets the training worker share wasm memory with its kernel
// workers, so the wasm backend runs on every core; without it, it runs on one thread.
const CROSS_ORIGIN_ISOLATION = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  server: { headers: CROSS_ORIGIN_ISOLATION },
  preview: { headers: CROSS_ORIGIN_ISOLATION },
  worker: { format: "es" },
  // bench.html is the page `pnpm bench:browser` measures the wasm backend with.
  build: { target: "es2022", rollupOptions: { input: { main: "index.html", bench: "bench.html" } } },
});
