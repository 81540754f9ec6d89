// End to end: spawns the built command (run `pnpm build` first) on a housing.csv-style fixture.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Xoshiro128Generator, buildModel, restoreCheckpoint } from "@nabla/core";
import "@nabla/layers";
import "@nabla/activations";
import "@nabla/losses";
import "@nabla/optimizers";
import * as ort from "onnxruntime-web";
import { beforeAll, describe, expect, it } from "vitest";

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(PACKAGE_DIR, "dist", "cli.js");
const HOUSING = join(PACKAGE_DIR, "test", "fixtures", "housing-sample.csv");

function nabla(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: work });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function spec(inputs: number, layers?: unknown[]): string {
  const path = join(work, `spec-${inputs}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      specVersion: 1,
      input: { shape: [inputs] },
      layers: layers ?? [
        { type: "linear", options: { in: inputs, out: 8 } },
        { type: "relu" },
        { type: "linear", options: { in: 8, out: 1 } },
      ],
      loss: { type: "mse" },
      optimizer: { type: "adam", options: { lr: 0.01 } },
    }),
  );
  return path;
}

let work: string;
let numericCsv: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "nabla-cli-"));
  // The fixture without its text column: the ONNX graph then takes the raw rows.
  const lines = readFileSync(HOUSING, "utf8").trimEnd().split("\n");
  numericCsv = join(work, "housing-numeric.csv");
  writeFileSync(numericCsv, `${lines.map((line) => line.slice(0, line.lastIndexOf(","))).join("\n")}\n`);
});

describe("nabla train → evaluate → predict → export", () => {
  it("trains on a CSV with a text column and empty cells, and evaluates and predicts on the same raw rows", () => {
    const model = join(work, "housing.safetensors");
    const train = nabla([
      "train", spec(12), "--data", HOUSING, "--target", "median_house_value", "--categorical", "ocean_proximity",
      "--missing", "mean", "--epochs", "3", "--batch-size", "64", "--out", model,
    ]);
    expect(train.stderr).toContain("epoch 3/3");
    expect(train.status).toBe(0);

    const evaluate = nabla(["evaluate", model, "--data", HOUSING, "--json"]);
    expect(evaluate.status).toBe(0);
    const report = JSON.parse(evaluate.stdout);
    expect(report.task).toBe("regression");
    expect(report.rows).toBe(300);
    expect(Object.keys(report.metrics)).toEqual(["mse", "rmse", "mae", "r2"]);
    expect(Object.values(report.metrics).every(Number.isFinite)).toBe(true);

    const table = nabla(["evaluate", model, "--data", HOUSING]);
    expect(table.stdout).toMatch(/R²\s+-?\d/);

    const predict = nabla(["predict", model, HOUSING]);
    expect(predict.status).toBe(0);
    const lines = predict.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("median_house_value");
    expect(lines).toHaveLength(301);

    // The same rows as a spreadsheet might save them: a byte-order mark, CRLF, every text cell quoted.
    const messy = join(work, "housing-messy.csv");
    const quoted = readFileSync(HOUSING, "utf8").trimEnd().split("\n").map((line) => line.replace(/,([^,]*)$/, ',"$1"'));
    writeFileSync(messy, `\uFEFF${quoted.join("\r\n")}\r\n`);
    expect(nabla(["predict", model, messy]).stdout).toBe(predict.stdout);

    const inspect = nabla(["inspect", model]);
    expect(inspect.status).toBe(0);
    expect(inspect.stdout).toContain('ocean_proximity (one of "<1H OCEAN", "INLAND", "NEAR BAY", "NEAR OCEAN", empty → "<1H OCEAN")');
    expect(inspect.stdout).toContain("ONNX input: 12 numbers per row with text columns one-hot encoded");
  });

  async function onnxAndPredictOutputs(trainFlags: string[]): Promise<{ fromOnnx: Float32Array; fromNabla: number[] }> {
    const name = trainFlags.join("").replace(/\W/g, "") || "plain";
    const model = join(work, `numeric-${name}.safetensors`);
    const onnx = join(work, `numeric-${name}.onnx`);
    const predictions = join(work, `predictions-${name}.csv`);
    expect(nabla(["train", spec(8), "--data", numericCsv, "--missing", "mean", ...trainFlags, "--epochs", "3", "--out", model, "--quiet"]).status).toBe(0);
    expect(nabla(["predict", model, numericCsv, "--out", predictions]).status).toBe(0);
    expect(nabla(["export", model, "--onnx", onnx]).status).toBe(0);

    const rows = readFileSync(numericCsv, "utf8").trimEnd().split("\n").slice(1);
    // Raw cells, the empty ones as NaN: the graph fills them with the saved means.
    const inputs = Float32Array.from(rows.flatMap((row) => row.split(",").slice(0, 8).map((cell) => (cell === "" ? NaN : Number(cell)))));
    ort.env.wasm.numThreads = 1;
    const session = await ort.InferenceSession.create(readFileSync(onnx));
    const output = await session.run({ [session.inputNames[0]]: new ort.Tensor("float32", inputs, [rows.length, 8]) });
    const fromOnnx = output[session.outputNames[0]].data as Float32Array;
    const fromNabla = readFileSync(predictions, "utf8").trimEnd().split("\n").slice(1).map(Number);
    expect(fromOnnx.length).toBe(fromNabla.length);
    return { fromOnnx, fromNabla };
  }

  it("exports an ONNX graph that gives, on raw numeric rows, what nabla predict prints", async () => {
    const { fromOnnx, fromNabla } = await onnxAndPredictOutputs([]);
    fromNabla.forEach((value, i) => expect(Math.abs(fromOnnx[i] - value)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(value))));
  });

  it("keeps ONNX and predict in agreement when the target scaling is folded into the last layer", async () => {
    const { fromOnnx, fromNabla } = await onnxAndPredictOutputs(["--scale-target"]);
    // The folded layer multiplies float32 rounding by the target's scale (~1e5 dollars), so the
    // error is measured against that scale rather than against a prediction that may be small.
    const targets = readFileSync(numericCsv, "utf8").trimEnd().split("\n").slice(1).map((row) => Number(row.split(",")[8]));
    const mean = targets.reduce((a, b) => a + b, 0) / targets.length;
    const scale = Math.sqrt(targets.reduce((sum, y) => sum + (y - mean) ** 2, 0) / targets.length);
    fromNabla.forEach((value, i) => expect(Math.abs(fromOnnx[i] - value)).toBeLessThanOrEqual(1e-5 * scale));
  });
});

describe("nabla with a classification spec", () => {
  it("label-encodes a text target, reports weighted scores and predicts class labels", () => {
    const model = join(work, "classes.safetensors");
    const classes = ["<1H OCEAN", "INLAND", "NEAR BAY", "NEAR OCEAN"];
    const classifier = {
      specVersion: 1,
      input: { shape: [9] },
      layers: [{ type: "linear", options: { in: 9, out: classes.length } }],
      loss: { type: "cross-entropy" },
      optimizer: { type: "adam", options: { lr: 0.01 } },
    };
    const specPath = join(work, "classifier.json");
    writeFileSync(specPath, JSON.stringify(classifier));
    expect(nabla(["train", specPath, "--data", HOUSING, "--missing", "mean", "--epochs", "3", "--out", model, "--quiet"]).status).toBe(0);
    const report = JSON.parse(nabla(["evaluate", model, "--data", HOUSING, "--json"]).stdout);
    expect(Object.keys(report.metrics)).toEqual(["accuracy", "precision", "recall", "f1"]);
    const predicted = nabla(["predict", model, HOUSING]).stdout.trimEnd().split("\n");
    expect(predicted[0]).toBe("ocean_proximity");
    expect(predicted.slice(1).every((label) => classes.includes(label))).toBe(true);
  });

  it("names the spec's last layer when its outputs do not match the classes", () => {
    const specPath = join(work, "three-outputs.json");
    writeFileSync(specPath, JSON.stringify({ specVersion: 1, input: { shape: [9] }, layers: [{ type: "linear", options: { in: 9, out: 3 } }], loss: { type: "cross-entropy" }, optimizer: { type: "sgd" } }));
    const result = nabla(["train", specPath, "--data", HOUSING, "--missing", "mean", "--out", join(work, "x.safetensors")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`nabla: the data has 4 classes (<1H OCEAN, INLAND, NEAR BAY, NEAR OCEAN) but the network has 3 outputs (${specPath} at $.layers[0])\n`);
  });
});

describe("nabla's user errors", () => {
  function expectOneLineError(result: { status: number | null; stderr: string }, pattern: RegExp): void {
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(pattern);
  }

  it("names a missing data file, exits 2 and writes nothing", () => {
    const out = join(work, "never.safetensors");
    expectOneLineError(nabla(["train", spec(8), "--data", "nope.csv", "--out", out]), /^nabla: no such file \(--data nope\.csv\)$/m);
    expect(existsSync(out)).toBe(false);
  });

  it("names a column that is not there", () => {
    expectOneLineError(
      nabla(["train", spec(8), "--data", numericCsv, "--target", "price", "--out", join(work, "x.safetensors")]),
      /no column "price" \(columns: longitude, latitude, .*\)/,
    );
  });

  it("shows the JSON path of a spec error", () => {
    const bad = spec(8, [{ type: "linaer", options: { in: 8, out: 1 } }]);
    expectOneLineError(nabla(["train", bad, "--data", numericCsv, "--missing", "mean", "--out", join(work, "x.safetensors")]), /at \$\.layers\[0\]\.type\)$/m);
  });

  it("names the row and column of an empty cell when --missing is not given", () => {
    expectOneLineError(
      nabla(["train", spec(8), "--data", numericCsv, "--out", join(work, "x.safetensors")]),
      /empty cell in column "total_bedrooms".*\(.*housing-numeric\.csv, line \d+\)$/m,
    );
  });

  it("names a text column and a sample value when it is not --categorical", () => {
    expectOneLineError(
      nabla(["train", spec(12), "--data", HOUSING, "--target", "median_house_value", "--missing", "mean", "--out", join(work, "x.safetensors")]),
      /column "ocean_proximity" holds text such as "NEAR BAY"; name it with --categorical ocean_proximity/,
    );
  });

  it("rejects an unknown flag and a bad number", () => {
    expectOneLineError(nabla(["train", spec(8), "--data", numericCsv, "--epoch", "3"]), /Unknown option '--epoch'/);
    expectOneLineError(nabla(["train", spec(8), "--data", numericCsv, "--epochs", "three", "--out", "x"]), /expected an integer ≥ 1, got "three" \(--epochs\)/);
  });

  it("leaves no temporary files behind after an error", () => {
    expect(readdirSync(work).filter((name) => name.includes(".tmp"))).toEqual([]);
  });
});

describe("nabla train and Ctrl-C", () => {
  it("writes the checkpoint and exits 130 on SIGINT, and --resume finishes the run", async () => {
    const checkpoint = join(work, "run.ckpt.safetensors");
    const out = join(work, "resumed.safetensors");
    const specPath = spec(8);
    const args = ["train", specPath, "--data", numericCsv, "--missing", "mean", "--epochs", "120", "--batch-size", "1", "--checkpoint", checkpoint, "--out", out];
    const child = spawn(process.execPath, [CLI, ...args], { cwd: work });
    let stderr = "";
    const status = await new Promise<number | null>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/epoch \d+\/120/.test(stderr) && !child.killed) child.kill("SIGINT");
      });
      child.on("exit", (code) => resolve(code));
    });
    expect(stderr).toContain("interrupted; checkpoint written to");
    expect(status).toBe(130);
    expect(existsSync(out)).toBe(false);
    const model = buildModel(JSON.parse(readFileSync(specPath, "utf8")));
    const progress = restoreCheckpoint(readFileSync(checkpoint), model, new Xoshiro128Generator(42), checkpoint);
    expect(progress.epoch).toBeGreaterThan(0);
    expect(progress.epoch).toBeLessThan(120);

    const resumed = nabla([...args, "--resume"]);
    expect(resumed.stderr).toContain(`resuming from ${checkpoint}`);
    expect(resumed.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
