import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import type { Experiment } from "./load-experiment.js";
import { writeIndex } from "./write-index.js";

it("writes index.md and a self-contained index.html with each table, one loss chart over all models, and plot links", () => {
  const root = mkdtempSync(join(tmpdir(), "nabla-index-"));
  const folder = join(root, "experiments", "toy", "results");
  mkdirSync(folder, { recursive: true });
  const results = {
    command: "pnpm bench toy",
    backend: "native",
    quick: false,
    wallSeconds: 1.5,
    data: { trainRows: 8, testRows: 2 },
    models: [
      { name: "A", metrics: { mse: 0.5 }, reported: { mse: 0.25 }, lossHistory: [3, 2, 1] },
      { name: "B", metrics: { mse: 0.75 }, lossHistory: [4, 3] },
    ],
  };
  writeFileSync(join(folder, "toy.json"), JSON.stringify(results));
  writeFileSync(join(folder, "toy-loss-a.svg"), "<svg/>");
  const experiment = { name: "toy", title: "Toy <1>", metrics: [{ key: "mse", label: "MSE", digits: 2 }] } as Experiment;

  const index = writeIndex(join(root, "results"), [{ experiment, folder }]);
  const markdown = readFileSync(index.markdown, "utf8");
  expect(markdown).toContain("| MSE | 0.50 | 0.25 | +0.25 | 0.75 | — | — |");
  expect(markdown).toContain("[toy-loss-a.svg](../experiments/toy/results/toy-loss-a.svg)");
  const html = readFileSync(index.html, "utf8");
  expect(html.match(/<polyline/g)).toHaveLength(2);
  expect(html).toContain("Toy &lt;1&gt;");
  expect(html).not.toMatch(/<(script|link|img)\b/);
});
