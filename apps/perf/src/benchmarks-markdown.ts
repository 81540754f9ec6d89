import type { DType } from "@nabla/core";
import { fastestEpoch, type EpochRow } from "./epoch-row.js";
import type { GemmRow } from "./gemm-bench.js";
import { gemmRatios, type GemmRatio } from "./gemm-ratios.js";
import type { HeapRow } from "./heap-bench.js";
import type { PerfReport } from "./perf-report.js";
import { targetChecks, type TargetCheck } from "./perf-targets.js";
import { minibatchRatios, type MinibatchRatio } from "./minibatch-ratios.js";
import { pluginRatios, type PluginRatio } from "./plugin-ratios.js";

/** Nabla's fastest backend against one peer configuration, on one task and dtype. */
export interface RatioRow {
  task: string;
  dtype: DType;
  nablaBackend: string;
  nablaSeconds: number;
  peer: string;
  peerSeconds: number;
  /** Nabla's seconds per epoch ÷ the peer's: below 1, Nabla is faster. */
  ratio: number;
}

/** Three significant digits, without exponents for the epoch times that occur (ms to minutes). */
export function formatSeconds(seconds: number): string {
  if (seconds >= 100) return seconds.toFixed(0);
  if (seconds >= 10) return seconds.toFixed(1);
  if (seconds >= 1) return seconds.toFixed(2);
  return Number(seconds.toPrecision(3)).toString();
}

export function formatGflops(gflops: number): string {
  return gflops >= 10 ? gflops.toFixed(1) : gflops.toFixed(2);
}

export function formatRatio(ratio: number): string {
  return ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2);
}

export function formatMiB(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(2);
}

function table(header: readonly string[], align: readonly ("l" | "r")[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(align.map((a) => (a === "r" ? "---:" : "---"))), ...rows.map(line)].join("\n");
}

function peerLabel(row: Pick<EpochRow, "system" | "backend">): string {
  const names = { nabla: "Nabla", tfjs: "TensorFlow.js", "jax-js": "jax-js", numpy: "NumPy", torch: "PyTorch" } as const;
  return `${names[row.system]} ${row.backend}`;
}

/** For every peer row, the same task and dtype on Nabla's fastest backend, as a ratio of seconds per epoch. */
export function epochRatios(epochs: readonly EpochRow[]): RatioRow[] {
  const ratios: RatioRow[] = [];
  for (const peer of epochs.filter((row) => row.system !== "nabla")) {
    const nabla = fastestEpoch(epochs, { system: "nabla", task: peer.task, dtype: peer.dtype });
    if (!nabla) continue;
    ratios.push({
      task: peer.task,
      dtype: peer.dtype,
      nablaBackend: nabla.backend,
      nablaSeconds: nabla.secondsPerEpoch,
      peer: peerLabel(peer),
      peerSeconds: peer.secondsPerEpoch,
      ratio: nabla.secondsPerEpoch / peer.secondsPerEpoch,
    });
  }
  const taskOrder = ["regression", "classification"];
  return ratios.sort((a, b) => taskOrder.indexOf(a.task) - taskOrder.indexOf(b.task) || a.dtype.localeCompare(b.dtype));
}

/** A GEMM row's system as the tables name it: a Nabla backend with its native path, or a peer with its BLAS. */
function gemmLabel(row: GemmRow): string {
  if (row.blas) return `${row.backend} (${row.blas})`;
  return row.nativeIsa ? `${row.backend} (${row.nativeIsa})` : row.backend;
}

/** One row per backend or peer (with the native kernels' path or the peer's BLAS), dtype and thread count; one column per product. */
export function gemmTable(rows: readonly GemmRow[]): string {
  const shapes = [...new Set(rows.map((r) => r.shape))];
  const keyOf = (r: GemmRow) => `${gemmLabel(r)}|${r.cpuModel}|${r.dtype}|${r.threads ?? "default"}`;
  const ordered = [...rows].sort((a, b) => a.backend.localeCompare(b.backend) || a.dtype.localeCompare(b.dtype) || (a.threads ?? 0) - (b.threads ?? 0));
  const keys = [...new Set(ordered.map(keyOf))];
  const body = keys.map((key) => {
    const [backend, cpu, dtype, threads] = key.split("|");
    const cells = shapes.map((shape) => {
      const found = rows.find((r) => keyOf(r) === key && r.shape === shape);
      return found ? formatGflops(found.gflops) : "—";
    });
    return [backend, cpu, dtype, threads, ...cells];
  });
  return table(["Backend", "CPU", "dtype", "Threads", ...shapes], ["l", "l", "l", "r", ...shapes.map(() => "r" as const)], body);
}

