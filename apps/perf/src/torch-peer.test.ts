import { afterEach, describe, expect, it } from "vitest";
import { mlpTasks } from "./mlp-tasks.js";
import { torchPythonCommand, torchScriptArgs } from "./torch-peer.js";

describe("torchPythonCommand", () => {
  const saved = process.env.NABLA_TORCH_PYTHON;
  afterEach(() => {
    if (saved === undefined) delete process.env.NABLA_TORCH_PYTHON;
    else process.env.NABLA_TORCH_PYTHON = saved;
  });

  it("is Debian's /usr/bin/python3 unless NABLA_TORCH_PYTHON names another", () => {
    delete process.env.NABLA_TORCH_PYTHON;
    expect(torchPythonCommand()).toBe("/usr/bin/python3");
    process.env.NABLA_TORCH_PYTHON = "/opt/torch/bin/python";
    expect(torchPythonCommand()).toBe("/opt/torch/bin/python");
  });
});

describe("torchScriptArgs", () => {
  it("passes the task's layers, loss and learning rate, the run's size and dtype, and the thread count", () => {
    const classification = mlpTasks(false).find((t) => t.task === "classification")!;
    const args = torchScriptArgs(classification, { rows: 50000, dtype: "float32", epochs: 3, threads: 2 });
    expect(args).toContain(`--widths=${classification.widths.join(",")}`);
    expect(args).toContain(`--loss=${classification.loss}`);
    expect(args).toEqual(expect.arrayContaining(["--rows=50000", "--epochs=3", "--dtype=float32", `--lr=${classification.learningRate}`, "--threads=2"]));
    expect(args.some((arg) => arg.startsWith("--batch-size"))).toBe(false);
  });

  it("asks for mini-batch epochs where the task has a batch size", () => {
    const classification = mlpTasks(false).find((t) => t.task === "classification")!;
    expect(torchScriptArgs({ ...classification, batchSize: 128 }, { rows: 50000, dtype: "float32", epochs: 3, threads: 2 })).toContain("--batch-size=128");
  });
});
