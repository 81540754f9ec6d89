import { readFileSync } from "node:fs";
import { assertModelSpec, isDType, SpecError, type DType, type ModelSpec } from "@nabla/core";
import type { TaskName } from "./args.js";
import type { Expectation } from "./seed-statistics.js";

export interface MetricColumn {
  key: string;
  label: string;
  digits: number;
  /** Show as a percentage (the value is stored as a fraction). */
  percent?: boolean;
  /** Passed to the metric (e.g. {"average": "weighted"}). */
  options?: Record<string, unknown>;
}

/** A claim of the report about two models, e.g. "Adam ≫ SGD": a is expected to beat b, or to match it. */
export interface Comparison {
  claim: string;
  a: string;
  b: string;
  metric: string;
  expect: Expectation;
}

export interface ExperimentModel {
  name: string;
  /** The report's numbers for this model, as fractions, keyed like `metrics`. */
  reported: Record<string, number>;
  spec: ModelSpec;
}

/** One experiment of PROTOCOL.md as data: what to load, how to prepare it, which models to train. */
export interface Experiment {
  task: TaskName;
  title: string;
  dataset: { type: string; options?: Record<string, unknown> };
  /** Split a dataset without its own test set. */
  split?: { testSize: number; seed: number };
  standardize: boolean;
  dtype: DType;
  seed: number;
  epochs: number;
  metrics: MetricColumn[];
  quick: { trainRows: number; testRows: number; epochs: number };
  /** The report's claims about pairs of models, judged over seeds by `--seeds`. */
  comparisons?: Comparison[];
  models: ExperimentModel[];
}

function fail(file: string, path: string, problem: string): never {
  throw new SpecError("invalid-spec", `${file}: ${path}`, problem);
}

/** Reads and checks an experiment file, naming the file and JSON path of anything wrong. */
export function loadExperiment(file: string): Experiment {
  const value = JSON.parse(readFileSync(file, "utf8")) as Experiment;
  if (value.task !== "regression" && value.task !== "classification") fail(file, "$.task", `unknown task ${JSON.stringify(value.task)}`);
  if (!isDType(value.dtype)) fail(file, "$.dtype", `expected float32 or float64, got ${JSON.stringify(value.dtype)}`);
  if (!Number.isInteger(value.epochs) || value.epochs < 1) fail(file, "$.epochs", "expected a positive integer");
  if (!Array.isArray(value.models) || value.models.length === 0) fail(file, "$.models", "expected at least one model");
  value.models.forEach((model, i) => {
    if (typeof model.name !== "string") fail(file, `$.models[${i}].name`, "expected a string");
    try {
      assertModelSpec(model.spec);
    } catch (error) {
      if (error instanceof SpecError) fail(file, `$.models[${i}].spec${error.path.slice(1)}`, error.problem);
      throw error;
    }
  });
  return value;
}
