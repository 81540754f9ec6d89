import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelSpecJsonSchema } from "./model-spec-json-schema.js";

const packageRoot = new URL("../../", import.meta.url);

describe("modelSpecJsonSchema", () => {
  it("matches the committed schema/model-spec.schema.json (run `pnpm --filter @nabla/core schema` after changing the spec)", () => {
    const committed: unknown = JSON.parse(readFileSync(new URL("schema/model-spec.schema.json", packageRoot), "utf8"));
    expect(committed).toEqual(modelSpecJsonSchema());
  });

  it("is published: in the package's files and under an exports entry", () => {
    const manifest = JSON.parse(readFileSync(new URL("package.json", packageRoot), "utf8"));
    expect(manifest.files).toContain("schema");
    expect(manifest.exports["./model-spec.schema.json"]).toBe("./schema/model-spec.schema.json");
  });

  it("declares every field of a spec, $schema included, and refuses others", () => {
    const schema = modelSpecJsonSchema();
    expect(schema).toMatchObject({ type: "object", additionalProperties: false, required: ["specVersion", "input", "layers"] });
    expect(Object.keys(Object(schema.properties))).toEqual(["$schema", "specVersion", "input", "layers", "loss", "optimizer"]);
  });
});
