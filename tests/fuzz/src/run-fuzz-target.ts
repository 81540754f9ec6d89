import fc from "fast-check";
import { checkFuzzCase } from "./check-fuzz-case.js";
import type { FuzzSettings } from "./fuzz-settings.js";
import type { FuzzTarget } from "./fuzz-target.js";

/** What one target's run found. */
export interface FuzzRunResult {
  readonly target: string;
  /** Cases run (fewer than asked when a failure stopped the run). */
  readonly cases: number;
  readonly seed: number;
  readonly seconds: number;
  /** Cases that hit a known failure (fix owned elsewhere), by its note. */
  readonly knownFailures: ReadonlyMap<string, number>;
  /** The smallest failing case found, and how to replay it. */
  readonly failure?: {
    readonly path: string;
    readonly counterexample: string;
    readonly error: string;
    /** The command that reruns exactly this case. */
    readonly replay: string;
  };
}

const MAX_COUNTEREXAMPLE_CHARS = 2000;

function describeInput<Input>(target: FuzzTarget<Input>, input: Input): string {
  try {
    return target.describe ? target.describe(input) : fc.stringify(input);
  } catch (error) {
    return `(cannot print the input: ${String(error)})`;
  }
}

/**
 * Runs `settings.runs` cases of one target through fast-check (or the one case `settings.path`
 * names) and reports the first failure, shrunk, with the seed and path that replay it.
 */
export async function runFuzzTarget<Input>(
  target: FuzzTarget<Input>,
  settings: FuzzSettings,
  /** Called before each case with its index (a hang watchdog's heartbeat). */
  onCase?: (index: number) => void,
): Promise<FuzzRunResult> {
  const started = performance.now();
  const knownFailures = new Map<string, number>();
  let index = 0;
  const property = fc.asyncProperty(target.input, (input) => {
    onCase?.(index++);
    return checkFuzzCase(target, input, settings, knownFailures);
  });
  let details: fc.RunDetails<[Input]>;
  try {
    details = await fc.check(property, {
      // With a path, fast-check starts at that case: run it alone.
      numRuns: settings.path ? 1 : settings.runs,
      seed: settings.seed,
      ...(settings.path ? { path: settings.path } : {}),
      // A case that never settles (an awaited stream that hangs) fails instead of stalling the run.
      timeout: settings.caseMs * 2,
    });
  } finally {
    target.dispose?.();
  }
  const seconds = (performance.now() - started) / 1000;
  if (!details.failed) return { target: target.name, cases: details.numRuns, seed: settings.seed, seconds, knownFailures };
  const counterexample = details.counterexample ? describeInput(target, details.counterexample[0]) : "(none)";
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return {
    target: target.name,
    cases: details.numRuns,
    seed: settings.seed,
    seconds,
    knownFailures,
    failure: {
      path: details.counterexamplePath ?? "",
      counterexample:
        counterexample.length > MAX_COUNTEREXAMPLE_CHARS ? `${counterexample.slice(0, MAX_COUNTEREXAMPLE_CHARS)}…` : counterexample,
      error,
      replay: `FUZZ_TARGET=${target.name} FUZZ_SEED=${settings.seed} FUZZ_PATH=${details.counterexamplePath} pnpm fuzz`,
    },
  };
}
