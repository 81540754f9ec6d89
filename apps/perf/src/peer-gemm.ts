import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { DType } from "@nabla/core";
import { cifarGemmShapes, gemmGflops, type GemmRow } from "./gemm-bench.js";
import type { Skipped } from "./perf-report.js";
import { pythonPeerEnv } from "./python-env.js";
import { rowPlatform } from "./row-platform.js";
import { median } from "./timing.js";

const SCRIPT = fileURLToPath(new URL("../python/gemm_peer.py", import.meta.url));

/** A Python library that times the CIFAR products beside Nabla's, and the interpreter that has it. */
export interface GemmPeer {
  library: "numpy" | "torch";
  python: string;
}

/** What python/gemm_peer.py prints. */
export interface GemmPeerOutput {
  seconds: Record<string, number[]>;
  library: string;
  blas: string;
  dtype: DType;
  threads: number;
}

/** The rows of one script run: one per product it timed, the median of its runs, GFLOP/s as Nabla's rows count them. */
export function peerGemmRows(peer: GemmPeer["library"], rows: number, output: GemmPeerOutput): GemmRow[] {
  return cifarGemmShapes(rows).flatMap((shape) => {
    const times = output.seconds[shape.name];
    if (!times || times.length === 0) return [];
    const secondsMedian = median(times);
    return [
      {
        backend: peer,
        blas: `${output.library} with ${output.blas}`,
        dtype: output.dtype,
        threads: output.threads,
        shape: shape.label,
        gflops: gemmGflops(shape, secondsMedian),
        secondsMedian,
        runs: times.length,
        ...rowPlatform(),
      },
    ];
  });
}

export interface PeerGemmOptions {
  rows: number;
  runs: number;
  threads: readonly number[];
  dtypes: readonly DType[];
  log: (line: string) => void;
}

/** The CIFAR products in a Python peer for every thread count and dtype, each configuration in its own process. */
export function runPeerGemm(peer: GemmPeer, options: PeerGemmOptions): { rows: GemmRow[]; skipped: Skipped[] } {
  const rows: GemmRow[] = [];
  const skipped: Skipped[] = [];
  for (const threads of options.threads) {
    for (const dtype of options.dtypes) {
      const where = `gemm ${peer.library} ${dtype} threads=${threads}`;
      const args = [SCRIPT, `--library=${peer.library}`, `--rows=${options.rows}`, `--runs=${options.runs}`, `--dtype=${dtype}`, `--threads=${threads}`];
      const run = spawnSync(peer.python, args, { env: pythonPeerEnv(threads), encoding: "utf8", maxBuffer: 1 << 20 });
      if (run.status !== 0) {
        const reason = `failed: ${SCRIPT} exited with ${run.status ?? run.signal ?? run.error?.message}: ${(run.stderr ?? "").trim().split("\n").pop()}`;
        skipped.push({ section: "gemm", backend: peer.library, dtype, threads, what: "CIFAR products", reason });
        options.log(`${where}: ${reason}`);
        continue;
      }
      const measured = peerGemmRows(peer.library, options.rows, JSON.parse(run.stdout) as GemmPeerOutput);
      rows.push(...measured);
      for (const row of measured) options.log(`${where} ${row.shape}: ${row.gflops.toFixed(2)} GFLOP/s (${row.blas})`);
    }
  }
  return { rows, skipped };
}
