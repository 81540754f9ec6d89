import { describe, expect, it } from "vitest";
import { mlpTasks } from "./mlp-tasks.js";
import { runPythonEpochPeer, type PythonEpochPeer, type PythonScriptOutput } from "./python-epoch-peer.js";

const options = { budgetSeconds: 10, warmupEpochs: 1, log: () => {} };
const [regression] = mlpTasks(true);

/** A peer whose epochs take `secondsPerRow` each row, recording the runs it was asked for. */
function fakePeer(secondsPerRow: number, runs: number[][] = []): PythonEpochPeer<PythonScriptOutput & { build: string }> {
  return {
    system: "numpy",
    backend: "openblas",
    describe: (output) => `built ${output.build}`,
    run: (_task, rows, _dtype, epochs) => {
      runs.push([rows, epochs]);
      return { build: "test", seconds: Array.from({ length: epochs }, (_, i) => rows * secondsPerRow * (i + 1)) };
    },
  };
}

describe("runPythonEpochPeer", () => {
  it("probes a tenth of the rows, then times the planned epochs without the warm-up", () => {
    const runs: number[][] = [];
    const result = runPythonEpochPeer(fakePeer(1e-6, runs), [regression], ["float64"], 2, options, "peers");
    const probeRows = Math.ceil(regression.rows / 10);
    expect(runs[0]).toEqual([probeRows, 2]);
    expect(runs[1]).toEqual([regression.rows, 1 + regression.timedEpochs]);
    expect(result.notes).toEqual(["built test"]);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ system: "numpy", backend: "openblas", dtype: "float64", threads: 2 });
  });

  it("skips a configuration over the budget under the section it was asked for, and reports a failing script", () => {
    const slow = runPythonEpochPeer(fakePeer(1), [regression], ["float32"], 1, options, "minibatch");
    expect(slow.rows).toEqual([]);
    expect(slow.skipped[0]).toMatchObject({ section: "minibatch", system: "numpy", dtype: "float32", threads: 1 });
    expect(slow.skipped[0].reason).toMatch(/^one epoch estimated at \d+ s, over the 10 s budget$/);

    const broken = { ...fakePeer(1e-6), run: () => { throw new Error("no such module"); } };
    const failed = runPythonEpochPeer(broken, [regression], ["float64"], 2, options, "peers");
    expect(failed.skipped[0].reason).toBe("failed: no such module");
  });
});
