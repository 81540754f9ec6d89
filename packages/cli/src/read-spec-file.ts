import { existsSync, readFileSync } from "node:fs";
import { Registry, assertModelSpec, type ModelSpec, type SpecError } from "@nabla/core";
import type { Task } from "./preprocessing.js";
import { UsageError } from "./usage-error.js";

const TASK_OF_LOSS = new Map<string, Task>([
  ["nabla/mse", "regression"],
  ["nabla/cross-entropy", "classification"],
]);

/** A spec file's JSON document, checked for structure; errors name the file and the JSON path. */
export function readSpecFile(path: string): ModelSpec {
  if (!existsSync(path)) throw new UsageError("no such spec file", path);
  let spec: unknown;
  try {
    spec = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`not valid JSON: ${(error as Error).message}`, path);
  }
  try {
    assertModelSpec(spec);
  } catch (error) {
    throw specErrorIn(path, error);
  }
  return spec;
}

// Recognised by shape, not instanceof, so a plugin's own copy of @nabla/core throws one we know.
function isSpecError(error: unknown): error is SpecError {
  const candidate = error as Partial<SpecError> | null;
  return typeof candidate?.path === "string" && typeof candidate.problem === "string" && Array.isArray(candidate.available);
}

/**
 * A SpecError as a UsageError that names the spec file and the JSON path (and, for a name no
 * plugin registered, the --plugin flag); anything else as it is.
 */
export function specErrorIn(path: string, error: unknown): unknown {
  if (!isSpecError(error)) return error;
  const available = error.available.length ? ` (available: ${error.available.join(", ")})` : "";
  const hint = error.code === "unknown-component" ? "; a plugin's components need --plugin PACKAGE" : "";
  return new UsageError(`${error.problem}${available}${hint}`, `${path} at ${error.path}`);
}

/** The task the spec's loss trains for: mse → regression, cross-entropy → classification. */
export function taskOfSpec(spec: ModelSpec, path: string): Task {
  if (!spec.loss) throw new UsageError("nabla train needs a spec that names a loss and an optimizer", `${path} at $.loss`);
  if (!spec.optimizer) throw new UsageError("nabla train needs a spec that names a loss and an optimizer", `${path} at $.optimizer`);
  const task = TASK_OF_LOSS.get(Registry.qualify(spec.loss.type));
  if (!task) {
    throw new UsageError(`cannot tell the task from loss "${spec.loss.type}" (known: mse for regression, cross-entropy for classification)`, `${path} at $.loss.type`);
  }
  return task;
}
