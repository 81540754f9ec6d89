import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { experimentJsonSchema } from "./experiment-json-schema.js";

it("the committed schema/experiment.schema.json is the one the TypeBox declaration yields (else: pnpm --filter @nabla/bench schema)", () => {
  const committed = readFileSync(new URL("../schema/experiment.schema.json", import.meta.url), "utf8");
  expect(committed).toBe(experimentJsonSchema());
});
