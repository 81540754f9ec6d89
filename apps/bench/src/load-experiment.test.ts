import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import "./register-plugins.js";
import { ExperimentFileError } from "./experiment-file-error.js";
import { checkExperimentDocument, loadExperiment } from "./load-experiment.js";

const experimentsDir = fileURLToPath(new URL("../../../experiments/", import.meta.url));
const regression = JSON.parse(readFileSync(join(experimentsDir, "regression", "experiment.json"), "utf8"));

function problemWith(change: (document: typeof regression) => void): ExperimentFileError {
  const document = structuredClone(regression);
  change(document);
  try {
    checkExperimentDocument("x.json", "x", document);
  } catch (error) {
    if (error instanceof ExperimentFileError) return error;
    throw error;
  }
  throw new Error("the document was accepted");
}

describe("experiment files", () => {
  const names = readdirSync(experimentsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

  it.each(names)("%s is a valid experiment that points editors at the published schema", (name) => {
    const experiment = loadExperiment(join(experimentsDir, name, "experiment.json"));
    expect(experiment.name).toBe(name);
    expect(experiment.$schema).toBe("../../apps/bench/schema/experiment.schema.json");
  });
});

describe("checkExperimentDocument", () => {
  it("names the JSON path, the problem and the allowed values of a wrong value", () => {
    const error = problemWith((document) => {
      document.training.dtype = "float16";
    });
    expect(error.path).toBe("$.training.dtype");
    expect(error.allowed).toEqual(["float32", "float64"]);
    expect(error.message).toContain("x.json: $.training.dtype");
  });

  it("follows the dataset form the document uses to the wrong value inside it", () => {
    const error = problemWith((document) => {
      document.dataset = { file: "houses.xlsx", target: "price" };
    });
    expect(error.path).toBe("$.dataset.file");
    expect(problemWith((document) => (document.dataset = { name: "cifar10", layout: "hwc" })).path).toBe("$.dataset.layout");
  });

  it("refuses seeds under the reference protocol, whose one stream they cannot change", () => {
    const error = problemWith((document) => {
      document.training = { ...document.training, protocol: "reference", seeds: [1, 2] };
    });
    expect(error.path).toBe("$.training.seeds");
  });

  it("rejects unknown properties where they are", () => {
    expect(problemWith((document) => (document.models[1].extra = 1)).path).toBe("$.models[1].extra");
  });

  it("passes model specs to @nabla/core and reports its JSON path inside the experiment", () => {
    const error = problemWith((document) => {
      document.models[2].spec.specVersion = 2;
    });
    expect(error.path).toBe("$.models[2].spec.specVersion");
    expect(error.allowed).toEqual(["1"]);
  });

  it("rejects prototype keys anywhere in the document", () => {
    const error = problemWith((document) => {
      document.dataset = JSON.parse('{"name": "california-housing", "options": {"__proto__": {"polluted": true}}}');
    });
    expect(error.path).toBe("$.dataset.options.__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("checks that comparisons name the experiment's models and metrics", () => {
    expect(problemWith((document) => (document.comparisons[0].a = "ReLU w/ Adagrad")).path).toBe("$.comparisons[0].a");
    expect(problemWith((document) => (document.comparisons[0].metric = "mae")).path).toBe("$.comparisons[0].metric");
  });
});
