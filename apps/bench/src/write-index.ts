import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Experiment } from "./load-experiment.js";
import { resultsTable } from "./markdown-table.js";
import { lossCurvesSvg } from "./svg-plot.js";

/** An experiment whose results JSON sits in `folder`. */
export interface IndexedExperiment {
  experiment: Experiment;
  folder: string;
}

interface ResultsFile {
  command: string;
  backend: string;
  quick: boolean;
  wallSeconds: number;
  data: { trainRows: number; testRows: number };
  models: { name: string; metrics: Record<string, number>; reported?: Record<string, number>; lossHistory?: number[] }[];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function markdownTableHtml(table: string): string {
  const rows = table.split("\n").map((line) => line.slice(2, -2).split(" | "));
  const [head, , ...body] = rows;
  const cells = (row: string[], tag: string) => row.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join("");
  return `<table>\n<thead><tr>${cells(head, "th")}</tr></thead>\n<tbody>\n${body.map((row) => `<tr>${cells(row, "td")}</tr>`).join("\n")}\n</tbody>\n</table>`;
}

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/**
 * Writes `index.md` and `index.html` (self-contained: inline SVG, no external assets, opens from
 * disk) over the experiments' results: each one's table with the reported numbers beside ours,
 * all of its models' loss curves on one chart, and links to its per-model plots and full table.
 */
export function writeIndex(outDir: string, experiments: readonly IndexedExperiment[]): { markdown: string; html: string } {
  mkdirSync(outDir, { recursive: true });
  const markdown = ["# Nabla experiments", "", "Each experiment's table puts our number, the reported one and the difference side by side; the chart shows every model's training loss.", ""];
  const html = [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8"><title>Nabla experiments</title>',
    "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}table{border-collapse:collapse;font-size:13px;margin:1em 0;display:block;overflow-x:auto}th,td{border:1px solid #ccc;padding:3px 6px;text-align:right}th:first-child,td:first-child{text-align:left}</style>",
    "</head><body>",
    "<h1>Nabla experiments</h1>",
    "<p>Each experiment's table puts our number, the reported one and the difference side by side; the chart shows every model's training loss.</p>",
    "<ul>",
    ...experiments.map(({ experiment }) => `<li><a href="#${escapeHtml(experiment.name)}">${escapeHtml(experiment.title)}</a></li>`),
    "</ul>",
  ];
  for (const { experiment, folder } of experiments) {
    const results = JSON.parse(readFileSync(join(folder, `${experiment.name}.json`), "utf8")) as ResultsFile;
    const table = resultsTable(
      experiment.metrics,
      results.models.map((model) => ({ name: model.name, metrics: model.metrics, reported: model.reported ?? {} })),
    );
    const chartFile = `${experiment.name}-losses.svg`;
    const chart = lossCurvesSvg(`${experiment.title}: training loss`, results.models.map((model) => ({ name: model.name, losses: model.lossHistory ?? [] })));
    writeFileSync(join(outDir, chartFile), chart);
    const link = (file: string) => encodePath(relative(outDir, join(folder, file)));
    const plots = readdirSync(folder).filter((file) => file.startsWith(`${experiment.name}-`) && file.endsWith(".svg")).sort();
    const summary = `\`${results.command}\` on \`${results.backend}\`, ${results.data.trainRows} training / ${results.data.testRows} test rows${results.quick ? " (quick)" : ""}, ${results.wallSeconds.toFixed(1)} s`;

    markdown.push(`## ${experiment.title}`, "", `${summary}. Full results: [${experiment.name}.md](${link(`${experiment.name}.md`)}).`, "", table, "", `![${experiment.title}: training loss](${chartFile})`, "");
    markdown.push(`Per-model plots: ${plots.map((file) => `[${file}](${link(file)})`).join(", ")}`, "");
    html.push(
      `<h2 id="${escapeHtml(experiment.name)}">${escapeHtml(experiment.title)}</h2>`,
      `<p>${escapeHtml(summary).replace(/`([^`]*)`/g, "<code>$1</code>")}. Full results: <a href="${link(`${experiment.name}.md`)}">${escapeHtml(experiment.name)}.md</a>.</p>`,
      markdownTableHtml(table),
      chart.replace(/^<svg /, '<svg role="img" '),
      `<p>Per-model plots: ${plots.map((file) => `<a href="${link(file)}">${escapeHtml(file)}</a>`).join(", ")}</p>`,
    );
  }
  html.push("</body></html>", "");
  const markdownFile = join(outDir, "index.md");
  const htmlFile = join(outDir, "index.html");
  writeFileSync(markdownFile, markdown.join("\n"));
  writeFileSync(htmlFile, html.join("\n"));
  return { markdown: markdownFile, html: htmlFile };
}
