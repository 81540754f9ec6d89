import type { DType } from "@nabla/core";
import { describeEpochRow, timedEpochRow, type PeerOptions, type PeerResult } from "./epoch-row.js";
import type { MlpTask } from "./mlp-tasks.js";
import { rowPlatform } from "./row-platform.js";
import { fillUniform, syntheticLabels } from "./synthetic-data.js";
import { planEpochs, timeSecondsAsync } from "./timing.js";

type Jax = typeof import("@jax-js/jax");
type JaxArray = import("@jax-js/jax").numpy.Array;
type Params = { w: JaxArray[]; b: JaxArray[] };

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/**
 * A float32 typed array as a jax-js array of `dtype`. jax-js 0.1.25 tests every input for
 * `instanceof Float16Array`, a global Node 20 lacks, before it reaches Float64Array; float32
 * input is tested first, so float64 arrays are made from float32 data and cast.
 */
function jaxArray(jax: Jax, values: Float32Array, shape: number[], dtype: DType): JaxArray {
  const array = jax.numpy.array(values, { shape });
  return dtype === "float32" ? array : array.astype(jax.numpy.float64);
}

/** The MLP as a parameter tree and one jitted full-batch step: forward, loss, grad, Adam. */
function jaxTrainer(jax: Jax, task: MlpTask, rows: number, dtype: DType) {
  const { numpy: np, nn } = jax;
  const inputs = new Float32Array(rows * task.widths[0]);
  fillUniform(inputs, 11);
  const x = jaxArray(jax, inputs, [rows, task.widths[0]], dtype);
  const outputs = task.widths[task.widths.length - 1];
  const targetValues = new Float32Array(rows * outputs);
  if (task.loss === "cross-entropy") syntheticLabels(rows, outputs, 5).forEach((label, r) => (targetValues[r * outputs + label] = 1));
  else fillUniform(targetValues, 13);
  const y = jaxArray(jax, targetValues, [rows, outputs], dtype);

  const layers = task.widths.length - 1;
  let params: Params = { w: [], b: [] };
  for (let l = 0; l < layers; l++) {
    const [fanIn, fanOut] = [task.widths[l], task.widths[l + 1]];
    const values = new Float32Array(fanIn * fanOut);
    fillUniform(values, 42 + l, 2 / fanIn);
    params.w.push(jaxArray(jax, values, [fanIn, fanOut], dtype));
    params.b.push(np.zeros([1, fanOut], { dtype: dtype === "float32" ? np.float32 : np.float64 }));
  }
  let m: Params = jax.tree.map((p: JaxArray) => np.zerosLike(p), jax.tree.ref(params));
  let v: Params = jax.tree.map((p: JaxArray) => np.zerosLike(p), jax.tree.ref(params));

  // Every jax-js function consumes its array arguments: `.ref` keeps one alive for a second use.
  const loss = (p: Params, input: JaxArray, target: JaxArray): JaxArray => {
    let a = input;
    for (let l = 0; l < layers; l++) {
      const z = np.matmul(a, p.w[l]).add(p.b[l]);
      a = l + 1 < layers ? (task.activation === "relu" ? nn.relu(z) : np.tanh(z)) : z;
    }
    return task.loss === "mse" ? np.mean(np.square(a.sub(target))) : np.mean(np.sum(target.mul(nn.logSoftmax(a, -1)), -1)).neg();
  };
  const adam = (p: JaxArray, g: JaxArray, mPrev: JaxArray, vPrev: JaxArray, mScale: JaxArray, vScale: JaxArray) => {
    const mNext = mPrev.mul(BETA1).add(g.ref.mul(1 - BETA1));
    const vNext = vPrev.mul(BETA2).add(np.square(g).mul(1 - BETA2));
    const update = mNext.ref.mul(mScale).mul(task.learningRate).div(np.sqrt(vNext.ref.mul(vScale)).add(EPSILON));
    return [p.sub(update), mNext, vNext];
  };
  const step = jax.jit((p: Params, mState: Params, vState: Params, input: JaxArray, target: JaxArray, mScale: JaxArray, vScale: JaxArray) => {
    const [value, grads] = jax.valueAndGrad(loss)(jax.tree.ref(p), input, target);
    const next: Params = { w: [], b: [] };
    const nextM: Params = { w: [], b: [] };
    const nextV: Params = { w: [], b: [] };
    for (const key of ["w", "b"] as const) {
      for (let l = 0; l < layers; l++) {
        const [pl, ml, vl] = adam(p[key][l], grads[key][l], mState[key][l], vState[key][l], mScale.ref, vScale.ref);
        next[key].push(pl);
        nextM[key].push(ml);
        nextV[key].push(vl);
      }
    }
    mScale.dispose();
    vScale.dispose();
    return { params: next, m: nextM, v: nextV, loss: value };
  });

  let t = 0;
  return {
    step: async () => {
      t++;
      const out = step(params, m, v, x.ref, y.ref, 1 / (1 - BETA1 ** t), 1 / (1 - BETA2 ** t));
      ({ params, m, v } = out);
      await out.loss.jsAsync();
      await jax.blockUntilReady(params);
    },
    dispose: () => {
      step.dispose();
      jax.tree.dispose([params, m, v, x, y]);
    },
  };
}

