import { expect, it } from "vitest";
import { resultsTable } from "./markdown-table.js";

it("lays metrics down and models across, with ours, the report's and the difference", () => {
  const table = resultsTable(
    [
      { key: "mse", label: "MSE ↓", digits: 4 },
      { key: "accuracy", label: "Accuracy ↑", digits: 2, percent: true },
    ],
    [{ name: "ReLU w/ SGD", metrics: { mse: 0.76614, accuracy: 0.2131 }, reported: { mse: 0.7661, accuracy: 0.208 } }],
  );
  expect(table.split("\n")).toEqual([
    "| Metric | ReLU w/ SGD | report | Δ |",
    "| --- | ---: | ---: | ---: |",
    "| MSE ↓ | 0.7661 | 0.7661 | 0.0000 |",
    "| Accuracy ↑ | 21.31 | 20.80 | +0.51 |",
  ]);
});
