import { describe, expect, it } from "vitest";
import { benchmarksMarkdown, epochRatios, formatGflops, formatRatio, formatSeconds, gemmRatioTable, gemmTable, minibatchTable, ratioTable } from "./benchmarks-markdown.js";
import { gemmRatios } from "./gemm-ratios.js";
import type { EpochRow } from "./epoch-row.js";
import type { GemmRow } from "./gemm-bench.js";
import { minibatchRatios } from "./minibatch-ratios.js";
import type { PerfReport } from "./perf-report.js";

function epoch(system: EpochRow["system"], backend: string, dtype: EpochRow["dtype"], task: EpochRow["task"], secondsPerEpoch: number): EpochRow {
  return { system, backend, dtype, task, model: "m", secondsPerEpoch, rows: 10, batchSize: null, warmupEpochs: 1, timedEpochs: 3, threads: 2, cpuModel: "test CPU", nativeIsa: null };
}

function gemm(backend: string, dtype: GemmRow["dtype"], threads: number | null, shape: string, gflops: number): GemmRow {
  return { backend, dtype, threads, shape, gflops, secondsMedian: 1, runs: 5, cpuModel: "test CPU", nativeIsa: null };
}

describe("number formatting", () => {
  it("prints seconds with three significant digits from milliseconds to minutes", () => {
    expect([0.0012345, 0.0456, 0.5, 1.234, 12.345, 187.6].map(formatSeconds)).toEqual(["0.00123", "0.0456", "0.5", "1.23", "12.3", "188"]);
  });

  it("prints GFLOP/s and ratios with two decimals below 10 and one above", () => {
    expect([formatGflops(0.4), formatGflops(46.613)]).toEqual(["0.40", "46.6"]);
    expect([formatRatio(0.0312), formatRatio(1), formatRatio(12.34)]).toEqual(["0.03", "1.00", "12.3"]);
  });
});

describe("epochRatios", () => {
  const rows = [
    epoch("nabla", "nabla/reference", "float32", "classification", 10),
    epoch("nabla", "nabla/native", "float32", "classification", 0.5),
    epoch("nabla", "nabla/native", "float64", "classification", 1),
    epoch("tfjs", "cpu", "float32", "classification", 20),
    epoch("numpy", "openblas", "float64", "classification", 4),
    epoch("numpy", "openblas", "float64", "regression", 0.01),
    epoch("nabla", "nabla/wasm", "float64", "regression", 0.005),
  ];

  it("divides the fastest Nabla backend's seconds by the peer's, matching task and dtype, regression first", () => {
    expect(epochRatios(rows)).toEqual([
      { task: "regression", dtype: "float64", nablaBackend: "nabla/wasm", nablaSeconds: 0.005, peer: "NumPy openblas", peerSeconds: 0.01, ratio: 0.5 },
      { task: "classification", dtype: "float32", nablaBackend: "nabla/native", nablaSeconds: 0.5, peer: "TensorFlow.js cpu", peerSeconds: 20, ratio: 0.025 },
      { task: "classification", dtype: "float64", nablaBackend: "nabla/native", nablaSeconds: 1, peer: "NumPy openblas", peerSeconds: 4, ratio: 0.25 },
    ]);
  });

  it("renders each ratio as a table row", () => {
    const table = ratioTable(epochRatios(rows)).split("\n");
    expect(table[0]).toBe("| Task | dtype | Nabla (fastest backend) | Nabla s/epoch | Peer | Peer s/epoch | Nabla ÷ peer |");
    expect(table[2]).toBe("| regression | float64 | nabla/wasm | 0.005 | NumPy openblas | 0.01 | 0.50 |");
    expect(table[3]).toBe("| classification | float32 | nabla/native | 0.5 | TensorFlow.js cpu | 20.0 | 0.03 |");
    expect(table[4]).toBe("| classification | float64 | nabla/native | 1.00 | NumPy openblas | 4.00 | 0.25 |");
  });
});

describe("gemmTable", () => {
  it("puts one backend, dtype and thread count per row, one shape per column, and a dash where a shape was skipped", () => {
    const table = gemmTable([
      gemm("nabla/native", "float32", 2, "A", 40),
      gemm("nabla/native", "float32", 1, "A", 30),
      gemm("nabla/native", "float32", 1, "B", 20),
      gemm("nabla/reference", "float64", 1, "B", 0.5),
    ]);
    expect(table.split("\n")).toEqual([
      "| Backend | CPU | dtype | Threads | A | B |",
      "| --- | --- | --- | ---: | ---: | ---: |",
      "| nabla/native | test CPU | float32 | 1 | 30.0 | 20.0 |",
      "| nabla/native | test CPU | float32 | 2 | 40.0 | — |",
      "| nabla/reference | test CPU | float64 | 1 | — | 0.50 |",
    ]);
  });

  it("names the native kernels' instruction set path beside the backend", () => {
    const table = gemmTable([{ ...gemm("nabla/native", "float32", 2, "A", 40), nativeIsa: "avx512" }]);
    expect(table.split("\n")[2]).toBe("| nabla/native (avx512) | test CPU | float32 | 2 | 40.0 |");
  });

  it("names a peer's library and BLAS beside it", () => {
    const table = gemmTable([{ ...gemm("numpy", "float32", 2, "A", 40), blas: "NumPy 2.4.6 with scipy-openblas 0.3.31" }]);
    expect(table.split("\n")[2]).toBe("| numpy (NumPy 2.4.6 with scipy-openblas 0.3.31) | test CPU | float32 | 2 | 40.0 |");
  });
});

