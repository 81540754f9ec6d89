import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Experiment } from "./load-experiment.js";
import { resultsTable } from "./markdown-table.js";
import type { ModelResult } from "./run-experiment.js";
import { lossCurveSvg, paritySvg } from "./svg-plot.js";

export interface RunDescription {
  protocol: string;
  dtype: string;
  backend: string;
  quick: boolean;
  command: string;
  trainRows: number;
  testRows: number;
  generator: string;
  /** Seconds from the start of the task (data loading included) to its last finished model. */
  wallSeconds: number;
}

function formatDuration(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 120 ? `${minutes} min ${Math.round(seconds - minutes * 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function slug(name: string): string {
  return name.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/**
 * Writes `<name>.json` (the documented interface, read back by the results index), `<name>.md`
 * (the table beside the reported numbers) and the SVG plots (a loss curve per model; a parity plot
 * per regression model), `<name>` being the experiment's name.
 */
export function writeResults(outDir: string, experiment: Experiment, run: RunDescription, results: readonly ModelResult[]): { files: string[]; table: string } {
  mkdirSync(outDir, { recursive: true });
  const name = experiment.name;
  const written: string[] = [];
  const write = (name: string, content: string) => {
    writeFileSync(join(outDir, name), content);
    written.push(join(outDir, name));
  };

  const unfinished = experiment.models.length - results.length;
  const summary = {
    experiment: experiment.name,
    title: experiment.title,
    task: experiment.task,
    protocol: run.protocol,
    dtype: run.dtype,
    backend: run.backend,
    quick: run.quick,
    generator: run.generator,
    command: run.command,
    data: { trainRows: run.trainRows, testRows: run.testRows },
    node: process.version,
    wallSeconds: run.wallSeconds,
    complete: unfinished === 0,
    models: results.map((r) => ({
      name: r.name,
      spec: r.spec,
      epochs: r.epochs,
      seconds: r.seconds,
      secondsPerEpoch: r.secondsPerEpoch,
      finalLoss: r.finalLoss,
      metrics: r.metrics,
      reported: r.reported,
      lossHistory: r.lossHistory,
    })),
  };
  write(`${name}.json`, `${JSON.stringify(summary, null, 2)}\n`);

  const plots: string[] = [];
  for (const r of results) {
    const lossFile = `${name}-loss-${slug(r.name)}.svg`;
    write(lossFile, lossCurveSvg(`${r.name}: training loss`, r.lossHistory));
    plots.push(`- ${r.name}: [loss curve](${lossFile})`);
    if (r.parity) {
      const parityFile = `${name}-parity-${slug(r.name)}.svg`;
      write(parityFile, paritySvg(`${r.name}: actual vs predicted (test set)`, r.parity.actual, r.parity.predicted));
      plots[plots.length - 1] += `, [parity plot](${parityFile})`;
    }
  }

  const timing = results.map((r) => `| ${r.name} | ${r.epochs} | ${r.seconds.toFixed(2)} | ${(r.secondsPerEpoch * 1000).toFixed(2)} | ${r.finalLoss.toPrecision(6)} |`);
  const markdown = [
    `# ${experiment.title}`,
    "",
    `Produced by \`${run.command}\` — protocol \`${run.protocol}\`, ${run.dtype}, backend \`${run.backend}\`, generator \`${run.generator}\`, ` +
      `${run.trainRows} training / ${run.testRows} test rows${run.quick ? " (quick: a subset and few epochs, not comparable with the report)" : ""}.`,
    `Wall time ${formatDuration(run.wallSeconds)} (data loading included)` +
      (unfinished === 0 ? "." : `; PARTIAL: ${results.length} of ${experiment.models.length} models finished so far.`),
    "Each model has three columns: Nabla's number, the report's, and Nabla − report.",
    "",
    resultsTable(experiment.metrics, results),
    "",
    "| model | epochs | seconds | ms/epoch | final training loss |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...timing,
    "",
    "Plots:",
    ...plots,
    "",
  ].join("\n");
  write(`${name}.md`, markdown);
  return { files: written, table: join(outDir, `${name}.md`) };
}
