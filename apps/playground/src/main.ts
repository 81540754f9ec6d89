import "@nabla/activations";
import "@nabla/layers";
import "@nabla/losses";
import "@nabla/optimizers";
import { trainInWorker, type WorkerBackendInfo } from "@nabla/browser";
import { Tensor, deserializeModel, serializeModel, type Model, type TabularData } from "@nabla/core";
import { CALIFORNIA_HOUSING_FEATURE_NAMES } from "@nabla/datasets";
import { accuracy, confusionMatrix, meanAbsoluteError, meanSquaredError, r2Score } from "@nabla/metrics";
import { exportOnnx } from "@nabla/onnx";
import { drawLossCurve, drawParityPlot, renderConfusionMatrix } from "./charts.js";
import { cifar10Table, csvTable, fetchCaliforniaHousing, prepare, type PreparedData } from "./data.js";
import { PRESETS, taskOf } from "./presets.js";
import { checkSpecText, type SpecCheck } from "./spec-check.js";

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const presetSelect = element<HTMLSelectElement>("preset");
const specEditor = element<HTMLTextAreaElement>("spec");
const specError = element<HTMLParagraphElement>("spec-error");
const dataSelect = element<HTMLSelectElement>("data");
const fileInput = element<HTMLInputElement>("file");
const targetColumn = element<HTMLInputElement>("target-column");
const epochsInput = element<HTMLInputElement>("epochs");
const batchSizeInput = element<HTMLInputElement>("batch-size");
const trainButton = element<HTMLButtonElement>("train");
const stopButton = element<HTMLButtonElement>("stop");
const status = element<HTMLParagraphElement>("status");

let check: SpecCheck = { ok: false, path: "$", message: "no spec yet" };
let trained: { model: Model; bytes: Uint8Array; data: PreparedData; predictions: Float32Array } | undefined;
let californiaHousing: Promise<TabularData> | undefined;

// Spec editor: presets fill it; every edit is checked and the error shown at its JSON path.
PRESETS.forEach((preset, i) => presetSelect.add(new Option(preset.name, String(i))));
presetSelect.addEventListener("change", () => applyPreset(Number(presetSelect.value)));
specEditor.addEventListener("input", showSpecCheck);
applyPreset(0);

function applyPreset(index: number): void {
  const preset = PRESETS[index];
  specEditor.value = JSON.stringify(preset.spec, null, 2);
  epochsInput.value = String(preset.epochs);
  batchSizeInput.value = preset.batchSize === undefined ? "" : String(preset.batchSize);
  if (preset.task === "classification" && dataSelect.value === "california") dataSelect.value = "cifar10";
  if (preset.task === "regression" && dataSelect.value === "cifar10") dataSelect.value = "california";
  showDataInputs();
  showSpecCheck();
}

function showSpecCheck(): void {
  check = checkSpecText(specEditor.value);
  specError.className = check.ok ? "ok" : "";
  specError.textContent = check.ok ? "✓ spec is valid" : `${check.path}: ${check.message}`;
  specError.dataset.path = check.ok ? "" : check.path;
  trainButton.disabled = !check.ok || document.body.dataset.state === "training";
}

// Data: the bundled table, or a file the user picks.
dataSelect.addEventListener("change", showDataInputs);

function showDataInputs(): void {
  element("file-row").hidden = dataSelect.value === "california";
  element("target-row").hidden = dataSelect.value !== "csv";
}

async function loadData(): Promise<PreparedData> {
  const task = check.ok ? taskOf(check.spec) : "regression";
  if (dataSelect.value === "california") {
    californiaHousing ??= fetchCaliforniaHousing();
    return prepare("California Housing", task, await californiaHousing, CALIFORNIA_HOUSING_FEATURE_NAMES);
  }
  const file = fileInput.files?.[0];
  if (!file) throw new Error("pick a file first");
  if (dataSelect.value === "cifar10") {
    const table = cifar10Table(new Uint8Array(await file.arrayBuffer()), 5000, file.name);
    return prepare(file.name, "classification", table, []);
  }
  const { table, featureNames } = csvTable(await file.text(), targetColumn.value, task, file.name);
  return prepare(file.name, task, table, featureNames);
}

// Training: in a worker (trainInWorker), with a live loss curve and a stop button.
let stopTraining: AbortController | undefined;
trainButton.addEventListener("click", () => void train().catch(showFailure));
stopButton.addEventListener("click", () => stopTraining?.abort());

async function train(): Promise<void> {
  if (!check.ok) return;
  setState("training");
  status.textContent = "Loading data…";
  const data = await loadData();
  const spec = check.spec;
  const losses: number[] = [];
  const epochs = Number(epochsInput.value);
  const batchSize = batchSizeInput.value ? Number(batchSizeInput.value) : undefined;
  stopTraining = new AbortController();
  const result = await trainInWorker(spec, data.train, {
    epochs,
    batchSize,
    signal: stopTraining.signal,
    onStart: showBackend,
    onEpoch: (info) => {
      losses.push(info.loss);
      drawLossCurve(element("loss-curve"), losses);
      status.textContent = `Epoch ${info.epoch}/${info.epochs} · loss ${info.loss.toFixed(4)} · ${info.elapsed.toFixed(1)} s`;
    },
  });
  const model = deserializeModel(result.modelBytes);
  const predictions = predict(model, data.test);
  trained = { model, bytes: result.modelBytes, data, predictions };
  showTestMetrics(data, predictions);
  status.textContent = `${result.stopped ? "Stopped" : "Trained"} after ${result.lossHistory.length} epochs in ${result.seconds.toFixed(1)} s on ${data.name}.`;
  setState("trained");
}

