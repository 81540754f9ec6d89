import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { DType } from "@nabla/core";
import type { PeerOptions, PeerResult } from "./epoch-row.js";
import type { MlpTask } from "./mlp-tasks.js";
import { OPENBLAS_PINNING_VARIABLES, pythonPeerEnv } from "./python-env.js";
import type { Skipped } from "./perf-report.js";
import { runPythonEpochPeer, type PythonEpochPeer } from "./python-epoch-peer.js";

const SCRIPT = fileURLToPath(new URL("../python/numpy_mlp.py", import.meta.url));

/** The interpreter that runs the NumPy peer: NABLA_PYTHON when set (a machine may have several python3 with different NumPy builds), else python3 on PATH. */
export function pythonCommand(): string {
  return process.env.NABLA_PYTHON || "python3";
}

export function numpyAvailable(python = pythonCommand()): boolean {
  return spawnSync(python, ["-c", "import numpy"], { stdio: "ignore" }).status === 0;
}

interface ScriptOutput {
  seconds: number[];
  dtype: string;
  numpy: string;
  blas: string;
  openblasNumThreads: string | null;
}

export class NumpyScriptError extends Error {
  override readonly name = "NumpyScriptError";
}

function runScript(task: MlpTask, rows: number, dtype: DType, epochs: number, threads: number): ScriptOutput {
  const env = pythonPeerEnv(threads);
  const args = [
    SCRIPT,
    `--widths=${task.widths.join(",")}`,
    `--activation=${task.activation}`,
    `--loss=${task.loss}`,
    `--rows=${rows}`,
    `--epochs=${epochs}`,
    `--dtype=${dtype}`,
    `--lr=${task.learningRate}`,
    ...(task.batchSize === undefined ? [] : [`--batch-size=${task.batchSize}`]),
  ];
  const run = spawnSync(pythonCommand(), args, { env, encoding: "utf8", maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new NumpyScriptError(`${SCRIPT} exited with ${run.status ?? run.signal}: ${run.stderr.trim().split("\n").pop()}`);
  return JSON.parse(run.stdout) as ScriptOutput;
}

/**
 * The report's algorithm in NumPy (python/numpy_mlp.py), float64 as the report ran it and
 * float32, with OpenBLAS on `threads` threads, full batch or in the task's mini-batches. Each
 * configuration runs in its own process; what it cannot run is reported under `section`.
 */
export function runNumpyPeer(
  tasks: readonly MlpTask[],
  dtypes: readonly DType[],
  threads: number,
  options: PeerOptions,
  section: Skipped["section"] = "peers",
): PeerResult {
  if (!numpyAvailable()) return { rows: [], skipped: [], notes: [`NumPy: ${pythonCommand()} with numpy not found, skipped`] };
  const numpy: PythonEpochPeer<ScriptOutput> = {
    system: "numpy",
    backend: "openblas",
    describe: (probe) =>
      `NumPy ${probe.numpy} (${pythonCommand()}) with ${probe.blas}, OPENBLAS_NUM_THREADS=${probe.openblasNumThreads}; ${OPENBLAS_PINNING_VARIABLES.join(" and ")} unset for it; its epoch includes the first layer's input gradient, as the report computed it`,
    run: runScript,
  };
  return runPythonEpochPeer(numpy, tasks, dtypes, threads, options, section);
}
