import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { Value, type ValueError } from "@sinclair/typebox/value";
import type { TSchema } from "@sinclair/typebox";
import { assertModelSpec, SpecError, type ModelSpec } from "@nabla/core";
import { ExperimentFileError } from "./experiment-file-error.js";
import { ExperimentSchema, type ExperimentDocument } from "./experiment-schema.js";

/** One model of a checked experiment, its spec accepted by @nabla/core. */
export interface ExperimentModel {
  name: string;
  reported: Record<string, number>;
  spec: ModelSpec;
}

/** A checked experiment document, with where it lives: `name` is its folder's name and prefixes its result files. */
export interface Experiment extends Omit<ExperimentDocument, "models"> {
  name: string;
  file: string;
  models: ExperimentModel[];
}

const checkExperiment = TypeCompiler.Compile(ExperimentSchema);
// JSON.parse keeps these as own keys; spread into options or records later they could reach a prototype.
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function jsonPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `${path}.${part}` : `${path}[${JSON.stringify(part)}]`), "$");
}

function allowedValues(schema: TSchema): string[] {
  const options: TSchema[] = schema.anyOf ?? [];
  return options.every((option) => option.const !== undefined) ? options.map((option) => String(option.const)) : [];
}

// A union of objects (the dataset forms) fails as a whole; the member whose keys the value uses
// says what is wrong inside it, at its own path.
function innermostError(error: ValueError): ValueError {
  const members: TSchema[] = error.schema.anyOf ?? [];
  const value = error.value;
  if (members.length === 0 || value === null || typeof value !== "object" || Array.isArray(value)) return error;
  const keys = Object.keys(value);
  const member = members.find((candidate) => candidate.properties && keys.some((key) => Object.hasOwn(candidate.properties, key) && (candidate.required ?? []).includes(key)));
  const inner = member && Value.Errors(member, value).First();
  return inner ? innermostError({ ...inner, path: `${error.path}${inner.path}` }) : error;
}

function rejectPrototypeKeys(file: string, value: unknown, path: string): void {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => rejectPrototypeKeys(file, item, `${path}[${i}]`));
    return;
  }
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) throw new ExperimentFileError(file, `${path}.${key}`, `the key "${key}" is not allowed in an experiment file`);
    rejectPrototypeKeys(file, (value as Record<string, unknown>)[key], `${path}.${key}`);
  }
}

/** Checks a parsed experiment document; `file` names it in errors and `name` becomes the experiment's name. */
export function checkExperimentDocument(file: string, name: string, value: unknown): Experiment {
  rejectPrototypeKeys(file, value, "$");
  const error = checkExperiment.Errors(value).First();
  if (error) {
    const first = innermostError(error);
    const unexpected = first.message.startsWith("Unexpected property");
    throw new ExperimentFileError(file, jsonPath(first.path), unexpected ? "unknown property" : first.message.toLowerCase(), allowedValues(first.schema));
  }
  const document = value as ExperimentDocument;
  const models = document.models.map((model, i): ExperimentModel => {
    try {
      assertModelSpec(model.spec);
    } catch (error) {
      if (error instanceof SpecError) throw new ExperimentFileError(file, `$.models[${i}].spec${error.path.slice(1)}`, error.problem, error.available);
      throw error;
    }
    return { name: model.name, reported: model.reported ?? {}, spec: model.spec };
  });
  if (document.training.seeds && document.training.protocol === "reference") {
    throw new ExperimentFileError(file, "$.training.seeds", "seeds use the nabla protocol: the reference protocol is one fixed stream");
  }
  const names = new Set(models.map((model) => model.name));
  if (names.size !== models.length) throw new ExperimentFileError(file, "$.models", "two models share a name");
  const metricKeys = new Set(document.metrics.map((metric) => metric.key));
  document.comparisons?.forEach((comparison, i) => {
    for (const field of ["a", "b"] as const) {
      if (!names.has(comparison[field])) throw new ExperimentFileError(file, `$.comparisons[${i}].${field}`, `unknown model "${comparison[field]}"`, [...names]);
    }
    if (!metricKeys.has(comparison.metric)) throw new ExperimentFileError(file, `$.comparisons[${i}].metric`, `not one of the experiment's metrics`, [...metricKeys]);
  });
  return { ...document, name, file, models };
}

/** Reads and checks an experiment file; its folder's name is the experiment's name. */
export function loadExperiment(file: string): Experiment {
  const path = resolve(file);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    if (error instanceof SyntaxError) throw new ExperimentFileError(path, "$", `not JSON: ${error.message}`);
    throw error;
  }
  return checkExperimentDocument(path, basename(dirname(path)), value);
}
