import { ExperimentSchema } from "./experiment-schema.js";

/** The published JSON Schema of experiment files (schema/experiment.schema.json), for editors through `"$schema"`. */
export function experimentJsonSchema(): string {
  return `${JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", ...ExperimentSchema }, null, 2)}\n`;
}
