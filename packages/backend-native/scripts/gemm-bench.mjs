// GFLOP/s of the native matmul on the three products of one CIFAR-10 MLP epoch step over the
// whole training set (X[50000×3072], W[3072×100], G[50000×100]), at 1 and 2 threads, in
// float32 and float64, on every instruction set path this CPU runs: the median of a few timed
// runs after one warm-up run. "cores" is the
// process's CPU time over wall time for those runs: well below the thread count means other
// processes were sharing the cores, and the GFLOP/s of that row understate the kernel.
//
//   pnpm --filter @nabla/backend-native build && pnpm --filter @nabla/backend-native bench
//   node scripts/gemm-bench.mjs --dtypes float32 --threads 2 --runs 5 --isas avx512,avx2
import { readFileSync } from "node:fs";
import { Tensor, Xoshiro128Generator } from "@nabla/core";
import { createNativeBackend, isNativeBackendAvailable, supportedNativeIsas } from "../dist/index.js";

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const dtypes = option("dtypes", "float32,float64").split(",");
const threadCounts = option("threads", "1,2").split(",").map(Number);
const runs = Number(option("runs", "3"));
const isas = option("isas", supportedNativeIsas().join(",")).split(",");

if (!isNativeBackendAvailable()) {
  console.error("The native addon is not available: build it with `pnpm --filter @nabla/backend-native build`.");
  process.exit(1);
}

const SAMPLES = 50_000;
const FEATURES = 3_072;
const HIDDEN = 100;

/** A tensor of uniform values in [−1, 1): one random megabyte tiled over the whole array. */
function randomTensor(shape, dtype, backend, seed) {
  const t = Tensor.zeros(shape, { dtype, backend });
  const tile = dtype === "float64" ? new Float64Array(1 << 17) : new Float32Array(1 << 18);
  new Xoshiro128Generator(seed).fillUniform(tile);
  for (let k = 0; k < tile.length; k++) tile[k] = 2 * tile[k] - 1;
  for (let offset = 0; offset < t.size; offset += tile.length) {
    t.data.set(tile.subarray(0, Math.min(tile.length, t.size - offset)), offset);
  }
  return t;
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

const cpuModel = /^model name\s*:\s*(.*)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown CPU";
console.log(`native matmul on ${cpuModel}, median of ${runs} runs after 1 warm-up`);
console.log("isa      dtype    threads  product            m×k·k×n                   ms   GFLOP/s  cores");
for (const dtype of dtypes) {
  // The data is made once per dtype; a backend's matmul only reads and writes the arrays.
  const backends = threadCounts.flatMap((threads) => isas.map((isa) => ({ threads, backend: createNativeBackend({ threads, isa }) })));
  const x = randomTensor([SAMPLES, FEATURES], dtype, backends[0].backend, 1);
  const w = randomTensor([FEATURES, HIDDEN], dtype, backends[0].backend, 2);
  const g = randomTensor([SAMPLES, HIDDEN], dtype, backends[0].backend, 3);
  const products = [
    { name: "forward X·W", a: x, b: w, transposeA: false, transposeB: false },
    { name: "weight grad Xᵀ·G", a: x, b: g, transposeA: true, transposeB: false },
    { name: "input grad G·Wᵀ", a: g, b: w, transposeA: false, transposeB: true },
  ];
  for (const { threads, backend } of backends) {
    for (const { name, a, b, transposeA, transposeB } of products) {
      const m = transposeA ? a.shape[1] : a.shape[0];
      const k = transposeA ? a.shape[0] : a.shape[1];
      const n = transposeB ? b.shape[0] : b.shape[1];
      const out = Tensor.zeros([m, n], { dtype, backend });
      backend.matmul(a, b, out, transposeA, transposeB);
      const times = [];
      const cpuBefore = process.cpuUsage();
      for (let run = 0; run < runs; run++) {
        const start = process.hrtime.bigint();
        backend.matmul(a, b, out, transposeA, transposeB);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const cpu = process.cpuUsage(cpuBefore);
      const cores = (cpu.user + cpu.system) / 1e3 / times.reduce((sum, t) => sum + t, 0);
      const ms = median(times);
      const shape = `${m}×${k}·${k}×${n}`;
      console.log(
        `${backend.isa.padEnd(8)} ${dtype.padEnd(8)} ${String(threads).padEnd(8)} ${name.padEnd(18)} ${shape.padEnd(22)} ${ms.toFixed(1).padStart(7)} ${((2 * m * k * n) / (ms * 1e6)).toFixed(1).padStart(9)} ${cores.toFixed(2).padStart(6)}`,
      );
    }
  }
}
