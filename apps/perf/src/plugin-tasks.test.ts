import { describe, expect, it } from "vitest";
import { pluginTaskGroups } from "./plugin-tasks.js";

describe("pluginTaskGroups", () => {
  it("groups each built-in pair with the plugins it is compared with, on the same shapes and data", () => {
    const groups = pluginTaskGroups(false);
    expect(groups.map((group) => group.map((t) => t.task))).toEqual([
      ["cifar tanh adam full batch", "cifar extras/gelu adam full batch", "cifar tanh extras/rmsprop full batch"],
      ["cifar tanh adam batch 128", "cifar extras/gelu adam batch 128", "cifar tanh extras/rmsprop batch 128"],
    ]);
    for (const group of groups) {
      const shapes = group.map(({ widths, rows, loss, batchSize }) => JSON.stringify({ widths, rows, loss, batchSize }));
      expect(new Set(shapes).size).toBe(1);
    }
  });
});
