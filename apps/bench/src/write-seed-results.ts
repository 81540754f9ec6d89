import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Registry } from "@nabla/core";
import type { MetricColumn } from "./experiment-schema.js";
import type { Experiment } from "./load-experiment.js";
import type { ModelResult } from "./run-experiment.js";
import { judgeClaim, summarizeSeeds, type SeedSummary } from "./seed-statistics.js";

export interface SeedRunDescription {
  command: string;
  protocol: string;
  dtype: string;
  backend: string;
  generator: string;
  epochs: number;
  trainRows: number;
  testRows: number;
}

function scaled(value: number, column: MetricColumn): string {
  return (column.percent ? value * 100 : value).toFixed(column.digits);
}

function cell(summary: SeedSummary, column: MetricColumn): string {
  return `${scaled(summary.mean, column)} ± ${scaled(summary.sd, column)} [${scaled(summary.low, column)}, ${scaled(summary.high, column)}]`;
}

/**
 * Writes `<name>-seeds.json` and `<name>-seeds.md`: every metric of every model as mean ± sd with
 * a 95% interval over the seeds, and whether each of the report's claims survives the noise.
 */
export function writeSeedResults(
  outDir: string,
  experiment: Experiment,
  registry: Registry,
  run: SeedRunDescription,
  seeds: readonly number[],
  runs: readonly ModelResult[][],
): string {
  mkdirSync(outDir, { recursive: true });
  const models = experiment.models.map((model, m) => ({
    name: model.name,
    reported: model.reported,
    metrics: Object.fromEntries(
      experiment.metrics.map((column) => {
        const values = runs.map((results) => results[m].metrics[column.key]);
        return [column.key, { ...summarizeSeeds(values), values }];
      }),
    ),
  }));
  const index = (name: string) => {
    const i = experiment.models.findIndex((model) => model.name === name);
    if (i < 0) throw new Error(`comparison names unknown model "${name}"`);
    return i;
  };
  const comparisons = (experiment.comparisons ?? []).map((comparison) => {
    const sign = registry.get("metric", comparison.metric).higherIsBetter ? 1 : -1;
    const [a, b] = [index(comparison.a), index(comparison.b)];
    const differences = runs.map((results) => sign * (results[a].metrics[comparison.metric] - results[b].metrics[comparison.metric]));
    const difference = summarizeSeeds(differences);
    return { ...comparison, difference, verdict: judgeClaim(comparison.expect, difference) };
  });

  const name = experiment.name;
  writeFileSync(join(outDir, `${name}-seeds.json`), `${JSON.stringify({ experiment: name, task: experiment.task, ...run, seeds, models, comparisons }, null, 2)}\n`);

  const columnOf = (key: string) => experiment.metrics.find((c) => c.key === key) ?? { key, label: key, digits: 4 };
  const lines = [
    `# ${experiment.title}: ${seeds.length} seeds`,
    "",
    `Produced by \`${run.command}\` — protocol \`${run.protocol}\`, ${run.dtype}, backend \`${run.backend}\`, generator \`${run.generator}\`, ` +
      `${run.epochs} epochs, ${run.trainRows} training / ${run.testRows} test rows. The split is fixed; the seeds ${seeds[0]}…${seeds[seeds.length - 1]} ` +
      "change each model's initial weights and dropout masks. Cells: mean ± sample sd [95% interval of the mean].",
    "",
    `| Metric | ${models.map((m) => `${m.name} | report`).join(" | ")} |`,
    `| --- | ${models.map(() => "---: | ---:").join(" | ")} |`,
    ...experiment.metrics.map(
      (column) =>
        `| ${column.label} | ${models
          .map((m) => `${cell(m.metrics[column.key], column)} | ${m.reported[column.key] === undefined ? "—" : scaled(m.reported[column.key], column)}`)
          .join(" | ")} |`,
    ),
    "",
    "Do the report's conclusions survive seed noise? Paired differences over the same seeds, signed so that positive favours the first model:",
    "",
    "| claim | metric | first − second (mean [95% interval]) | verdict |",
    "| --- | --- | ---: | --- |",
    ...comparisons.map((c) => {
      const column = columnOf(c.metric);
      return `| ${c.claim} | ${column.label} | ${scaled(c.difference.mean, column)} [${scaled(c.difference.low, column)}, ${scaled(c.difference.high, column)}] | ${c.verdict} |`;
    }),
    "",
  ];
  const file = join(outDir, `${name}-seeds.md`);
  writeFileSync(file, lines.join("\n"));
  return file;
}
