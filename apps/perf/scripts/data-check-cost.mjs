// What fit's up-front data check (checkTrainingData) costs beside one full-batch CIFAR-10 epoch
// (issue #10 item 4), timed alternately in one process. Run from the repo root after `pnpm build`:
//   node apps/perf/scripts/data-check-cost.mjs [--backend native] [--runs 5]
import { parseArgs } from "node:util";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { buildModel, checkTrainingData, fit, Tensor, Xoshiro128Generator } from "@nabla/core";
import "@nabla/layers";
import "@nabla/activations";
import "@nabla/losses";
import "@nabla/optimizers";
import "@nabla/backend-wasm";
import "@nabla/backend-native";

const { values } = parseArgs({ options: { backend: { type: "string", default: "native" }, runs: { type: "string", default: "5" } } });
const runs = Number(values.runs);
const experiment = JSON.parse(readFileSync(new URL("../../../experiments/classification/experiment.json", import.meta.url), "utf8"));
const spec = experiment.models.find((model) => model.name === "Tanh w/ Adam").spec;

const rows = 50_000;
const generator = new Xoshiro128Generator(1);
const model = buildModel(spec, { backend: values.backend, dtype: "float32", seed: 1 });
const x = Tensor.zeros([rows, 3072], { backend: model.backend, dtype: "float32" });
generator.fillStandardNormal(x.data);
const y = Int32Array.from({ length: rows }, () => generator.nextUint32() % 10);

const checks = [];
const epochs = [];
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  checkTrainingData(model, x, y);
  checks.push((performance.now() - start) / 1000);
  epochs.push(fit(model, x, y, { epochs: 1 }).seconds);
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const check = median(checks);
const epoch = median(epochs);
console.log(`CPU: ${cpus()[0]?.model ?? "unknown"}; backend ${model.backend.name}; x ${rows}×3072 float32; medians of ${runs}`);
console.log(`| data check | one full-batch epoch | check ÷ epoch |`);
console.log(`| ---: | ---: | ---: |`);
console.log(`| ${(check * 1000).toFixed(1)} ms | ${epoch.toFixed(3)} s | ${((100 * check) / epoch).toFixed(1)}% |`);
