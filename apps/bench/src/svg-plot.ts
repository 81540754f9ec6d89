// Dependency-free SVG charts: a line chart for loss curves and a scatter for parity plots.

const WIDTH = 640;
const HEIGHT = 420;
const MARGIN = { left: 70, right: 20, top: 40, bottom: 50 };

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const step = 10 ** Math.floor(Math.log10(span / count));
  const multiplier = [1, 2, 5, 10].find((m) => span / (m * step) <= count) ?? 10;
  const tick = multiplier * step;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / tick) * tick; v <= max + tick * 1e-9; v += tick) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

interface Axes {
  x: (v: number) => number;
  y: (v: number) => number;
  frame: string;
}

function axes(title: string, xLabel: string, yLabel: string, xRange: [number, number], yRange: [number, number]): Axes {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (v: number) => MARGIN.left + ((v - xRange[0]) / (xRange[1] - xRange[0] || 1)) * plotW;
  const y = (v: number) => MARGIN.top + plotH - ((v - yRange[0]) / (yRange[1] - yRange[0] || 1)) * plotH;
  const parts = [
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#444"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16">${escapeXml(title)}</text>`,
    `<text x="${WIDTH / 2}" y="${HEIGHT - 10}" text-anchor="middle" font-size="13">${escapeXml(xLabel)}</text>`,
    `<text x="18" y="${HEIGHT / 2}" text-anchor="middle" font-size="13" transform="rotate(-90 18 ${HEIGHT / 2})">${escapeXml(yLabel)}</text>`,
  ];
  for (const t of niceTicks(xRange[0], xRange[1])) {
    parts.push(`<line x1="${x(t)}" y1="${MARGIN.top + plotH}" x2="${x(t)}" y2="${MARGIN.top + plotH + 5}" stroke="#444"/>`);
    parts.push(`<text x="${x(t)}" y="${MARGIN.top + plotH + 20}" text-anchor="middle" font-size="11">${t}</text>`);
  }
  for (const t of niceTicks(yRange[0], yRange[1])) {
    parts.push(`<line x1="${MARGIN.left - 5}" y1="${y(t)}" x2="${MARGIN.left}" y2="${y(t)}" stroke="#444"/>`);
    parts.push(`<line x1="${MARGIN.left}" y1="${y(t)}" x2="${MARGIN.left + plotW}" y2="${y(t)}" stroke="#eee"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${y(t) + 4}" text-anchor="end" font-size="11">${t}</text>`);
  }
  return { x, y, frame: parts.join("\n") };
}

function svgDocument(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${body}\n</svg>\n`;
}

function extent(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  return [min, max];
}

/** Training loss per epoch as a line. */
export function lossCurveSvg(title: string, losses: readonly number[]): string {
  const [low, high] = extent(losses);
  const a = axes(title, "epoch", "training loss", [1, Math.max(2, losses.length)], [Math.min(0, low), high]);
  const points = losses.map((loss, i) => `${a.x(i + 1).toFixed(1)},${a.y(loss).toFixed(1)}`).join(" ");
  return svgDocument(`${a.frame}\n<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="${points}"/>`);
}

// Ten distinguishable line colours (matplotlib's tab10), reused in order.
const SERIES_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

/** Several models' training losses on one chart, with a legend naming each line. */
export function lossCurvesSvg(title: string, series: readonly { name: string; losses: readonly number[] }[]): string {
  const all = series.flatMap((s) => s.losses);
  const [low, high] = extent(all);
  const longest = Math.max(2, ...series.map((s) => s.losses.length));
  const a = axes(title, "epoch", "training loss", [1, longest], [Math.min(0, low), high]);
  const lines = series.map((s, k) => {
    const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
    const points = s.losses.map((loss, i) => `${a.x(i + 1).toFixed(1)},${a.y(loss).toFixed(1)}`).join(" ");
    const legendY = MARGIN.top + 14 + k * 16;
    return [
      `<polyline fill="none" stroke="${colour}" stroke-width="1.5" points="${points}"/>`,
      `<line x1="${WIDTH - MARGIN.right - 190}" y1="${legendY - 4}" x2="${WIDTH - MARGIN.right - 170}" y2="${legendY - 4}" stroke="${colour}" stroke-width="3"/>`,
      `<text x="${WIDTH - MARGIN.right - 165}" y="${legendY}" font-size="11">${escapeXml(s.name)}</text>`,
    ].join("\n");
  });
  return svgDocument(`${a.frame}\n${lines.join("\n")}`);
}

/** Predicted against actual values, with the y = x line a perfect model would sit on. */
export function paritySvg(title: string, actual: ArrayLike<number>, predicted: ArrayLike<number>): string {
  const [lowA, highA] = extent(actual);
  const [lowP, highP] = extent(predicted);
  const range: [number, number] = [Math.min(lowA, lowP), Math.max(highA, highP)];
  const a = axes(title, "actual", "predicted", range, range);
  const dots: string[] = [];
  for (let i = 0; i < actual.length; i++) {
    dots.push(`<circle cx="${a.x(actual[i]).toFixed(1)}" cy="${a.y(predicted[i]).toFixed(1)}" r="1.5"/>`);
  }
  const diagonal = `<line x1="${a.x(range[0])}" y1="${a.y(range[0])}" x2="${a.x(range[1])}" y2="${a.y(range[1])}" stroke="#d62728" stroke-width="1.5"/>`;
  return svgDocument(`${a.frame}\n<g fill="#1f77b4" fill-opacity="0.35">\n${dots.join("\n")}\n</g>\n${diagonal}`);
}