async function epochSeconds(jax: Jax, task: MlpTask, rows: number, dtype: DType, epochs: number): Promise<number[]> {
  const trainer = jaxTrainer(jax, task, rows, dtype);
  try {
    const seconds: number[] = [];
    for (let e = 0; e < epochs; e++) seconds.push(await timeSecondsAsync(trainer.step));
    return seconds;
  } finally {
    trainer.dispose();
  }
}

/**
 * The report's MLPs in jax-js on its wasm device, float32 and float64, each step one jit-compiled
 * function. jit compiles on the first call of each shape, so at least one warm-up epoch is kept.
 */
export async function runJaxPeer(tasks: readonly MlpTask[], dtypes: readonly DType[], options: PeerOptions): Promise<PeerResult> {
  const result: PeerResult = { rows: [], skipped: [], notes: [] };
  let jax: Jax;
  try {
    jax = await import("@jax-js/jax");
    // init() with no device probes WebGPU through `navigator`, which Node 20 does not define.
    const devices = await jax.init("wasm");
    if (!devices.includes("wasm")) throw new Error(`the wasm device did not start (got ${devices.join(", ")})`);
    jax.defaultDevice("wasm");
  } catch (error) {
    result.notes.push(`jax-js could not run in Node here: ${(error as Error).message}`);
    return result;
  }
  // jax-js parallelizes wasm kernels over Web Workers only where a global Worker exists.
  const threaded = typeof (globalThis as { Worker?: unknown }).Worker !== "undefined";
  result.notes.push(`jax-js wasm: ${threaded ? "Web Workers available (multi-threaded)" : "no global Worker in this Node, so one thread"}`);
  for (const task of tasks) {
    for (const dtype of dtypes) {
      const where = `jax-js wasm ${dtype} ${task.task}`;
      try {
        const probeRows = Math.ceil(task.rows / 10);
        // The first step compiles; the second estimates the epoch.
        const [, probe] = await epochSeconds(jax, task, probeRows, dtype, 2);
        const estimate = (probe * task.rows) / probeRows;
        const plan = planEpochs(estimate, options.budgetSeconds, { warmup: Math.max(1, options.warmupEpochs), epochs: task.timedEpochs }, 1);
        if (!plan) {
          const reason = `one epoch estimated at ${estimate.toFixed(0)} s, over the ${options.budgetSeconds} s budget (with its compile warm-up)`;
          result.skipped.push({ section: "peers", system: "jax-js", backend: "wasm", dtype, what: task.task, reason });
          options.log(`${where}: skipped, ${reason}`);
          continue;
        }
        const seconds = (await epochSeconds(jax, task, task.rows, dtype, plan.warmup + plan.epochs)).slice(plan.warmup);
        const row = timedEpochRow({ system: "jax-js", backend: "wasm", dtype, threads: threaded ? null : 1, ...rowPlatform() }, task, plan, seconds);
        result.rows.push(row);
        options.log(`${where}: ${describeEpochRow(row)}`);
      } catch (error) {
        result.skipped.push({ section: "peers", system: "jax-js", backend: "wasm", dtype, what: task.task, reason: `failed: ${(error as Error).message}` });
        options.log(`${where}: failed, ${(error as Error).message}`);
      }
    }
  }
  return result;
}
