import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { DType } from "@nabla/core";
import type { PeerOptions, PeerResult } from "./epoch-row.js";
import type { MlpTask } from "./mlp-tasks.js";
import { OPENBLAS_PINNING_VARIABLES, pythonPeerEnv } from "./python-env.js";
import type { Skipped } from "./perf-report.js";
import { runPythonEpochPeer, type PythonEpochPeer } from "./python-epoch-peer.js";

const SCRIPT = fileURLToPath(new URL("../python/torch_mlp.py", import.meta.url));

/**
 * The interpreter that runs the PyTorch peer: NABLA_TORCH_PYTHON when set, else Debian's own
 * /usr/bin/python3, where `apt-get install python3-torch` puts PyTorch (the python3 first on PATH
 * may be another one, with NumPy but no torch).
 */
export function torchPythonCommand(): string {
  return process.env.NABLA_TORCH_PYTHON || "/usr/bin/python3";
}

export function torchAvailable(python = torchPythonCommand()): boolean {
  return spawnSync(python, ["-c", "import torch"], { stdio: "ignore" }).status === 0;
}

interface ScriptOutput {
  seconds: number[];
  dtype: string;
  torch: string;
  blas: string;
  threads: number;
}

export class TorchScriptError extends Error {
  override readonly name = "TorchScriptError";
}

/** The arguments of python/torch_mlp.py for one task: numpy_mlp.py's, the thread count, and the task's batch size where it has one. */
export function torchScriptArgs(task: MlpTask, run: { rows: number; dtype: DType; epochs: number; threads: number }): string[] {
  return [
    `--widths=${task.widths.join(",")}`,
    `--activation=${task.activation}`,
    `--loss=${task.loss}`,
    `--rows=${run.rows}`,
    `--epochs=${run.epochs}`,
    `--dtype=${run.dtype}`,
    `--lr=${task.learningRate}`,
    `--threads=${run.threads}`,
    ...(task.batchSize === undefined ? [] : [`--batch-size=${task.batchSize}`]),
  ];
}

function runScript(task: MlpTask, rows: number, dtype: DType, epochs: number, threads: number): ScriptOutput {
  const run = spawnSync(torchPythonCommand(), [SCRIPT, ...torchScriptArgs(task, { rows, dtype, epochs, threads })], {
    env: pythonPeerEnv(threads),
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new TorchScriptError(`${SCRIPT} exited with ${run.status ?? run.signal}: ${(run.stderr ?? "").trim().split("\n").pop()}`);
  return JSON.parse(run.stdout) as ScriptOutput;
}

/**
 * The report's algorithm in PyTorch (python/torch_mlp.py, the NumPy peer's loop on torch tensors),
 * full batch or in the task's mini-batches, on `threads` threads; what it cannot run is reported
 * under `section`. Skipped with a note where the interpreter has no torch.
 */
export function runTorchPeer(
  tasks: readonly MlpTask[],
  dtypes: readonly DType[],
  threads: number,
  options: PeerOptions,
  section: Skipped["section"] = "peers",
): PeerResult {
  if (!torchAvailable()) {
    return { rows: [], skipped: [], notes: [`PyTorch: ${torchPythonCommand()} cannot import torch (set NABLA_TORCH_PYTHON, or apt-get install python3-torch), skipped`] };
  }
  const torch: PythonEpochPeer<ScriptOutput> = {
    system: "torch",
    backend: "cpu",
    describe: (probe) =>
      `PyTorch ${probe.torch} (${torchPythonCommand()}) with ${probe.blas}, torch.set_num_threads(${probe.threads}); ${OPENBLAS_PINNING_VARIABLES.join(" and ")} unset for it; its epoch includes the first layer's input gradient, as NumPy's does`,
    run: runScript,
  };
  return runPythonEpochPeer(torch, tasks, dtypes, threads, options, section);
}
