// GFLOP/s of the three matrix products of CIFAR-10's first Linear layer on the wasm backend
// (run `pnpm build` first): forward X·W, weight gradient Xᵀ·G, input gradient G·Wᵀ, with
// X [rows × 3072], W [3072 × 100], G [rows × 100]. Prints the median of --runs timed runs after
// one warm-up run (which also lets V8 tier the kernels up), at 2 threads and then at 1.
//
//   node scripts/gemm-bench.mjs [--rows 10000] [--runs 3] [--threads 2] [--dtypes float32,float64]
//
// The default 10,000 rows keep the whole run under a minute; the protocol's 50,000 rows give the
// same rates, as the work per row is the same.
import { Tensor, ops } from "@nabla/core";
import { createWasmBackend } from "../dist/index.js";

const FEATURES = 3072;
const HIDDEN = 100;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const rows = Number(option("rows", "10000"));
const runs = Number(option("runs", "3"));
const threads = Number(option("threads", "2"));
const dtypes = option("dtypes", "float32,float64").split(",");

function fillRandom(tensor, seed) {
  const data = tensor.data;
  let state = seed >>> 0;
  for (let i = 0; i < data.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = state / 2 ** 31 - 1;
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(run) {
  run();
  const times = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const flops = 2 * rows * FEATURES * HIDDEN;
console.log(`wasm backend GEMM, X [${rows} × ${FEATURES}], W [${FEATURES} × ${HIDDEN}], G [${rows} × ${HIDDEN}]: ${(flops / 1e9).toFixed(2)} GFLOP per product, median of ${runs}`);
console.log("product             dtype    threads        ms   GFLOP/s");

for (const dtype of dtypes) {
  const backend = createWasmBackend({ threads });
  const x = Tensor.zeros([rows, FEATURES], { backend, dtype });
  const w = Tensor.zeros([FEATURES, HIDDEN], { backend, dtype });
  const g = Tensor.zeros([rows, HIDDEN], { backend, dtype });
  [x, w, g].forEach((t, i) => fillRandom(t, i + 1));
  const products = [
    ["X·W   (forward)", Tensor.zeros([rows, HIDDEN], { backend, dtype }), (out) => ops.matmul(x, w, { out })],
    ["Xᵀ·G  (weights)", Tensor.zeros([FEATURES, HIDDEN], { backend, dtype }), (out) => ops.matmul(x, g, { transposeA: true, out })],
    ["G·Wᵀ  (input)", Tensor.zeros([rows, FEATURES], { backend, dtype }), (out) => ops.matmul(g, w, { transposeB: true, out })],
  ];
  // Disposing stops the workers, so the second pass measures the same backend on one thread.
  for (const pass of threads > 1 ? [threads, 1] : [1]) {
    if (pass === 1) backend.dispose();
    for (const [name, out, run] of products) {
      const ms = measure(() => run(out));
      console.log(`${name.padEnd(20)}${dtype.padEnd(9)}${String(backend.threads).padStart(7)}${ms.toFixed(1).padStart(10)}${(flops / ms / 1e6).toFixed(1).padStart(10)}`);
    }
  }
}
