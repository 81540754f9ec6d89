import { defineConfig } from "vitest/config";

// A target's cases run inside one test: allow the whole run, not one case, the test's time.
export default defineConfig({ test: { testTimeout: 30 * 60 * 1000 } });
