import { fastestEpoch, type EpochRow } from "./epoch-row.js";
import { gemmRatios } from "./gemm-ratios.js";
import { minibatchRatios } from "./minibatch-ratios.js";
import type { PerfReport } from "./perf-report.js";

/** One performance target of the fast-kernels issue, checked against the numbers of one run. */
export interface TargetCheck {
  target: string;
  measured: string;
  /** undefined when the run lacks a number the target needs. */
  met: boolean | undefined;
}

const GEMM_FLOOR: Record<string, number> = { "nabla/wasm": 30, "nabla/native": 110 };
// Heap samples move by a fraction of a MiB as V8 tiers code up; growth per epoch would show as MiBs.
const HEAP_GROWTH_LIMIT_MIB = 0.5;

function missing(target: string, what: string): TargetCheck {
  return { target, measured: `not measured (${what})`, met: undefined };
}

function gemmCheck(report: PerfReport, backend: string): TargetCheck {
  const floor = GEMM_FLOOR[backend];
  const target = `${backend} float32 on all cores: ≥ ${floor} GFLOP/s on each CIFAR product`;
  const rows = report.gemm.filter((r) => r.backend === backend && r.dtype === "float32");
  const threads = Math.max(...rows.map((r) => r.threads ?? 0));
  const best = rows.filter((r) => (r.threads ?? 0) === threads);
  if (best.length === 0) return missing(target, `no ${backend} float32 GEMM rows`);
  const slowest = Math.min(...best.map((r) => r.gflops));
  return { target, measured: `${best.map((r) => r.gflops.toFixed(1)).join(" / ")} GFLOP/s (${threads} threads)`, met: slowest >= floor };
}

// Issue #11 item 3: native float32 ahead of NumPy/OpenBLAS on every product, measured side by side.
function gemmAgainstNumpyCheck(report: PerfReport): TargetCheck {
  const target = "nabla/native float32 GEMM ≥ 1.0 × NumPy's on each CIFAR product (same run, most threads)";
  const ratios = gemmRatios(report.gemm).filter((r) => r.peer.backend === "numpy" && r.dtype === "float32" && r.nabla.backend === "nabla/native");
  const threads = Math.max(...ratios.map((r) => r.threads ?? 0));
  const atMost = ratios.filter((r) => (r.threads ?? 0) === threads);
  if (atMost.length === 0) return missing(target, "no native and NumPy float32 GEMM rows");
  return { target, measured: `${atMost.map((r) => r.ratio.toFixed(2)).join(" / ")} (${threads} threads)`, met: atMost.every((r) => r.ratio >= 1) };
}

function ratioCheck(target: string, ours: EpochRow | undefined, theirs: EpochRow | undefined, limit: number, what: string): TargetCheck {
  if (!ours || !theirs) return missing(target, what);
  const ratio = ours.secondsPerEpoch / theirs.secondsPerEpoch;
  return { target, measured: `${ours.secondsPerEpoch.toPrecision(3)} s ÷ ${theirs.secondsPerEpoch.toPrecision(3)} s = ${ratio.toFixed(2)}`, met: ratio <= limit };
}

/** Issue #11: a batch-128 CIFAR epoch ≤ 1.4× the full-batch epoch on the same backend, and ≤ NumPy's batch-128 epoch. */
function minibatchCheck(report: PerfReport, backend: string): TargetCheck {
  const target = `${backend} float32 classification at batch 128: epoch ≤ 1.4 × its full-batch epoch and ≤ NumPy's batch-128 epoch`;
  const found = minibatchRatios(report.minibatch ?? []).find((r) => r.system === "nabla" && r.backend === backend && r.dtype === "float32" && r.task === "classification" && r.batchSize === 128);
  if (!found || found.numpySecondsPerEpoch === undefined) return missing(target, `${backend} or NumPy float32 batch-128 classification`);
  const { secondsPerEpoch: ours, fullBatchSecondsPerEpoch: full, numpySecondsPerEpoch: numpy } = found;
  return {
    target,
    measured: `${ours.toPrecision(3)} s ÷ ${full.toPrecision(3)} s full batch = ${found.ratio.toFixed(2)}; NumPy ${numpy.toPrecision(3)} s`,
    met: found.ratio <= 1.4 && ours <= numpy,
  };
}

