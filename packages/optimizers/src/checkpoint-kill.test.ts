import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The child runs the built packages (dist), so this test needs `pnpm build` first; it lives here
// rather than in core because the training script needs layers, activations, losses and Adam.
const SCRIPT = fileURLToPath(new URL("../test/train-with-checkpoints.mjs", import.meta.url));
const EPOCHS = 60;
const TRIALS = 3;

interface RunResult {
  lossHistory: number[];
  weights: number[];
}

/** Runs the script to the end and parses the JSON on its last line. */
function runToEnd(protocol: string, checkpoint: string, mode: "fresh" | "resume"): RunResult {
  const child = spawnSync(process.execPath, [SCRIPT, protocol, checkpoint, mode], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`training script failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!);
}

/**
 * Starts a fresh run and SIGKILLs it a random 0–4 ms after a random epoch ends, often in the
 * middle of writing the checkpoint; resolves with the signal that ended it. The last 20 epochs
 * are never chosen, so the kill lands before the run ends even where fsync costs nothing.
 */
function runAndKill(protocol: string, checkpoint: string): Promise<NodeJS.Signals | null> {
  const killAfterEpoch = 3 + Math.floor(Math.random() * (EPOCHS - 23));
  const delay = Math.random() * 4;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, protocol, checkpoint, "fresh"], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    let killScheduled = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      if (killScheduled || !output.includes(`epoch ${killAfterEpoch}\n`)) return;
      killScheduled = true;
      setTimeout(() => child.kill("SIGKILL"), delay);
    });
    child.on("error", reject);
    child.on("exit", (_, signal) => resolve(signal));
  });
}

describe("a training run killed with SIGKILL and resumed from its checkpoint", { timeout: 60_000 }, () => {
  it.each(["nabla", "reference"])("ends with weights and loss history bit-identical to an uninterrupted run (%s protocol)", async (protocol) => {
    const folder = mkdtempSync(join(tmpdir(), "nabla-kill-"));
    const uninterrupted = runToEnd(protocol, join(folder, "uninterrupted.safetensors"), "fresh");
    expect(uninterrupted.lossHistory).toHaveLength(EPOCHS);
    for (let trial = 0; trial < TRIALS; trial++) {
      const checkpoint = join(folder, `trial-${trial}.safetensors`);
      expect(await runAndKill(protocol, checkpoint)).toBe("SIGKILL");
      const resumed = runToEnd(protocol, checkpoint, "resume");
      expect(resumed.lossHistory).toEqual(uninterrupted.lossHistory);
      expect(resumed.weights).toEqual(uninterrupted.weights);
    }
  });
});
