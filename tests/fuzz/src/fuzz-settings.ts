import type { CaseBounds } from "./check-fuzz-case.js";

/** How a fuzz run is configured, from the environment so `pnpm fuzz` and `pnpm test` share one switchboard. */
export interface FuzzSettings extends CaseBounds {
  /** Cases per target (`FUZZ_RUNS`). */
  readonly runs: number;
  /** fast-check seed (`FUZZ_SEED`); a fresh one per run when unset, and always printed. */
  readonly seed: number;
  /** fast-check replay path of one failing case (`FUZZ_PATH`), with the seed it came from. */
  readonly path?: string;
  /** How long `pnpm fuzz` waits for one case before stopping it as hung (`FUZZ_HANG_MS`). */
  readonly hangMs: number;
  /** Only the targets with these names (`FUZZ_TARGET`, comma-separated). */
  readonly targets?: readonly string[];
}

function integerFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer, got ${JSON.stringify(text)}`);
  return value;
}

/** Reads FUZZ_RUNS, FUZZ_SEED, FUZZ_PATH, FUZZ_TARGET, FUZZ_CASE_MS and FUZZ_HANG_MS; `defaultRuns` applies when FUZZ_RUNS is unset. */
export function readFuzzSettings(env: NodeJS.ProcessEnv, defaultRuns: number): FuzzSettings {
  return {
    runs: integerFrom(env, "FUZZ_RUNS", defaultRuns),
    seed: integerFrom(env, "FUZZ_SEED", Date.now() ^ (Math.random() * 0x100000000)),
    path: env.FUZZ_PATH || undefined,
    targets: env.FUZZ_TARGET ? env.FUZZ_TARGET.split(",").map((name) => name.trim()) : undefined,
    // Generous for a busy machine: the bound is there to catch a reader that loops, not to time it.
    caseMs: integerFrom(env, "FUZZ_CASE_MS", 5000),
    hangMs: integerFrom(env, "FUZZ_HANG_MS", 60_000),
    memorySlackBytes: 8 * 1024 * 1024,
  };
}
