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
  const parts = m * n * k < PARALLEL_MIN_MULTIPLY_ADDS ? 1 : Math.max(1, Math.min(threads, Math.ceil(m / ROW_QUANTUM)));
  return cutRows(m, parts, ROW_QUANTUM).filter((range) => range.end > range.start);
}

/**
 * Narrow Linear kernels (one pass over rows, nothing packed) split their rows across threads only
 * when each thread gets at least this many multiply-adds: waking a worker costs tens of microseconds.
 */
export const LINEAR_PARALLEL_MULTIPLY_ADDS = 1 << 20;

/**
 * How to split the rows of a narrow Linear kernel: one contiguous range per thread that gets enough
 * work, and always at least one (empty for no rows), since the weight gradient sums its partial
 * results from every range.
 */
export function planLinearRows(rows: number, multiplyAddsPerRow: number, threads: number): RowRange[] {
  const parts = Math.max(1, Math.min(threads, Math.floor((rows * multiplyAddsPerRow) / LINEAR_PARALLEL_MULTIPLY_ADDS)));
  return cutRows(rows, parts, 1);
}

/** [0, rows) cut into `parts` contiguous ranges of about equal size whose inner edges are multiples of `quantum`. */
function cutRows(rows: number, parts: number, quantum: number): RowRange[] {
  const quanta = Math.ceil(rows / quantum);
  return Array.from({ length: parts }, (_, part) => ({
    start: Math.min(rows, Math.round((quanta * part) / parts) * quantum),
    end: Math.min(rows, Math.round((quanta * (part + 1)) / parts) * quantum),
  }));
}

/**
 * Elementwise kernels generated from expressions split their elements across threads only when
 * each thread gets at least this many: an element costs a few to a few tens of nanoseconds.
 */
export const ELEMENTWISE_PARALLEL_ELEMENTS = 1 << 15;

/** How to split n elements of an elementwise kernel: equal ranges of whole pairs (the kernels' vector width), none empty. */
export function planElementwise(n: number, threads: number): RowRange[] {
  const parts = Math.max(1, Math.min(threads, Math.floor(n / ELEMENTWISE_PARALLEL_ELEMENTS)));
  return cutRows(n, parts, 2).filter((range) => range.end > range.start);
}
