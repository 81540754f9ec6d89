// Writes schema/model-spec.schema.json from the TypeBox declaration in src/spec/model-spec.ts,
// through the built package (run `pnpm build` first). A test fails while the file is stale.
import { writeFileSync } from "node:fs";
import { modelSpecJsonSchema } from "../dist/index.js";

const target = new URL("../schema/model-spec.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(modelSpecJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
