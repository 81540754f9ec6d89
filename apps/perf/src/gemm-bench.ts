import { Tensor, ops, type Backend, type DType } from "@nabla/core";
import type { DiscoveredBackend } from "./backend-discovery.js";
import type { Skipped } from "./perf-report.js";
import { rowPlatform, type RowPlatform } from "./row-platform.js";
import { fillUniform } from "./synthetic-data.js";
import { median, timeSeconds } from "./timing.js";

/** One of the three products a CIFAR epoch of the report's first Linear layer computes. */
export interface GemmShape {
  name: "forward" | "weight-gradient" | "input-gradient";
  /** As the tables print it, e.g. "X[50000×3072]·W[3072×100]". */
  label: string;
  transposeA: boolean;
  transposeB: boolean;
  /** Multiply-adds are m·n·k. */
  m: number;
  n: number;
  k: number;
}

export interface GemmRow extends RowPlatform {
  /** A Nabla backend's key ("nabla/native"), or a Python peer's library ("numpy", "torch"). */
  backend: string;
  /** A peer's library and BLAS as it reports them, e.g. "NumPy 2.4.6 with scipy-openblas 0.3.31"; absent on Nabla's rows. */
  blas?: string;
  dtype: DType;
  /** Threads the backend's kernels used; null where the backend takes no thread count. */
  threads: number | null;
  shape: string;
  gflops: number;
  secondsMedian: number;
  runs: number;
}

const FEATURES = 3072;
const HIDDEN = 100;

export function cifarGemmShapes(rows: number): GemmShape[] {
  return [
    { name: "forward", label: `X[${rows}×${FEATURES}]·W[${FEATURES}×${HIDDEN}]`, transposeA: false, transposeB: false, m: rows, n: HIDDEN, k: FEATURES },
    {
      name: "weight-gradient",
      label: `Xᵀ·G, X[${rows}×${FEATURES}], G[${rows}×${HIDDEN}]`,
      transposeA: true,
      transposeB: false,
      m: FEATURES,
      n: HIDDEN,
      k: rows,
    },
    {
      name: "input-gradient",
      label: `G[${rows}×${HIDDEN}]·Wᵀ, W[${FEATURES}×${HIDDEN}]`,
      transposeA: false,
      transposeB: true,
      m: rows,
      n: FEATURES,
      k: HIDDEN,
    },
  ];
}

export function gemmGflops(shape: Pick<GemmShape, "m" | "n" | "k">, seconds: number): number {
  return (2 * shape.m * shape.n * shape.k) / seconds / 1e9;
}

interface Operands {
  x: Tensor;
  w: Tensor;
  g: Tensor;
}

function operands(backend: Backend, dtype: DType, rows: number): Operands {
  const make = (shape: number[], seed: number) => {
    const t = Tensor.zeros(shape, { backend, dtype });
    fillUniform(t.data, seed);
    return t;
  };
  return { x: make([rows, FEATURES], 1), w: make([FEATURES, HIDDEN], 2), g: make([rows, HIDDEN], 3) };
}

function product(shape: GemmShape, { x, w, g }: Operands): { a: Tensor; b: Tensor; outShape: number[] } {
  switch (shape.name) {
    case "forward":
      return { a: x, b: w, outShape: [shape.m, shape.n] };
    case "weight-gradient":
      return { a: x, b: g, outShape: [shape.m, shape.n] };
    case "input-gradient":
      return { a: g, b: w, outShape: [shape.m, shape.n] };
  }
}

export interface GemmBenchOptions {
  rows: number;
  runs: number;
  threads: readonly number[];
  dtypes: readonly DType[];
  /** A configuration whose single run is estimated above this is skipped (the slow reference backend at full size). */
  maxSecondsPerRun: number;
  log: (line: string) => void;
  /** Collects garbage and lets finalizers run, so a backend can reuse the memory of dropped tensors. */
  settle: () => Promise<void>;
}

/** Rows of the small product timed first to estimate the full one (it doubles as the warm-up). */
const PROBE_ROWS = 1000;

/**
 * GFLOP/s of the three CIFAR products for every backend, dtype and thread count: the median of
 * `runs` timed runs after an estimate on PROBE_ROWS rows and, where that is cheap, a warm-up run.
 */
export async function runGemmBench(backends: readonly DiscoveredBackend[], options: GemmBenchOptions): Promise<{ rows: GemmRow[]; skipped: Skipped[] }> {
  const rows: GemmRow[] = [];
  const skipped: Skipped[] = [];
  const shapes = cifarGemmShapes(options.rows);
  const probeRows = Math.min(PROBE_ROWS, options.rows);
  for (const discovered of backends) {
    for (const threads of discovered.threaded ? options.threads : [undefined]) {
      const instance = discovered.create(threads);
      try {
        for (const dtype of options.dtypes) {
          const probe = operands(instance.backend, dtype, probeRows);
          const probeShapes = cifarGemmShapes(probeRows);
          let full: Operands | undefined;
          shapes.forEach((shape, i) => {
            const small = product(probeShapes[i], probe);
            const smallOut = Tensor.zeros(small.outShape, { backend: instance.backend, dtype });
            const probeSeconds = timeSeconds(() => ops.matmul(small.a, small.b, { transposeA: shape.transposeA, transposeB: shape.transposeB, out: smallOut }));
            const estimate = (probeSeconds * options.rows) / probeRows;
            const where = `${discovered.key} ${dtype} threads=${instance.threads ?? "default"} ${shape.name}`;
            if (estimate > options.maxSecondsPerRun) {
              const reason = `one run estimated at ${estimate.toFixed(0)} s (from ${probeRows} rows), over the ${options.maxSecondsPerRun} s limit`;
              skipped.push({ section: "gemm", backend: discovered.key, dtype, threads: instance.threads, what: shape.label, reason });
              options.log(`gemm ${where}: skipped, ${reason}`);
              return;
            }
            full ??= operands(instance.backend, dtype, options.rows);
            const { a, b, outShape } = product(shape, full);
            const out = Tensor.zeros(outShape, { backend: instance.backend, dtype });
            const run = () => ops.matmul(a, b, { transposeA: shape.transposeA, transposeB: shape.transposeB, out });
            // A warm-up lets thread pools start and packing buffers grow; skipped where a run is slow anyway.
            if (estimate < 2) run();
            const times = Array.from({ length: options.runs }, () => timeSeconds(run));
            const secondsMedian = median(times);
            const gflops = gemmGflops(shape, secondsMedian);
            rows.push({ backend: discovered.key, dtype, threads: instance.threads, shape: shape.label, gflops, secondsMedian, runs: options.runs, ...rowPlatform(instance.backend) });
            options.log(`gemm ${where}: ${gflops.toFixed(2)} GFLOP/s (median ${secondsMedian.toFixed(3)} s of ${options.runs})`);
          });
          full = undefined;
          await options.settle();
        }
      } finally {
        instance.release();
      }
    }
  }
  return { rows, skipped };
}