/** Nabla's fastest backend over each peer, product by product, GFLOP/s: above 1, Nabla is faster. */
export function gemmRatioTable(ratios: readonly GemmRatio[]): string {
  return table(
    ["Product", "dtype", "Threads", "Nabla", "Nabla GFLOP/s", "Peer", "Peer GFLOP/s", "Nabla ÷ peer"],
    ["l", "l", "r", "l", "r", "l", "r", "r"],
    ratios.map((r) => [
      r.shape,
      r.dtype,
      r.threads === null ? "default" : String(r.threads),
      gemmLabel(r.nabla),
      formatGflops(r.nabla.gflops),
      gemmLabel(r.peer),
      formatGflops(r.peer.gflops),
      formatRatio(r.ratio),
    ]),
  );
}

export function epochTable(rows: readonly EpochRow[]): string {
  return table(
    ["Task", "Model", "System", "dtype", "Threads", "Rows", "s/epoch", "Epochs (warm-up + timed)"],
    ["l", "l", "l", "l", "r", "r", "r", "r"],
    rows.map((r) => [
      r.task,
      r.model,
      peerLabel(r),
      r.dtype,
      r.threads === null ? "default" : String(r.threads),
      String(r.rows),
      formatSeconds(r.secondsPerEpoch),
      `${r.warmupEpochs} + ${r.timedEpochs}`,
    ]),
  );
}

export function ratioTable(ratios: readonly RatioRow[]): string {
  return table(
    ["Task", "dtype", "Nabla (fastest backend)", "Nabla s/epoch", "Peer", "Peer s/epoch", "Nabla ÷ peer"],
    ["l", "l", "l", "r", "l", "r", "r"],
    ratios.map((r) => [r.task, r.dtype, r.nablaBackend, formatSeconds(r.nablaSeconds), r.peer, formatSeconds(r.peerSeconds), formatRatio(r.ratio)]),
  );
}

/** The plugin components' epochs over their built-ins', with each target's verdict. */
export function pluginRatioTable(ratios: readonly PluginRatio[]): string {
  const verdict = (r: PluginRatio) => (r.target === undefined ? "—" : r.ratio <= r.target ? `met (≤ ${r.target})` : `NOT met (≤ ${r.target})`);
  return table(
    ["Backend", "dtype", "Comparison", "Plugin s/epoch", "Built-in s/epoch", "Ratio", "Target"],
    ["l", "l", "l", "r", "r", "r", "l"],
    ratios.map((r) => [r.backend, r.dtype, r.comparison, formatSeconds(r.plugin), formatSeconds(r.builtIn), formatRatio(r.ratio), verdict(r)]),
  );
}

/** Each mini-batch epoch over its full-batch epoch, and a Nabla row's over NumPy's of the same batch. */
export function minibatchTable(ratios: readonly MinibatchRatio[]): string {
  const verdict = (r: MinibatchRatio) => (r.target === undefined ? "—" : r.ratio <= r.target ? `met (≤ ${r.target})` : `NOT met (≤ ${r.target})`);
  const numpy = (r: MinibatchRatio) => (r.numpySecondsPerEpoch === undefined ? ["—", "—"] : [formatSeconds(r.numpySecondsPerEpoch), formatRatio(r.secondsPerEpoch / r.numpySecondsPerEpoch)]);
  return table(
    ["Task", "System", "dtype", "Threads", "Batch", "s/epoch", "Full batch s/epoch", "÷ full batch", "NumPy s/epoch", "÷ NumPy", "Target (÷ full batch)"],
    ["l", "l", "l", "r", "r", "r", "r", "r", "r", "r", "l"],
    ratios.map((r) => [
      r.task,
      peerLabel(r),
      r.dtype,
      r.threads === null ? "default" : String(r.threads),
      String(r.batchSize),
      formatSeconds(r.secondsPerEpoch),
      formatSeconds(r.fullBatchSecondsPerEpoch),
      formatRatio(r.ratio),
      ...numpy(r),
      verdict(r),
    ]),
  );
}

export function heapTable(rows: readonly HeapRow[]): string {
  return table(
    ["Backend", "dtype", "Task", "Epochs", "First MiB", "Last MiB", "Max MiB", "Samples (MiB, every 10 epochs)"],
    ["l", "l", "l", "r", "r", "r", "r", "l"],
    rows.map((r) => [
      r.backend,
      r.dtype,
      r.task,
      String(r.epochs),
      formatMiB(r.first),
      formatMiB(r.last),
      formatMiB(r.max),
      r.samples.map(formatMiB).join(", "),
    ]),
  );
}

export function targetTable(checks: readonly TargetCheck[]): string {
  const verdict = (met: boolean | undefined) => (met === undefined ? "—" : met ? "met" : "NOT met");
  return table(["Target", "Measured in this run", "Verdict"], ["l", "l", "l"], checks.map((c) => [c.target, c.measured, verdict(c.met)]));
}

function commandLine(report: PerfReport): string {
  return `Command: \`${report.command}\``;
}

