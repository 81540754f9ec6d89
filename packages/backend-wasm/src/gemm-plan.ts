/**
 * Products smaller than this many multiply-adds (about half a millisecond of one thread's work) run
 * on the calling thread alone: waking a worker costs tens of microseconds.
 */
export const PARALLEL_MIN_MULTIPLY_ADDS = 1 << 22;

/** Row ranges are multiples of the micro-kernel's height, so only the last range has a ragged tile. */
export const ROW_QUANTUM = 4;

/** A contiguous range of output rows [start, end) that one thread computes. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/**
 * How to split C[m×n] = op(A)·op(B) (shared dimension k) across up to `threads` threads: by rows of
 * C, in equal whole-quantum ranges. Row ranges of C are independent: each thread packs its own
 * slices of op(A) and the whole of op(B), and writes rows no other thread touches. This serves all
 * three products of a Linear layer: the forward X·W and input gradient G·Wᵀ split the batch, and
 * the weight gradient Xᵀ·G splits the input features.
 */
export function planGemmRows(m: number, n: number, k: number, threads: number): RowRange[] {
  if (m === 0 || n === 0) return [];
  const quanta = Math.ceil(m / ROW_QUANTUM);
  const parts = m * n * k < PARALLEL_MIN_MULTIPLY_ADDS ? 1 : Math.max(1, Math.min(threads, quanta));
  const ranges: RowRange[] = [];
  for (let part = 0; part < parts; part++) {
    const start = Math.min(m, Math.round((quanta * part) / parts) * ROW_QUANTUM);
    const end = Math.min(m, Math.round((quanta * (part + 1)) / parts) * ROW_QUANTUM);
    if (end > start) ranges.push({ start, end });
  }
  return ranges;
}
