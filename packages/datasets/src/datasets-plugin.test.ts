import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRegistry } from "@nabla/core";
import { describe, expect, it } from "vitest";
import { cifarBatchBytes } from "./cifar10-fixture.js";
import { datasetsPlugin } from "./datasets-plugin.js";

describe("datasetsPlugin", () => {
  const registry = createRegistry([datasetsPlugin]);

  it("is the versioned @nabla/datasets plugin in the nabla namespace", () => {
    expect(datasetsPlugin.meta).toEqual({ name: "@nabla/datasets", version: "0.1.0" });
    expect(datasetsPlugin.namespace).toBe("nabla");
    expect(registry.keys("dataset")).toEqual(["nabla/california-housing", "nabla/cifar10"]);
  });

  it("declares each dataset's task", () => {
    expect(registry.get("dataset", "california-housing").task).toBe("regression");
    expect(registry.get("dataset", "cifar10").task).toBe("classification");
  });

  it("loads California Housing through the component", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "nabla-plugin-"));
    mkdirSync(join(dataDir, "california_housing"));
    writeFileSync(
      join(dataDir, "california_housing", "cal_housing.data"),
      "-122.230000,37.880000,41.000000,880.000000,129.000000,322.000000,126.000000,8.325200,452600.000000\n",
    );
    const splits = await registry.get("dataset", "california-housing").load({ dataDir, download: false });
    expect(splits.task).toBe("regression");
    expect([...splits.train.targets]).toEqual([4.526]);
  });

  it("passes loader options such as limitTrain and layout to CIFAR-10", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "nabla-plugin-"));
    const folder = join(dataDir, "cifar-10-batches-bin");
    mkdirSync(folder);
    for (let b = 1; b <= 5; b++) writeFileSync(join(folder, `data_batch_${b}.bin`), cifarBatchBytes([b, b]));
    writeFileSync(join(folder, "test_batch.bin"), cifarBatchBytes([0]));
    writeFileSync(join(folder, "batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n");
    const component = registry.get("dataset", "cifar10");
    const splits = await component.load({ dataDir, download: false, limitTrain: 3, layout: "chw" });
    expect([...splits.train.targets]).toEqual([1, 1, 2]);
    await expect(component.load({ dataDir, download: false, layout: "planar" })).rejects.toThrow('layout must be "hwc" or "chw"');
  });
});
