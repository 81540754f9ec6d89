import { defineConfig } from "vitest/config";

// `pnpm test:browser`: drives Debian's Chromium against the built playground (dist/).
export default defineConfig({
  test: {
    include: ["test/**/*.browser.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
