import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ModelFileError,
  NumpyRandomState,
  Tensor,
  Xoshiro128Generator,
  buildModel,
  corePlugin,
  createRegistry,
  fit,
  fitAsync,
  type FitOptions,
  type Model,
  type RandomGenerator,
} from "../index.node.js";
import { testPlugin } from "../test-plugins.js";

const registry = createRegistry([corePlugin, testPlugin]);
const spec = {
  specVersion: 1,
  input: { shape: [2] },
  layers: [{ type: "test/dense", options: { in: 2, out: 3 } }, { type: "test/square" }, { type: "test/dense", options: { in: 3, out: 1 } }],
  loss: { type: "test/mse" },
  optimizer: { type: "test/sgd", options: { lr: 0.01 } },
};
const x = Tensor.from(Array.from({ length: 40 }, (_, i) => Math.sin(i)), [20, 2], { dtype: "float64" });
const y = Tensor.from(Array.from({ length: 20 }, (_, i) => Math.cos(i)), [20, 1], { dtype: "float64" });

/** A model and the shuffle generator fit gets; `shared` hands fit the model's own stream (the reference protocol). */
function setup(shared: boolean): { model: Model; generator: RandomGenerator } {
  const modelGenerator = new NumpyRandomState(5);
  const model = buildModel(spec, { registry, dtype: "float64", generator: modelGenerator });
  return { model, generator: shared ? modelGenerator : new Xoshiro128Generator(9) };
}

const weights = (model: Model): number[] => model.parameters().flatMap((p) => p.value.toArray());
const temporaryPath = (): string => join(mkdtempSync(join(tmpdir(), "nabla-checkpoint-")), "run.safetensors");

describe("fit checkpoints", () => {
  it.each([false, true])("stopping after 3 epochs and resuming to 7 equals 7 uninterrupted epochs bit for bit (shared stream: %s)", (shared) => {
    const options = (generator: RandomGenerator): FitOptions => ({ epochs: 7, batchSize: 6, generator });
    const whole = setup(shared);
    const expected = fit(whole.model, x, y, options(whole.generator));

    const path = temporaryPath();
    const first = setup(shared);
    const stopped = fit(first.model, x, y, { ...options(first.generator), checkpoint: { path, every: 2 }, onEpochEnd: ({ epoch }) => epoch < 3 });
    expect(stopped).toMatchObject({ stopped: true, lossHistory: expected.lossHistory.slice(0, 3) });

    const second = setup(shared);
    const resumed = fit(second.model, x, y, { ...options(second.generator), resumeFrom: path });
    expect(resumed.lossHistory).toEqual(expected.lossHistory);
    expect(weights(second.model)).toEqual(weights(whole.model));
    expect(resumed.stopped).toBe(false);
  });

  it("fitAsync stops when its signal aborts, saves a checkpoint, and resuming continues exactly", async () => {
    const whole = setup(false);
    const expected = fit(whole.model, x, y, { epochs: 5, batchSize: 8, generator: whole.generator });

    const path = temporaryPath();
    const first = setup(false);
    const controller = new AbortController();
    const result = await fitAsync(first.model, x, y, {
      epochs: 5,
      batchSize: 8,
      generator: first.generator,
      checkpoint: { path, every: 10 },
      signal: controller.signal,
      onEpochEnd: ({ epoch }) => void (epoch === 2 && controller.abort()),
    });
    expect(result).toMatchObject({ stopped: true, lossHistory: expected.lossHistory.slice(0, 2) });

    const second = setup(false);
    const resumed = await fitAsync(second.model, x, y, { epochs: 5, batchSize: 8, generator: second.generator, resumeFrom: path });
    expect(resumed.lossHistory).toEqual(expected.lossHistory);
    expect(weights(second.model)).toEqual(weights(whole.model));
  });

  it("refuses to resume a checkpoint of another model or with a different generator arrangement", () => {
    const path = temporaryPath();
    const { model, generator } = setup(false);
    fit(model, x, y, { epochs: 1, batchSize: 5, generator, checkpoint: { path } });
    const other = buildModel({ ...spec, optimizer: { type: "test/sgd", options: { lr: 0.02 } } }, { registry, dtype: "float64" });
    expect(() => fit(other, x, y, { epochs: 2, resumeFrom: path })).toThrow(expect.objectContaining({ code: "checkpoint-mismatch", file: path }));
    const shared = setup(true);
    expect(() => fit(shared.model, x, y, { epochs: 2, generator: shared.generator, resumeFrom: path })).toThrow(ModelFileError);
    expect(() => fit(setup(false).model, x, y, { epochs: 2, resumeFrom: path })).toThrow(/fit got none/);
  });
});
