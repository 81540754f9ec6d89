import { describe, expect, it } from "vitest";
import { readFuzzSettings } from "./fuzz-settings.js";
import { runFuzzTarget } from "./run-fuzz-target.js";
import { selectFuzzTargets } from "./select-fuzz-targets.js";

// CI runs 300 cases per target; `pnpm fuzz` runs 10,000. FUZZ_SEED/FUZZ_PATH replay a failure here too.
const settings = readFuzzSettings(process.env, 300);

describe(`fuzz targets (FUZZ_SEED=${settings.seed})`, () => {
  for (const target of selectFuzzTargets(settings.targets)) {
    it(`${target.name}: only typed errors, bounded time and memory`, async () => {
      const result = await runFuzzTarget(target, settings);
      const report = result.failure && `${result.failure.error}\ncounterexample: ${result.failure.counterexample}\nreplay: ${result.failure.replay}`;
      expect(report).toBeUndefined();
    });
  }
});