describe("gemmRatioTable", () => {
  it("sets each product's Nabla and peer GFLOP/s side by side with Nabla ÷ peer", () => {
    const rows = [{ ...gemm("nabla/native", "float32", 2, "X·W", 400), nativeIsa: "avx512" }, { ...gemm("numpy", "float32", 2, "X·W", 320), blas: "NumPy 2.4.6 with openblas" }];
    expect(gemmRatioTable(gemmRatios(rows)).split("\n")[2]).toBe(
      "| X·W | float32 | 2 | nabla/native (avx512) | 400.0 | numpy (NumPy 2.4.6 with openblas) | 320.0 | 1.25 |",
    );
  });
});

describe("minibatchTable", () => {
  it("puts each mini-batch epoch beside its full-batch epoch and NumPy's, with the verdict of the batch-128 target", () => {
    const batch = (row: EpochRow, batchSize: number): EpochRow => ({ ...row, task: `${row.task} batch ${batchSize}` as EpochRow["task"], batchSize });
    const table = minibatchTable(
      minibatchRatios([
        epoch("nabla", "nabla/native", "float32", "classification", 0.25),
        batch(epoch("nabla", "nabla/native", "float32", "classification", 0.5), 128),
        batch(epoch("numpy", "openblas", "float32", "classification", 1), 128),
      ]),
    ).split("\n");
    expect(table[0]).toBe("| Task | System | dtype | Threads | Batch | s/epoch | Full batch s/epoch | ÷ full batch | NumPy s/epoch | ÷ NumPy | Target (÷ full batch) |");
    expect(table[2]).toBe("| classification | Nabla nabla/native | float32 | 2 | 128 | 0.5 | 0.25 | 2.00 | 1.00 | 0.50 | NOT met (≤ 1.4) |");
    // NumPy's row has no full-batch row beside it here, so it is left out.
    expect(table).toHaveLength(3);
  });
});

describe("benchmarksMarkdown", () => {
  const report: PerfReport = {
    command: "pnpm bench:perf --quick",
    quick: true,
    machine: { cpuModel: "Test CPU", cpus: 2, availableParallelism: 2, memoryGiB: 8, node: "v20.0.0", platform: "linux-x64", date: "2025-01-01T00:00:00.000Z" },
    gemm: [gemm("nabla/native", "float32", 1, "A", 30)],
    epochs: [epoch("nabla", "nabla/native", "float32", "regression", 0.004), epoch("tfjs", "wasm", "float32", "regression", 0.05)],
    heap: [],
    skipped: [{ section: "gemm", backend: "nabla/reference", dtype: "float64", threads: 1, what: "A", reason: "too slow" }],
    notes: ["a note"],
  };
  const markdown = benchmarksMarkdown(report);

  it("names the machine, the date and the command above every table", () => {
    expect(markdown).toContain("- CPU: Test CPU, 2 logical CPUs (2 available to Node), 8 GiB memory");
    expect(markdown).toContain("- Node v20.0.0, linux-x64");
    expect(markdown).toContain("- Date: 2025-01-01T00:00:00.000Z");
    // Targets, GEMM, epochs, ratios.
    expect(markdown.match(/Command: `pnpm bench:perf --quick`/g)).toHaveLength(4);
  });

  it("opens with the targets, judged from the same run", () => {
    expect(markdown.indexOf("## Targets")).toBeLessThan(markdown.indexOf("## Matrix products"));
    expect(markdown).toContain("| nabla/native float32 on all cores: ≥ 110 GFLOP/s on each CIFAR product | 30.0 GFLOP/s (1 threads) | NOT met |");
  });

  it("lists what was skipped and why, and leaves out empty sections", () => {
    expect(markdown).toContain("- gemm nabla/reference float64 1 threads A: too slow");
    expect(markdown).toContain("| regression | float32 | nabla/native | 0.004 | TensorFlow.js wasm | 0.05 | 0.08 |");
    expect(markdown).not.toContain("Steady-state heap");
  });
});
