// The measurements `pnpm bench:browser` takes, the same code in Chromium (bench-worker.ts) and in
// Node (scripts/bench-browser.mjs bundles it): one wasm GEMM and a California Housing epoch.
import "@nabla/activations";
import "@nabla/layers";
import "@nabla/losses";
import "@nabla/optimizers";
import { createWasmBackend } from "@nabla/backend-wasm";
import { Tensor, buildModel, fit, type Backend, type ModelSpec } from "@nabla/core";

/** The forward product of the CIFAR MLP's first Linear layer, on 10,000 rows (BENCHMARKS.md uses 50,000). */
export const GEMM = { m: 10_000, n: 100, k: 3072 };
/** California Housing's training rows (80 % of 20,640), as in BENCHMARKS.md's regression epoch. */
const TRAIN_ROWS = 16_512;
const FEATURES = 8;
const GEMM_RUNS = 5;
const WARM_UP_EPOCHS = 3;
const TIMED_EPOCHS = 20;

/** The report's regression network (ReLU w/ Adam), trained full batch as the report did. */
const REGRESSION_SPEC: ModelSpec = {
  specVersion: 1,
  input: { shape: [FEATURES] },
  layers: [
    { type: "linear", options: { in: FEATURES, out: 16 } },
    { type: "relu" },
    { type: "linear", options: { in: 16, out: 16 } },
    { type: "relu" },
    { type: "linear", options: { in: 16, out: 1 } },
  ],
  loss: { type: "mse" },
  optimizer: { type: "adam", options: { lr: 0.001 } },
};

/** What one run measured. */
export interface WasmMeasurement {
  threads: number;
  relaxedSimd: boolean;
  gemmGflops: number;
  regressionEpochSeconds: number;
}

/** Median of a few timings, so one preemption on a shared machine does not set the number. */
function medianSeconds(runs: number, body: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    body();
    times.push((performance.now() - start) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

function uniformTensor(backend: Backend, shape: number[], seed: number): Tensor {
  const tensor = Tensor.zeros(shape, { backend });
  let state = seed;
  for (let i = 0; i < tensor.size; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    tensor.data[i] = state / 2 ** 32 - 0.5;
  }
  return tensor;
}

/**
 * GEMM GFLOP/s (2·m·n·k over the median of 5 products after one warm-up) and seconds per
 * full-batch epoch of the regression network (median of 20 after 3 warm-up epochs), float32, on a
 * wasm backend with `threads`. `table` is the playground's California Housing asset (rows × 9).
 */
export async function measureWasm(threads: number, table: Float32Array): Promise<WasmMeasurement> {
  const backend = createWasmBackend({ threads });
  await backend.whenThreadsStarted();

  const a = uniformTensor(backend, [GEMM.m, GEMM.k], 1);
  const b = uniformTensor(backend, [GEMM.k, GEMM.n], 2);
  const c = Tensor.zeros([GEMM.m, GEMM.n], { backend });
  backend.matmul(a, b, c, false, false);
  const gemmSeconds = medianSeconds(GEMM_RUNS, () => backend.matmul(a, b, c, false, false));

  const x = Tensor.zeros([TRAIN_ROWS, FEATURES], { backend });
  const y = Tensor.zeros([TRAIN_ROWS, 1], { backend });
  for (let r = 0; r < TRAIN_ROWS; r++) {
    x.data.set(table.subarray(r * 9, r * 9 + FEATURES), r * FEATURES);
    y.data[r] = table[r * 9 + FEATURES];
  }
  standardizeColumns(x);
  const model = buildModel(REGRESSION_SPEC, { backend, seed: 42 });
  fit(model, x, y, { epochs: WARM_UP_EPOCHS });
  const epochSeconds = medianSeconds(TIMED_EPOCHS, () => fit(model, x, y, { epochs: 1 }));

  const measurement = { threads: backend.threads, relaxedSimd: backend.features.relaxedSimd, gemmGflops: (2 * GEMM.m * GEMM.n * GEMM.k) / gemmSeconds / 1e9, regressionEpochSeconds: epochSeconds };
  backend.dispose();
  return measurement;
}

// Raw features span 1 to 35,682 (Population): standardized, Adam's steps stay finite.
function standardizeColumns(x: Tensor): void {
  for (let j = 0; j < x.cols; j++) {
    let sum = 0;
    let squares = 0;
    for (let r = 0; r < x.rows; r++) sum += x.data[r * x.cols + j];
    const mean = sum / x.rows;
    for (let r = 0; r < x.rows; r++) squares += (x.data[r * x.cols + j] - mean) ** 2;
    const scale = Math.sqrt(squares / x.rows) || 1;
    for (let r = 0; r < x.rows; r++) x.data[r * x.cols + j] = (x.data[r * x.cols + j] - mean) / scale;
  }
}
