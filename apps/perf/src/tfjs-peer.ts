import { createRequire } from "node:module";
import { dirname } from "node:path";
import { describeEpochRow, timedEpochRow, type PeerOptions, type PeerResult } from "./epoch-row.js";
import type { MlpTask } from "./mlp-tasks.js";
import { rowPlatform } from "./row-platform.js";
import { fillUniform, syntheticLabels } from "./synthetic-data.js";
import { planEpochs, timeSeconds } from "./timing.js";

type Tf = typeof import("@tensorflow/tfjs-core");
type TfTensor = import("@tensorflow/tfjs-core").Tensor;
type TfVariable = import("@tensorflow/tfjs-core").Variable;

const TF_BACKENDS = ["cpu", "wasm"] as const;

/** Where the wasm backend's .wasm files are: its package's dist folder, beside its entry file. */
function tfjsWasmDist(): string {
  const require = createRequire(import.meta.url);
  return `${dirname(require.resolve("@tensorflow/tfjs-backend-wasm"))}/`;
}

/** The MLP as tf.variables and a full-batch Adam step (forward, loss, gradients by tf, update). */
function tfjsTrainer(tf: Tf, task: MlpTask, rows: number): { step: () => void; dispose: () => void } {
  const inputs = new Float32Array(rows * task.widths[0]);
  fillUniform(inputs, 11);
  const x = tf.tensor2d(inputs, [rows, task.widths[0]]);
  const outputs = task.widths[task.widths.length - 1];
  let target: TfTensor;
  if (task.loss === "cross-entropy") {
    target = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(syntheticLabels(rows, outputs, 5), "int32"), outputs), "float32"));
  } else {
    const values = new Float32Array(rows * outputs);
    fillUniform(values, 13);
    target = tf.tensor2d(values, [rows, outputs]);
  }
  const weights: TfVariable[] = [];
  const biases: TfVariable[] = [];
  for (let l = 0; l + 1 < task.widths.length; l++) {
    const [fanIn, fanOut] = [task.widths[l], task.widths[l + 1]];
    weights.push(tf.variable(tf.randomNormal([fanIn, fanOut], 0, Math.sqrt(2 / fanIn), "float32", 42 + l)));
    biases.push(tf.variable(tf.zeros([1, fanOut])));
  }
  const activate = task.activation === "relu" ? tf.relu : tf.tanh;
  const loss = () => {
    let a: TfTensor = x;
    weights.forEach((w, l) => {
      const z = tf.add(tf.matMul(a, w), biases[l]);
      a = l + 1 < weights.length ? activate(z) : z;
    });
    return task.loss === "mse"
      ? tf.mean(tf.square(tf.sub(a, target)))
      : tf.neg(tf.mean(tf.sum(tf.mul(target, tf.logSoftmax(a)), 1)));
  };
  const optimizer = tf.train.adam(task.learningRate, 0.9, 0.999, 1e-8);
  const variables = [...weights, ...biases];
  return {
    step: () =>
      tf.tidy(() => {
        // Reading the loss waits for the step, on backends that would otherwise run ahead.
        optimizer.minimize(() => loss() as import("@tensorflow/tfjs-core").Scalar, true, variables)?.dataSync();
      }),
    dispose: () => {
      optimizer.dispose();
      tf.dispose([x, target, ...variables]);
    },
  };
}

function epochSeconds(tf: Tf, task: MlpTask, rows: number, epochs: number): number[] {
  const trainer = tfjsTrainer(tf, task, rows);
  try {
    return Array.from({ length: epochs }, () => timeSeconds(trainer.step));
  } finally {
    trainer.dispose();
  }
}

/**
 * The report's MLPs in TensorFlow.js 4.22 on its cpu and wasm backends, float32 only (TF.js has
 * no float64 tensors). An epoch is estimated from one step on a tenth of the rows first, so the
 * 85–190 s CPU epochs of CIFAR run once with no warm-up rather than six times.
 */
export async function runTfjsPeer(tasks: readonly MlpTask[], options: PeerOptions): Promise<PeerResult> {
  const result: PeerResult = { rows: [], skipped: [], notes: [] };
  let tf: Tf;
  try {
    tf = await import("@tensorflow/tfjs-core");
    await import("./tfjs-gradients.js");
    await import("@tensorflow/tfjs-backend-cpu");
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    wasm.setWasmPaths(tfjsWasmDist());
    // PROD turns off TF.js's debug checks and its "install tfjs-node" banner.
    tf.env().set("PROD", true);
  } catch (error) {
    result.notes.push(`TensorFlow.js could not be loaded: ${(error as Error).message}`);
    return result;
  }
  for (const backendName of TF_BACKENDS) {
    try {
      if (!(await tf.setBackend(backendName))) throw new Error(`tf.setBackend("${backendName}") returned false`);
      await tf.ready();
    } catch (error) {
      result.notes.push(`TensorFlow.js ${backendName} backend did not start: ${(error as Error).message}`);
      continue;
    }
    let threads = 1;
    if (backendName === "wasm") {
      const wasm = await import("@tensorflow/tfjs-backend-wasm");
      threads = wasm.getThreadsCount();
      const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
      const multithread = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
      result.notes.push(`TensorFlow.js wasm: SIMD ${simd ? "on" : "off"}, multithreading ${multithread ? "on" : "off"}, ${threads} thread(s)`);
    }
    for (const task of tasks) {
      const where = `tfjs ${backendName} float32 ${task.task}`;
      try {
        const probeRows = Math.ceil(task.rows / 10);
        const [probe] = epochSeconds(tf, task, probeRows, 1);
        const estimate = (probe * task.rows) / probeRows;
        const plan = planEpochs(estimate, options.budgetSeconds, { warmup: options.warmupEpochs, epochs: task.timedEpochs });
        if (!plan) {
          const reason = `one epoch estimated at ${estimate.toFixed(0)} s, over the ${options.budgetSeconds} s budget`;
          result.skipped.push({ section: "peers", system: "tfjs", backend: backendName, dtype: "float32", what: task.task, reason });
          options.log(`${where}: skipped, ${reason}`);
          continue;
        }
        const seconds = epochSeconds(tf, task, task.rows, plan.warmup + plan.epochs).slice(plan.warmup);
        const row = timedEpochRow({ system: "tfjs", backend: backendName, dtype: "float32", threads, ...rowPlatform() }, task, plan, seconds);
        result.rows.push(row);
        options.log(`${where}: ${describeEpochRow(row)}`);
      } catch (error) {
        result.skipped.push({ section: "peers", system: "tfjs", backend: backendName, dtype: "float32", what: task.task, reason: `failed: ${(error as Error).message}` });
        options.log(`${where}: failed, ${(error as Error).message}`);
      }
    }
  }
  return result;
}
