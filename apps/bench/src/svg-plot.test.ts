import { expect, it } from "vitest";
import { lossCurveSvg, paritySvg } from "./svg-plot.js";

it("draws a loss curve as one polyline point per epoch inside an SVG document", () => {
  const svg = lossCurveSvg("ReLU & Adam <test>", [4, 2, 1]);
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg).toContain("ReLU &amp; Adam &lt;test&gt;");
  const points = /points="([^"]+)"/.exec(svg)![1].split(" ");
  expect(points).toHaveLength(3);
  const ys = points.map((p) => Number(p.split(",")[1]));
  expect(ys[0]).toBeLessThan(ys[1]); // higher loss is drawn higher (smaller y)
});

it("draws one dot per sample and the y = x diagonal on a parity plot", () => {
  const svg = paritySvg("parity", [1, 2, 3], [1.5, 2, 2.5]);
  expect(svg.match(/<circle/g)).toHaveLength(3);
  expect(svg).toContain('stroke="#d62728"');
});