function showBackend(backend: WorkerBackendInfo): void {
  const isolation = backend.crossOriginIsolated ? "cross-origin isolated" : "not cross-origin isolated";
  element("backend").textContent = `backend: ${backend.name} · ${backend.threads} thread${backend.threads === 1 ? "" : "s"} · ${isolation}${backend.relaxedSimd ? " · relaxed SIMD" : ""}`;
  element("backend").dataset.threads = String(backend.threads);
}

function setState(state: "training" | "trained" | "failed"): void {
  document.body.dataset.state = state;
  stopButton.disabled = state !== "training";
  trainButton.disabled = state === "training" || !check.ok;
  for (const id of ["download-safetensors", "download-onnx"]) element<HTMLButtonElement>(id).disabled = state !== "trained";
}

function showFailure(error: unknown): void {
  status.textContent = `Failed: ${(error as Error).message}`;
  setState("failed");
}

// Evaluation on the page's thread, on the reference backend: a few thousand rows, a small network.
function predict(model: Model, table: TabularData): Float32Array {
  const x = Tensor.from(table.features, [table.rows, table.cols], { dtype: model.dtype });
  const out = model.predict(x);
  if (out.cols === 1) return Float32Array.from(out.data);
  const labels = model.backend.argmaxRows(out);
  return Float32Array.from(labels);
}

function showTestMetrics(data: PreparedData, predictions: Float32Array): void {
  const actual = data.test.targets;
  const metrics = element<HTMLDListElement>("metrics");
  const rows: [string, string, number][] =
    data.task === "regression"
      ? [
          ["R²", "r2", r2Score(actual, predictions)],
          ["MSE", "mse", meanSquaredError(actual, predictions)],
          ["MAE", "mae", meanAbsoluteError(actual, predictions)],
        ]
      : [["Accuracy", "accuracy", accuracy(actual, predictions)]];
  metrics.replaceChildren(...rows.flatMap(([label, key, value]) => {
    const term = document.createElement("dt");
    term.textContent = label;
    const definition = document.createElement("dd");
    definition.textContent = value.toFixed(4);
    definition.dataset.metric = key;
    return [term, definition];
  }));
  metrics.insertAdjacentHTML("beforeend", `<dt>Test rows</dt><dd>${data.test.rows}</dd>`);
  const parity = element<HTMLCanvasElement>("parity");
  const confusion = element<HTMLTableElement>("confusion");
  parity.hidden = data.task !== "regression";
  confusion.hidden = data.task === "regression";
  if (data.task === "regression") drawParityPlot(parity, actual, predictions);
  else {
    const matrix = confusionMatrix(actual, predictions);
    renderConfusionMatrix(confusion, matrix.labels, matrix.counts);
  }
}

// Model files: download as safetensors or ONNX (with the standardization in the graph), load back.
element("download-safetensors").addEventListener("click", () => {
  if (trained) download(serializeModel(trained.model), "model.safetensors");
});
element("download-onnx").addEventListener("click", () => {
  if (trained) download(exportOnnx(trained.model, { preprocessing: { mean: trained.data.mean, scale: trained.data.scale } }), "model.onnx");
});
element<HTMLInputElement>("load-model").addEventListener("change", (event) => void loadModel(event).catch(showFailure));

function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/octet-stream" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function loadModel(event: Event): Promise<void> {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  const model = deserializeModel(new Uint8Array(await file.arrayBuffer()), { source: file.name });
  specEditor.value = JSON.stringify(model.toSpec(), null, 2);
  showSpecCheck();
  const result = element("load-result");
  if (!trained) {
    result.textContent = `Loaded ${file.name}: ${model.parameters().length} parameter tensors. Train once to compare predictions.`;
    return;
  }
  const predictions = predict(model, trained.data.test);
  let largest = 0;
  for (let i = 0; i < predictions.length; i++) largest = Math.max(largest, Math.abs(predictions[i] - trained.predictions[i]));
  result.dataset.maxDifference = String(largest);
  result.textContent = `Loaded ${file.name}: on the ${predictions.length} test rows its predictions ${largest === 0 ? "are identical to" : `differ by up to ${largest} from`} the trained model's.`;
  showTestMetrics(trained.data, predictions);
}

// A control that does nothing but count, and records how long its click waited for the page's
// thread (from the input event's time stamp): the browser test clicks it during training.
element("ping").addEventListener("click", (event) => {
  const counter = element("ping-count");
  counter.textContent = String(Number(counter.textContent) + 1);
  counter.dataset.delayMs = (performance.now() - event.timeStamp).toFixed(1);
});