/** The targets of the fast-kernels issue, each with the measurement that decides it. */
export function targetChecks(report: PerfReport): TargetCheck[] {
  const rows = report.epochs;
  const numpy = (task: string) => fastestEpoch(rows, { system: "numpy", task, dtype: "float64" });
  const checks: TargetCheck[] = [gemmCheck(report, "nabla/wasm")];

  checks.push(
    ratioCheck(
      "nabla/wasm float32 classification epoch ≤ 0.9 × the report's algorithm in NumPy float64",
      fastestEpoch(rows, { system: "nabla", backend: "nabla/wasm", task: "classification", dtype: "float32" }),
      numpy("classification"),
      0.9,
      "wasm or NumPy classification",
    ),
  );
  checks.push(gemmCheck(report, "nabla/native"));

  const nativeEpoch = fastestEpoch(rows, { system: "nabla", backend: "nabla/native", task: "classification", dtype: "float32" });
  const pytorchTarget = "nabla/native float32 classification epoch ≤ 0.7 s (PyTorch here: 0.76–0.99 s)";
  checks.push(nativeEpoch ? { target: pytorchTarget, measured: `${nativeEpoch.secondsPerEpoch.toPrecision(3)} s`, met: nativeEpoch.secondsPerEpoch <= 0.7 } : missing(pytorchTarget, "native classification"));

  const regressionTarget = "regression epoch ≤ 1/3 of NumPy float64's, on a compiled backend (native or wasm, either dtype)";
  const numpyRegression = numpy("regression");
  const compiled = rows.filter((r) => r.system === "nabla" && r.task === "regression" && r.backend !== "nabla/reference");
  if (!numpyRegression || compiled.length === 0) {
    checks.push(missing(regressionTarget, "NumPy or compiled-backend regression"));
  } else {
    const ratios = compiled.map((r) => ({ label: `${r.backend.replace("nabla/", "")} ${r.dtype}`, ratio: r.secondsPerEpoch / numpyRegression.secondsPerEpoch }));
    checks.push({
      target: regressionTarget,
      measured: `${ratios.map((r) => `${r.label} ${r.ratio.toFixed(2)}`).join(", ")} (NumPy ${numpyRegression.secondsPerEpoch.toPrecision(3)} s)`,
      met: ratios.some((r) => r.ratio <= 1 / 3),
    });
  }

  const heapTarget = `heap flat over 100 epochs: last sample within ${HEAP_GROWTH_LIMIT_MIB} MiB of the first, every backend`;
  if (report.heap.length === 0) {
    checks.push(missing(heapTarget, "heap section"));
  } else {
    const growth = report.heap.map((r) => ({ backend: r.backend.replace("nabla/", ""), mib: (r.last - r.first) / 2 ** 20 }));
    checks.push({
      target: heapTarget,
      measured: growth.map((g) => `${g.backend} ${g.mib >= 0 ? "+" : ""}${g.mib.toFixed(2)} MiB`).join(", "),
      met: growth.every((g) => g.mib <= HEAP_GROWTH_LIMIT_MIB),
    });
  }

  const wasmEpoch = fastestEpoch(rows, { system: "nabla", backend: "nabla/wasm", task: "classification", dtype: "float32" });
  const tfjsBest = fastestEpoch(rows, { system: "tfjs", task: "classification", dtype: "float32" });
  const tfjsTarget = "nabla/wasm float32 classification ≥ 40× faster than TensorFlow.js's best backend";
  if (!wasmEpoch || !tfjsBest) {
    checks.push(missing(tfjsTarget, "wasm or TensorFlow.js classification"));
  } else {
    const speedup = tfjsBest.secondsPerEpoch / wasmEpoch.secondsPerEpoch;
    checks.push({
      target: tfjsTarget,
      measured: `TensorFlow.js ${tfjsBest.backend} ${tfjsBest.secondsPerEpoch.toPrecision(3)} s ÷ ${wasmEpoch.secondsPerEpoch.toPrecision(3)} s = ${speedup.toFixed(0)}×`,
      met: speedup >= 40,
    });
  }

  checks.push(gemmAgainstNumpyCheck(report));
  checks.push(
    ratioCheck(
      "nabla/native float32 classification epoch ≤ 0.6 × NumPy float32's",
      nativeEpoch,
      fastestEpoch(rows, { system: "numpy", task: "classification", dtype: "float32" }),
      0.6,
      "native or NumPy float32 classification",
    ),
  );
  for (const backend of ["nabla/native", "nabla/wasm"]) checks.push(minibatchCheck(report, backend));
  return checks;
}
