import { describe, expect, it } from "vitest";
import { createProgressBar } from "./progress-bar.js";

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

describe("createProgressBar", () => {
  it("prints one plain line per tenth when the stream is not a terminal", () => {
    const { writes, stream } = recorder(false);
    const bar = createProgressBar("cifar.tgz", 1_000_000, stream);
    for (let done = 50_000; done <= 1_000_000; done += 50_000) bar.update(done);
    bar.finish();
    expect(writes).toHaveLength(10);
    expect(writes[0]).toBe("cifar.tgz  10% 0.1 MB / 1.0 MB\n");
    expect(writes[9]).toBe("cifar.tgz 100% 1.0 MB / 1.0 MB done\n");
    expect(writes.every((line) => !line.includes("\r"))).toBe(true);
  });

  it("redraws a bar in place on a terminal and ends the line when finished", () => {
    const { writes, stream } = recorder(true);
    const bar = createProgressBar("x", 200, stream);
    bar.update(100);
    bar.update(200); // within 100 ms of the last draw: not drawn
    bar.finish();
    expect(writes).toEqual([
      `\rx [${"#".repeat(15)}${"-".repeat(15)}]  50% 0.0 MB / 0.0 MB`,
      `\rx [${"#".repeat(30)}] 100% 0.0 MB / 0.0 MB done\n`,
    ]);
  });

  it("counts megabytes when the total size is unknown", () => {
    const { writes, stream } = recorder(false);
    const bar = createProgressBar("y", undefined, stream);
    bar.update(25 * 1024 * 1024);
    bar.finish("failed");
    expect(writes).toEqual(["y 26.2 MB\n", "y 26.2 MB failed\n"]);
  });

  it("describes the count with the given amount instead of bytes", () => {
    const { writes, stream } = recorder(false);
    const bar = createProgressBar("ReLU w/ SGD", 10, stream, (done, total) => `epoch ${done}/${total}`);
    for (let epoch = 1; epoch <= 10; epoch++) bar.update(epoch);
    bar.finish();
    expect(writes[0]).toBe("ReLU w/ SGD  10% epoch 1/10\n");
    expect(writes.at(-1)).toBe("ReLU w/ SGD 100% epoch 10/10 done\n");
  });
});
