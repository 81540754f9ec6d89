import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isTemporaryFileName } from "@nabla/core";
import { afterAll, describe, expect, it } from "vitest";
import { writeSyntheticExperiment } from "./synthetic-experiment.js";

// `nabla-bench run` rewrites its results (JSON, Markdown, an SVG per model) after every model.
// With many one-epoch models it spends most of its time writing them; SIGKILLed at random
// moments, it must leave only whole files (and, at most, writeFileAtomic's temporary files).
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const TRIALS = 6;

/** Runs the task; `killAfterMs` after it reports its data loaded, SIGKILLs it. Resolves with how it ended. */
function runTask(folder: string, killAfterMs?: number): Promise<{ signal: NodeJS.Signals | null; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "run", join(folder, "experiment.json")], {
      cwd: folder,
      env: { ...process.env, NABLA_BENCH_BACKEND: "reference", NABLA_BENCH_PROTOCOL: "", NABLA_BENCH_RESUME: "" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let started: number | undefined;
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      if (started !== undefined || !stderr.includes("training rows")) return;
      started = performance.now();
      if (killAfterMs !== undefined) setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code) reject(new Error(`nabla-bench run failed (${code}): ${stderr}`));
      else resolve({ signal, ms: performance.now() - (started ?? performance.now()) });
    });
  });
}

/** Throws unless `file` is complete: JSON that parses with every model, Markdown with its last section, a closed SVG. */
function expectWhole(file: string): void {
  const text = readFileSync(file, "utf8");
  if (file.endsWith(".json")) {
    const results = JSON.parse(text) as { models: { lossHistory: number[] }[] };
    for (const model of results.models) expect(model.lossHistory).toHaveLength(1);
  } else if (file.endsWith(".svg")) {
    expect(text.trimEnd().endsWith("</svg>"), file).toBe(true);
  } else {
    expect(file.endsWith(".md"), file).toBe(true);
    expect(text, file).toMatch(/\nPlots:\n(- .*\n)+$/);
  }
}

describe("the bench's results files when the run is killed at a random moment", () => {
  const root = mkdtempSync(join(tmpdir(), "nabla-results-kill-"));
  const folder = writeSyntheticExperiment(root, "kill-check", { rows: 200, epochs: 1, models: 16 });
  const results = join(folder, "results");
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("are each whole, old or new, never torn", { timeout: 120_000 }, async () => {
    const { ms } = await runTask(folder);
    let killedMidRun = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      rmSync(results, { recursive: true, force: true });
      const { signal } = await runTask(folder, Math.random() * ms);
      if (signal === "SIGKILL") killedMidRun++;
      let files: string[] = [];
      try {
        files = readdirSync(results);
      } catch {
        continue; // Killed before the first model's results: nothing written, nothing torn.
      }
      for (const file of files.filter((name) => !isTemporaryFileName(name))) expectWhole(join(results, file));
    }
    expect(killedMidRun).toBeGreaterThan(TRIALS / 2);
  });
});
