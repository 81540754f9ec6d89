import { defineConfig } from "vitest/config";

// Packing and npm installs take tens of seconds; one file, run once, in its own process.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