/** BENCHMARKS.md: the machine, then each table with the command that produced it. */
export function benchmarksMarkdown(report: PerfReport): string {
  const { machine } = report;
  const parts = [
    "# Benchmarks",
    "",
    "Written by `apps/perf` (`pnpm bench:perf`). All data are synthetic, of the shapes of the report's",
    "experiments: California Housing's 16,512 training rows × 8 features and CIFAR-10's 50,000 × 3,072",
    `(${report.quick ? "5,000 rows here: this is a --quick run" : "all 50,000 rows"}). Times are wall-clock medians.`,
    "",
    "## Machine",
    "",
    `- CPU: ${machine.cpuModel}, ${machine.cpus} logical CPUs (${machine.availableParallelism} available to Node), ${machine.memoryGiB} GiB memory`,
    `- Node ${machine.node}, ${machine.platform}`,
    `- Date: ${machine.date}`,
    "",
  ];
  if (report.epochs.length > 0 || report.gemm.length > 0) {
    parts.push(
      "## Targets",
      "",
      commandLine(report),
      "",
      "The performance targets of the fast-kernels issue, each decided by numbers from the tables below (same run, side by side).",
      "",
      targetTable(targetChecks(report)),
      "",
    );
  }
  if (report.gemm.length > 0) {
    const runs = [...new Set(report.gemm.map((r) => r.runs))].join(", ");
    parts.push(
      "## Matrix products (GFLOP/s)",
      "",
      commandLine(report),
      "",
      `The three products of the first Linear layer of the CIFAR MLP (forward, weight gradient, input gradient); GFLOP/s = 2·m·n·k / median seconds of ${runs} runs.`,
      "",
      gemmTable(report.gemm),
      "",
    );
    const ratios = gemmRatios(report.gemm);
    if (ratios.length > 0) {
      parts.push(
        "## Matrix products, Nabla ÷ peer",
        "",
        commandLine(report),
        "",
        "GFLOP/s of Nabla's fastest backend over the peer's, same product, dtype and thread count, same run: above 1, Nabla is faster.",
        "",
        gemmRatioTable(ratios),
        "",
      );
    }
  }
  if (report.epochs.length > 0) {
    parts.push(
      "## Seconds per epoch",
      "",
      commandLine(report),
      "",
      "One epoch = one full-batch step: forward, loss, backward, Adam update. Nabla trains through `buildModel` + `fit`, which skips the first layer's input gradient; the NumPy script computes it, as the report did.",
      "",
      epochTable(report.epochs),
      "",
    );
    const ratios = epochRatios(report.epochs);
    if (ratios.length > 0) {
      parts.push(
        "## Nabla ÷ peer",
        "",
        commandLine(report),
        "",
        "Seconds per epoch of Nabla's fastest backend over the peer's, same task and dtype: below 1, Nabla is faster.",
        "",
        ratioTable(ratios),
        "",
      );
    }
  }
  const minibatch = minibatchRatios(report.minibatch ?? []);
  if (minibatch.length > 0) {
    parts.push(
      "## Mini-batch epochs",
      "",
      commandLine(report),
      "",
      "Seconds per epoch of the report's MLPs trained in mini-batches through `fit` with `batchSize` (rows shuffled every epoch, one Adam step per batch) over the same MLP's full-batch epoch, timed in the same section on the same backend, dtype and threads; NumPy runs the same loop (shuffle, gather, forward, backward, Adam per step). NumPy s/epoch is its fastest mini-batch epoch of the same task, batch and dtype. Target: a batch-128 CIFAR epoch ≤ 1.4× the full-batch epoch, and ≤ NumPy's.",
      "",
      minibatchTable(minibatch),
      "",
    );
  }
  const plugins = pluginRatios(report.epochs);
  if (plugins.length > 0) {
    parts.push(
      "## Plugin components ÷ built-ins",
      "",
      commandLine(report),
      "",
      "Seconds per epoch of the CIFAR MLP with the extras plugin's GELU or RMSprop (declared as expressions, compiled by the backend) over the same MLP with the built-in tanh or Adam, same backend and dtype, the three timed in alternating rounds (each round trains each afresh, warm-up included, for a share of the epochs). Targets: an activation ≤ 1.15×, an optimizer ≤ 1.1× at batch 128.",
      "",
      pluginRatioTable(plugins),
      "",
    );
  }
  if (report.heap.length > 0) {
    const collected = report.heap.every((r) => r.collected);
    parts.push(
      "## Steady-state heap",
      "",
      commandLine(report),
      "",
      `process.memoryUsage().heapUsed while the regression MLP trains, sampled every 10 epochs${collected ? " after global.gc()" : " (without --expose-gc, so including uncollected garbage)"}.`,
      "",
      heapTable(report.heap),
      "",
    );
  }
  if (report.skipped.length > 0) {
    parts.push("## Not measured", "", ...report.skipped.map((s) => `- ${[s.section, s.system, s.backend, s.dtype, s.threads == null ? undefined : `${s.threads} threads`, s.what].filter(Boolean).join(" ")}: ${s.reason}`), "");
  }
  if (report.notes.length > 0) parts.push("## Notes", "", ...report.notes.map((n) => `- ${n}`), "");
  return parts.join("\n");
}
