import { expect, it } from "vitest";
import { lossCurveSvg, lossCurvesSvg, paritySvg } from "./svg-plot.js";

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

it("draws every model's loss curve on one chart, each in its own colour and named in the legend", () => {
  const svg = lossCurvesSvg("losses", [
    { name: "SGD", losses: [3, 2, 1] },
    { name: "Adam <fast>", losses: [3, 1] },
  ]);
  expect(svg.match(/<polyline/g)).toHaveLength(2);
  expect(new Set([...svg.matchAll(/<polyline[^>]*stroke="([^"]+)"/g)].map((m) => m[1])).size).toBe(2);
  expect(svg).toContain("Adam &lt;fast&gt;");
});
