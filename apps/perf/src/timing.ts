export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall-clock seconds one call of `run` takes. */
export function timeSeconds(run: () => void): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

export async function timeSecondsAsync(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

export interface EpochPlan {
  warmup: number;
  epochs: number;
}

/**
 * How many epochs to run given one epoch's estimated seconds: the wanted plan while it fits the
 * budget, else fewer timed epochs and no warm-up (down to `minWarmup`, for systems that compile
 * on their first step), else null when even one epoch would not fit.
 */
export function planEpochs(estimateSeconds: number, budgetSeconds: number, wanted: EpochPlan, minWarmup = 0): EpochPlan | null {
  if (estimateSeconds * (1 + minWarmup) > budgetSeconds) return null;
  if (estimateSeconds * (wanted.warmup + wanted.epochs) <= budgetSeconds) return wanted;
  const warmup = Math.min(wanted.warmup, minWarmup);
  const epochs = Math.max(1, Math.min(wanted.epochs, Math.floor(budgetSeconds / estimateSeconds) - warmup));
  return { warmup, epochs };
}

/**
 * How many rounds to split a plan's timed epochs into when several configurations are timed in
 * alternation: each round trains afresh, with the plan's warm-up, for its share of the epochs. The
 * most rounds, up to `maxRounds` and one timed epoch per round, whose epochs all fit the budget;
 * at least one.
 */
export function interleavedRounds(estimateSeconds: number, budgetSeconds: number, plan: EpochPlan, maxRounds: number): number {
  for (let rounds = Math.min(maxRounds, plan.epochs); rounds > 1; rounds--) {
    if (estimateSeconds * rounds * (plan.warmup + Math.ceil(plan.epochs / rounds)) <= budgetSeconds) return rounds;
  }
  return 1;
}
