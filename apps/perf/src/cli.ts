import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DType } from "@nabla/core";
import "./register-plugins.js";
import { USAGE, UsageError, parsePerfArgs } from "./args.js";
import { discoverBackends } from "./backend-discovery.js";
import { benchmarksMarkdown, epochRatios, ratioTable } from "./benchmarks-markdown.js";
import { runEpochBench } from "./epoch-bench.js";
import type { EpochRow, PeerOptions } from "./epoch-row.js";
import { cifarRows, mlpTasks } from "./mlp-tasks.js";
import { pluginTaskGroups } from "./plugin-tasks.js";
import { runGemmBench } from "./gemm-bench.js";
import { runHeapBench } from "./heap-bench.js";
import { runInterleavedEpochBench } from "./interleaved-epoch-bench.js";
import { runJaxPeer } from "./jax-peer.js";
import { machineInfo } from "./machine-info.js";
import { minibatchTasks } from "./minibatch-tasks.js";
import { pythonCommand, runNumpyPeer } from "./numpy-peer.js";
import { runPeerGemm, type GemmPeer } from "./peer-gemm.js";
import { writeMarkdown, writePerfJson, type PerfReport } from "./perf-report.js";
import { runTfjsPeer } from "./tfjs-peer.js";
import { runTorchPeer, torchAvailable, torchPythonCommand } from "./torch-peer.js";

const perfDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(perfDir, "../..");
const DTYPES: readonly DType[] = ["float32", "float64"];
/** The lead's rule: a reference-backend product over ~20 s at full size is estimated, not timed. */
const GEMM_MAX_SECONDS_PER_RUN = 20;
const HEAP_EPOCHS = 100;
const HEAP_EVERY = 10;
/** Alternating rounds of the plugin comparisons. */
const PLUGIN_ROUNDS = 3;

