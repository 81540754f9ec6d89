// Child process of checkpoint-kill.test.ts: trains a small MLP (Dropout, Adam, shuffled
// mini-batches) with a checkpoint after every epoch, printing "epoch N" as each ends, and
// prints the final weights and loss history as JSON. Plain JavaScript on the built packages
// (node cannot run TypeScript), so run `pnpm build` first.
//   node train-with-checkpoints.mjs <nabla|reference> <checkpoint path> <fresh|resume>
import { existsSync } from "node:fs";
import { NumpyRandomState, Tensor, Xoshiro128Generator, buildModel, fit } from "@nabla/core";
import "@nabla/activations";
import "@nabla/layers";
import "@nabla/losses";
import "@nabla/optimizers";

const [protocol, checkpointPath, mode] = process.argv.slice(2);
const EPOCHS = 60;

// nabla: separate xoshiro128 streams for the model and the shuffles, float32.
// reference: one NumPy stream shared by weights, dropout masks and shuffles, float64.
const modelGenerator = protocol === "reference" ? new NumpyRandomState(3) : new Xoshiro128Generator(3);
const shuffleGenerator = protocol === "reference" ? modelGenerator : new Xoshiro128Generator(4);
const dtype = protocol === "reference" ? "float64" : "float32";

// Three noisy classes on 4 features, from a stream of their own so the data never depends on training.
const data = new Xoshiro128Generator(2024);
const rows = 240;
const labels = Int32Array.from({ length: rows }, (_, i) => i % 3);
const features = new Float64Array(rows * 4);
data.fillStandardNormal(features);
labels.forEach((label, i) => (features[i * 4 + label] += 2));
const x = Tensor.from(features, [rows, 4], { dtype });

const model = buildModel(
  {
    specVersion: 1,
    input: { shape: [4] },
    layers: [
      { type: "linear", options: { in: 4, out: 32 } },
      { type: "relu" },
      { type: "dropout", options: { p: 0.3 } },
      { type: "linear", options: { in: 32, out: 3 } },
    ],
    loss: { type: "cross-entropy" },
    optimizer: { type: "adam", options: { lr: 0.01 } },
  },
  { dtype, generator: modelGenerator },
);

const { lossHistory } = fit(model, x, labels, {
  epochs: EPOCHS,
  batchSize: 16,
  generator: shuffleGenerator,
  checkpoint: { path: checkpointPath },
  resumeFrom: mode === "resume" && existsSync(checkpointPath) ? checkpointPath : undefined,
  onEpochEnd: ({ epoch }) => void process.stdout.write(`epoch ${epoch}\n`),
});
const weights = model.parameters().flatMap((parameter) => Array.from(parameter.value.data));
process.stdout.write(`${JSON.stringify({ lossHistory, weights })}\n`);
