import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The size of a synthetic experiment, and how many of the report's regression models it trains. */
export interface SyntheticExperimentOptions {
  rows: number;
  epochs: number;
  /** Repeats the report's four regression models (dropout included) under numbered names up to this many (default 4). */
  models?: number;
}

/**
 * Writes `<root>/experiments/<name>/` with experiment.json and data.csv: the regression
 * experiment's models on a deterministic synthetic table (8 features, a nonlinear target), for
 * tests that run `nabla-bench run` as a child process without the real datasets. Returns the folder.
 */
export function writeSyntheticExperiment(root: string, name: string, options: SyntheticExperimentOptions): string {
  const folder = join(root, "experiments", name);
  mkdirSync(folder, { recursive: true });
  let state = 12345;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const lines = ["a,b,c,d,e,f,g,h,y"];
  for (let row = 0; row < options.rows; row++) {
    const x = Array.from({ length: 8 }, next);
    lines.push([...x, x[0] * 2 - x[1] * x[2] + Math.sin(x[3]) + 0.1 * next()].join(","));
  }
  writeFileSync(join(folder, "data.csv"), `${lines.join("\n")}\n`);
  const regression = JSON.parse(readFileSync(fileURLToPath(new URL("../../../experiments/regression/experiment.json", import.meta.url)), "utf8"));
  const { $schema: _, comparisons: __, ...document } = regression;
  const count = options.models ?? 4;
  const models = Array.from({ length: count }, (_, i) => {
    const model = document.models[i % document.models.length];
    return count === document.models.length ? model : { ...model, name: `${model.name} #${i + 1}` };
  });
  const experiment = { ...document, dataset: { file: "data.csv", target: "y" }, training: { ...document.training, epochs: options.epochs }, models };
  writeFileSync(join(folder, "experiment.json"), JSON.stringify(experiment));
  return folder;
}
