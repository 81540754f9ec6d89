import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { writeFileAtomic, type ModelSpec, type RandomGeneratorState } from "@nabla/core";
import type { Experiment } from "./load-experiment.js";
import type { ModelResult } from "./run-experiment.js";
import type { RunSettings } from "./run-settings.js";

/** A model a killed run finished: its results, and where its generator's stream stood after it. */
export interface FinishedModel {
  result: ModelResult;
  /** The generator's state once the model was measured (under the reference protocol, the next model starts there). */
  generator: RandomGeneratorState | null;
}

interface FinishedModelRecord extends Omit<ModelResult, "parity"> {
  parity?: { actual: number[]; predicted: number[] };
  generator: RandomGeneratorState | null;
}

/**
 * Checkpoints at most about 20 times per model and always at the end: a full CIFAR-10 model
 * (1000 epochs, ~0.6 s each) saves every 50 epochs, ~30 s of work, not 1000 files of 1.3 MB.
 */
export function checkpointEvery(epochs: number): number {
  return Math.max(1, Math.ceil(epochs / 20));
}

/**
 * One seed's files in a run's checkpoint folder: each model's training checkpoint
 * (`model-<index>.safetensors`, written by fit) and, once it is measured, its results
 * (`model-<index>.finished.json`), which a resumed run takes instead of training it again.
 */
export class SeedCheckpoints {
  constructor(readonly folder: string) {}

  /** The file fit checkpoints model `index` into and resumes it from (its folder is created). */
  trainingFile(index: number): string {
    mkdirSync(this.folder, { recursive: true });
    return join(this.folder, `model-${index}.safetensors`);
  }

  /** Model `index`'s results if a previous run finished it, else undefined. */
  readFinished(index: number): FinishedModel | undefined {
    const file = this.finishedFile(index);
    if (!existsSync(file)) return undefined;
    const { generator, parity, ...result } = JSON.parse(readFileSync(file, "utf8")) as FinishedModelRecord;
    return {
      result: { ...result, spec: result.spec as ModelSpec, parity: parity && { actual: Float64Array.from(parity.actual), predicted: Float64Array.from(parity.predicted) } },
      generator,
    };
  }

  /** Records model `index` as finished (atomically: a kill leaves no half record). */
  saveFinished(index: number, { result, generator }: FinishedModel): void {
    mkdirSync(this.folder, { recursive: true });
    const { parity, ...rest } = result;
    const record: FinishedModelRecord = {
      ...rest,
      parity: parity && { actual: Array.from(parity.actual), predicted: Array.from(parity.predicted) },
      generator,
    };
    // JSON writes every float64 so that it reads back to the same number: a resumed run's tables match bit for bit.
    writeFileAtomic(this.finishedFile(index), JSON.stringify(record));
  }

  private finishedFile(index: number): string {
    return join(this.folder, `model-${index}.finished.json`);
  }
}

/** Another live process is checkpointing the same run: resuming beside it would mix their files. */
export class RunInProgressError extends Error {
  override readonly name = "RunInProgressError";
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `process ${pid} is still running this experiment with these settings (it holds ${join(folder, LOCK_FILE)}); ` +
        "killing `pnpm bench` does not stop the task turbo started: wait for it or kill it, then run again",
    );
  }
}

const LOCK_FILE = "run.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Where one run of an experiment keeps what `--resume` needs:
 * `<experiment>/node_modules/.cache/nabla-bench/checkpoints/<backend>-<key>/seed-<seed>/`, git-ignored
 * and no turbo output. The key hashes the experiment file, its data checksums and the run settings,
 * so a changed experiment or dataset never resumes from another run's files.
 */
export class RunCheckpoints {
  constructor(readonly folder: string) {}

  /** The checkpoint folder of `experiment` run with `settings`. */
  static forRun(experiment: Experiment, settings: RunSettings): RunCheckpoints {
    const experimentDir = dirname(experiment.file);
    const digestFile = join(experimentDir, ".data-digest.json");
    const key = createHash("sha256")
      .update(readFileSync(experiment.file))
      .update("\0")
      .update(existsSync(digestFile) ? readFileSync(digestFile) : "")
      .update("\0")
      .update(JSON.stringify(settings))
      .digest("hex")
      .slice(0, 16);
    return new RunCheckpoints(join(experimentDir, "node_modules", ".cache", "nabla-bench", "checkpoints", `${settings.backend}-${key}`));
  }

  /** The files of the run with `seed`. */
  seed(seed: number): SeedCheckpoints {
    return new SeedCheckpoints(join(this.folder, `seed-${seed}`));
  }

  /**
   * Claims the folder for this process (its pid in `run.lock`; a lock whose process is gone is
   * taken over) and, unless resuming, deletes what an earlier run left. Throws RunInProgressError
   * while another process holds it.
   */
  open(resume: boolean): void {
    mkdirSync(this.folder, { recursive: true });
    const lock = join(this.folder, LOCK_FILE);
    let descriptor: number | undefined;
    try {
      descriptor = openSync(lock, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lock, "utf8"));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) throw new RunInProgressError(this.folder, holder);
      descriptor = openSync(lock, "w");
    }
    writeSync(descriptor, String(process.pid));
    closeSync(descriptor);
    if (resume) return;
    for (const name of readdirSync(this.folder)) if (name !== LOCK_FILE) rmSync(join(this.folder, name), { recursive: true, force: true });
  }

  /** Deletes the run's files, lock included, once the run is complete. */
  clear(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }
}
