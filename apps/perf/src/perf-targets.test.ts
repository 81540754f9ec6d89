import { describe, expect, it } from "vitest";
import type { EpochRow } from "./epoch-row.js";
import type { GemmRow } from "./gemm-bench.js";
import type { HeapRow } from "./heap-bench.js";
import type { PerfReport } from "./perf-report.js";
import { targetChecks } from "./perf-targets.js";

function epoch(system: EpochRow["system"], backend: string, dtype: EpochRow["dtype"], task: EpochRow["task"], secondsPerEpoch: number, batchSize: number | null = null): EpochRow {
  return { system, backend, dtype, task, model: "m", secondsPerEpoch, rows: 10, batchSize, warmupEpochs: 1, timedEpochs: 3, threads: 2, cpuModel: "test CPU", nativeIsa: null };
}

function gemm(backend: string, threads: number, gflops: number[]): GemmRow[] {
  return ["forward", "weight-gradient", "input-gradient"].map((shape, i) => ({ backend, dtype: "float32", threads, shape, gflops: gflops[i], secondsMedian: 1, runs: 3, cpuModel: "test CPU", nativeIsa: null }));
}

function heap(backend: string, firstMiB: number, lastMiB: number): HeapRow {
  const [first, last] = [firstMiB * 2 ** 20, lastMiB * 2 ** 20];
  return { backend, dtype: "float64", task: "regression", epochs: 100, collected: true, samples: [first, last], every: 10, first, last, max: last, arrayBuffersFirst: 0, arrayBuffersLast: 0, cpuModel: "test CPU", nativeIsa: null };
}

function report(overrides: Partial<PerfReport>): PerfReport {
  return {
    command: "pnpm bench:perf",
    quick: false,
    machine: { cpuModel: "cpu", cpus: 2, availableParallelism: 2, memoryGiB: 8, node: "v20", platform: "linux-x64", date: "today" },
    gemm: [...gemm("nabla/wasm", 1, [20, 20, 20]), ...gemm("nabla/wasm", 2, [50, 31, 45]), ...gemm("nabla/native", 2, [130, 109, 150])],
    epochs: [
      epoch("nabla", "nabla/wasm", "float32", "classification", 1.5),
      epoch("nabla", "nabla/native", "float32", "classification", 0.6),
      epoch("numpy", "openblas", "float64", "classification", 2),
      epoch("tfjs", "wasm", "float32", "classification", 70),
      epoch("tfjs", "cpu", "float32", "classification", 110),
      epoch("nabla", "nabla/native", "float64", "regression", 0.004),
      epoch("nabla", "nabla/native", "float32", "regression", 0.002),
      epoch("nabla", "nabla/reference", "float32", "regression", 0.001),
      epoch("numpy", "openblas", "float64", "regression", 0.009),
    ],
    minibatch: [
      epoch("nabla", "nabla/native", "float32", "classification", 0.25),
      epoch("nabla", "nabla/native", "float32", "classification batch 128", 0.3, 128),
      epoch("nabla", "nabla/wasm", "float32", "classification", 1),
      epoch("nabla", "nabla/wasm", "float32", "classification batch 128", 1.3, 128),
      epoch("numpy", "openblas", "float32", "classification batch 128", 1.5, 128),
    ],
    heap: [heap("nabla/native", 5, 5.1), heap("nabla/wasm", 5, 5.2)],
    skipped: [],
    notes: [],
    ...overrides,
  };
}

describe("targetChecks", () => {
  it("decides each target from the run's own numbers", () => {
    const checks = targetChecks(report({}));
    expect(checks.map((c) => c.met)).toEqual([true, true, false, true, true, true, true, undefined, undefined, true, true]);
    // wasm: the slowest product at the most threads decides, not the one-thread rows.
    expect(checks[0].measured).toBe("50.0 / 31.0 / 45.0 GFLOP/s (2 threads)");
    // wasm epoch over NumPy float64: 1.5 / 2.
    expect(checks[1].measured).toContain("= 0.75");
    // native: 109 GFLOP/s on one product misses 110.
    expect(checks[2].measured).toBe("130.0 / 109.0 / 150.0 GFLOP/s (2 threads)");
    // regression: the reference backend's row is not a compiled backend and is left out.
    expect(checks[4].measured).toBe("native float64 0.44, native float32 0.22 (NumPy 0.00900 s)");
    // TensorFlow.js's best backend is its wasm one: 70 / 1.5.
    expect(checks[6].measured).toContain("= 47×");
    // native at batch 128: 0.3 / 0.25 and under NumPy's 1.5 s.
    expect(checks[9].measured).toBe("0.300 s ÷ 0.250 s full batch = 1.20; NumPy 1.50 s");
  });

  it("fails the heap target on growth and the epoch targets when too slow", () => {
    const checks = targetChecks(
      report({
        heap: [heap("nabla/native", 5, 6)],
        epochs: [
          epoch("nabla", "nabla/wasm", "float32", "classification", 1.9),
          epoch("nabla", "nabla/native", "float32", "classification", 0.8),
          epoch("numpy", "openblas", "float64", "classification", 2),
          epoch("tfjs", "wasm", "float32", "classification", 70),
          epoch("nabla", "nabla/native", "float64", "regression", 0.004),
          epoch("numpy", "openblas", "float64", "regression", 0.009),
        ],
        minibatch: [
          // native over 1.4× its full batch; wasm within 1.4× but slower than NumPy.
          epoch("nabla", "nabla/native", "float32", "classification", 0.2),
          epoch("nabla", "nabla/native", "float32", "classification batch 128", 0.3, 128),
          epoch("nabla", "nabla/wasm", "float32", "classification", 1.2),
          epoch("nabla", "nabla/wasm", "float32", "classification batch 128", 1.6, 128),
          epoch("numpy", "openblas", "float32", "classification batch 128", 1.5, 128),
        ],
      }),
    );
    expect(checks.map((c) => c.met)).toEqual([true, false, false, false, false, false, false, undefined, undefined, false, false]);
  });

  it("puts native GEMM beside NumPy's product by product, and the native epoch beside NumPy float32's", () => {
    const numpyRows = gemm("numpy", 2, [120, 110, 100]);
    const base = report({});
    const withNumpy = (nativeEpoch: number) =>
      targetChecks({
        ...base,
        gemm: [...base.gemm, ...numpyRows],
        epochs: [...base.epochs.filter((r) => !(r.backend === "nabla/native" && r.task === "classification")), epoch("nabla", "nabla/native", "float32", "classification", nativeEpoch), epoch("numpy", "openblas", "float32", "classification", 1)],
      });
    const [gemmCheck, epochCheck] = withNumpy(0.6).slice(7);
    // native 130 / 109 / 150 over NumPy 120 / 110 / 100: the weight gradient is behind.
    expect(gemmCheck).toMatchObject({ measured: "1.08 / 0.99 / 1.50 (2 threads)", met: false });
    expect(epochCheck).toMatchObject({ met: true });
    expect(epochCheck.measured).toContain("= 0.60");
    expect(withNumpy(0.61)[8].met).toBe(false);
  });

  it("says what is missing instead of judging a target without its numbers", () => {
    const checks = targetChecks(report({ gemm: [], epochs: [], minibatch: [], heap: [] }));
    expect(checks.every((c) => c.met === undefined)).toBe(true);
    expect(checks[1].measured).toMatch(/^not measured/);
  });
});