function log(line: string): void {
  console.error(`[perf] ${line}`);
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const args = parsePerfArgs(argv);
  if (args.renderFrom) {
    const report = JSON.parse(readFileSync(args.renderFrom, "utf8")) as PerfReport;
    const markdownPath = resolve(args.markdownPath ?? join(repoRoot, "BENCHMARKS.md"));
    writeMarkdown(markdownPath, benchmarksMarkdown(report));
    console.log(markdownPath);
    return;
  }
  const threads = args.threads ?? [...new Set([1, availableParallelism()])];
  const maxThreads = Math.max(...threads);
  const budgetSeconds = args.budgetSeconds ?? (args.quick ? 60 : 300);
  const outDir = resolve(args.outDir ?? join(perfDir, args.quick ? "results-quick" : "results"));
  const markdownPath = resolve(args.markdownPath ?? (args.quick ? join(outDir, "BENCHMARKS.md") : join(repoRoot, "BENCHMARKS.md")));
  const gc = (globalThis as { gc?: () => void }).gc;
  // FinalizationRegistry callbacks (the wasm backend frees tensor memory in them) run only once the event loop turns.
  const settle = async () => {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  const tasks = mlpTasks(args.quick);
  const minibatchRows: EpochRow[] = [];

  const report: PerfReport = {
    command: ["pnpm bench:perf", ...argv].join(" "),
    quick: args.quick,
    machine: machineInfo(),
    gemm: [],
    epochs: [],
    minibatch: minibatchRows,
    heap: [],
    skipped: [],
    notes: [],
  };
  const discovery = await discoverBackends();
  report.notes.push(`Nabla backends available: ${discovery.backends.map((b) => b.key).join(", ")}; thread counts tried on threaded backends: ${threads.join(", ")}`, ...discovery.notes);
  if (!gc) report.notes.push("global.gc is not exposed (run node with --expose-gc): heap samples include uncollected garbage");
  log(`backends: ${discovery.backends.map((b) => `${b.key}${b.threaded ? " (threads)" : ""}`).join(", ")}; results in ${outDir}`);
  for (const note of discovery.notes) log(note);

  if (args.sections.includes("gemm")) {
    const gemm = await runGemmBench(discovery.backends, {
      rows: cifarRows(args.quick),
      runs: args.runs ?? (args.quick ? 3 : 5),
      threads,
      dtypes: DTYPES,
      maxSecondsPerRun: GEMM_MAX_SECONDS_PER_RUN,
      log,
      settle,
    });
    report.gemm.push(...gemm.rows);
    report.skipped.push(...gemm.skipped);
    // The Python peers time the same products in the same run, so that the ratios compare like with like.
    const gemmPeers: GemmPeer[] = [];
    if (args.peers.includes("numpy")) gemmPeers.push({ library: "numpy", python: pythonCommand() });
    if (args.peers.includes("torch")) {
      if (torchAvailable()) gemmPeers.push({ library: "torch", python: torchPythonCommand() });
      else report.notes.push(`PyTorch: ${torchPythonCommand()} cannot import torch, so the GEMM section has no PyTorch rows`);
    }
    for (const peer of gemmPeers) {
      const measured = runPeerGemm(peer, { rows: cifarRows(args.quick), runs: args.runs ?? (args.quick ? 3 : 5), threads, dtypes: DTYPES, log });
      report.gemm.push(...measured.rows);
      report.skipped.push(...measured.skipped);
    }
  }
  if (args.sections.includes("epochs")) {
    const epochs = await runEpochBench(discovery.backends, tasks, { threads: maxThreads, dtypes: DTYPES, warmupEpochs: 1, budgetSeconds, log, settle });
    report.epochs.push(...epochs.rows);
    report.skipped.push(...epochs.skipped);
  }
  if (args.sections.includes("minibatch")) {
    // Compiled backends only: the reference backend's CIFAR epoch alone would take most of the budget.
    const compiled = discovery.backends.filter((b) => b.key !== "nabla/reference");
    const minibatch = minibatchTasks(args.quick);
    const nabla = await runEpochBench(compiled, minibatch, { threads: maxThreads, dtypes: DTYPES, warmupEpochs: 1, budgetSeconds, log, settle, section: "minibatch" });
    minibatchRows.push(...nabla.rows);
    report.skipped.push(...nabla.skipped);
    // NumPy on one thread too: OpenBLAS's threads cost more than they save on a small product, most of all on a busy machine.
    for (const numpyThreads of [...new Set([1, maxThreads])]) {
      const numpy = runNumpyPeer(minibatch, DTYPES, numpyThreads, { budgetSeconds, warmupEpochs: 1, log }, "minibatch");
      minibatchRows.push(...numpy.rows);
      report.skipped.push(...numpy.skipped);
      report.notes.push(...numpy.notes.filter((note) => !report.notes.includes(note)));
    }
    if (args.peers.includes("torch")) {
      const torch = runTorchPeer(minibatch, DTYPES, maxThreads, { budgetSeconds, warmupEpochs: 1, log }, "minibatch");
      minibatchRows.push(...torch.rows);
      report.skipped.push(...torch.skipped);
      report.notes.push(...torch.notes.filter((note) => !report.notes.includes(note)));
    }
  }
  if (args.sections.includes("plugins")) {
    // The extras plugin's GELU and RMSprop against the built-in tanh and Adam, on the same backends,
    // in alternating rounds: their ratios are the targets, and a slow spell must not pick a side.
    const groups = pluginTaskGroups(args.quick);
    const plugins = await runInterleavedEpochBench(discovery.backends, groups, { threads: maxThreads, dtypes: DTYPES, warmupEpochs: 1, budgetSeconds, log, settle, rounds: PLUGIN_ROUNDS });
    report.epochs.push(...plugins.rows);
    report.skipped.push(...plugins.skipped);
  }
  if (args.sections.includes("heap")) {
    const regression = tasks.find((t) => t.task === "regression")!;
    report.heap.push(...runHeapBench(discovery.backends, regression, { epochs: HEAP_EPOCHS, every: HEAP_EVERY, threads: maxThreads, dtype: "float64", log }));
  }
  if (args.sections.includes("peers")) {
    const peerOptions: PeerOptions = { budgetSeconds, warmupEpochs: 1, log };
    const peers = [
      args.peers.includes("tfjs") ? await runTfjsPeer(tasks, peerOptions) : undefined,
      args.peers.includes("jax") ? await runJaxPeer(tasks, DTYPES, peerOptions) : undefined,
      args.peers.includes("numpy") ? runNumpyPeer(tasks, ["float64", "float32"], maxThreads, peerOptions) : undefined,
      args.peers.includes("torch") ? runTorchPeer(tasks, ["float64", "float32"], maxThreads, peerOptions) : undefined,
    ];
    for (const peer of peers.filter((p) => p !== undefined)) {
      report.epochs.push(...peer.rows);
      report.skipped.push(...peer.skipped);
      report.notes.push(...peer.notes);
    }
  }

  const json = writePerfJson(outDir, report);
  writeMarkdown(markdownPath, benchmarksMarkdown(report));
  const ratios = epochRatios(report.epochs);
  if (ratios.length > 0) console.log(`\nNabla ÷ peer, seconds per epoch:\n\n${ratioTable(ratios)}\n`);
  console.log(`${json}\n${markdownPath}`);
}

main(process.argv.slice(2)).then(
  // Backend worker threads and the peers' runtimes may hold the event loop open: the run is over.
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(1);
  },
);
