import { formatFuzzTable } from "./format-fuzz-table.js";
import { readFuzzSettings } from "./fuzz-settings.js";
import type { FuzzRunResult } from "./run-fuzz-target.js";
import { runFuzzTargetInWorker } from "./run-fuzz-target-in-worker.js";
import { selectFuzzTargets } from "./select-fuzz-targets.js";

// `pnpm fuzz`: 10,000 cases per target unless FUZZ_RUNS says otherwise.
const settings = readFuzzSettings(process.env, 10_000);
const results: FuzzRunResult[] = [];
for (const target of selectFuzzTargets(settings.targets)) {
  // Printed before the run, so that a case that crashes the process can still be replayed.
  console.log(`${target.name}: ${settings.path ? "replaying 1 case" : `${settings.runs} cases`} with FUZZ_SEED=${settings.seed}`);
  const result = await runFuzzTargetInWorker(target.name, settings, settings.hangMs);
  results.push(result);
  if (result.failure) {
    console.log(`${target.name}: FAILED after ${result.cases} cases\n  ${result.failure.error}\n  counterexample: ${result.failure.counterexample}\n  replay: ${result.failure.replay}`);
  } else {
    console.log(`${target.name}: ${result.cases} cases passed in ${result.seconds.toFixed(1)} s`);
  }
  for (const [note, count] of result.knownFailures) console.log(`  known failure, ${count} cases: ${note}`);
}
console.log(`\n${formatFuzzTable(results)}`);
process.exitCode = results.some((result) => result.failure) ? 1 : 0;
