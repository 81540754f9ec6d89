import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RunCheckpoints, RunInProgressError } from "./run-checkpoints.js";

function runFolderLockedBy(pid: number): string {
  const folder = join(mkdtempSync(join(tmpdir(), "nabla-run-lock-")), "run");
  mkdirSync(join(folder, "seed-1"), { recursive: true });
  writeFileSync(join(folder, "run.lock"), String(pid));
  writeFileSync(join(folder, "seed-1", "model-0.finished.json"), "{}");
  return folder;
}

describe("RunCheckpoints.open", () => {
  it("refuses a run folder that a live process holds", () => {
    const folder = runFolderLockedBy(process.ppid);
    expect(() => new RunCheckpoints(folder).open(true)).toThrow(RunInProgressError);
    expect(existsSync(join(folder, "seed-1", "model-0.finished.json"))).toBe(true);
  });

  it("takes over the lock of a process that is gone and, resuming, keeps its files", () => {
    const gone = spawnSync(process.execPath, ["-e", ""]).pid as number;
    const folder = runFolderLockedBy(gone);
    new RunCheckpoints(folder).open(true);
    expect(readFileSync(join(folder, "run.lock"), "utf8")).toBe(String(process.pid));
    expect(existsSync(join(folder, "seed-1", "model-0.finished.json"))).toBe(true);
  });

  it("deletes an earlier run's files when not resuming", () => {
    const gone = spawnSync(process.execPath, ["-e", ""]).pid as number;
    const folder = runFolderLockedBy(gone);
    new RunCheckpoints(folder).open(false);
    expect(existsSync(join(folder, "seed-1"))).toBe(false);
    expect(existsSync(join(folder, "run.lock"))).toBe(true);
  });
});
