import { modelSpecSchema } from "./model-spec.js";

/**
 * The model spec's JSON Schema, as published in `@nabla/core/model-spec.schema.json`: a spec
 * whose `"$schema"` points there gets completion and checking in editors.
 */
export function modelSpecJsonSchema(): Record<string, unknown> {
  // JSON.stringify keeps the JSON Schema keywords and drops TypeBox's symbol-keyed metadata.
  const keywords: Record<string, unknown> = JSON.parse(JSON.stringify(modelSpecSchema));
  return { $schema: "http://json-schema.org/draft-07/schema#", ...keywords };
}
