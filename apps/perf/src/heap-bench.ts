import { buildModel, fit, getDefaultRegistry, type DType } from "@nabla/core";
import type { DiscoveredBackend } from "./backend-discovery.js";
import { syntheticTaskData } from "./epoch-bench.js";
import type { MlpTask } from "./mlp-tasks.js";
import { rowPlatform, type RowPlatform } from "./row-platform.js";

export interface HeapRow extends RowPlatform {
  backend: string;
  dtype: DType;
  task: string;
  epochs: number;
  /** Whether global.gc ran before each sample (node --expose-gc); without it the samples include garbage. */
  collected: boolean;
  /** heapUsed in bytes after every `every` epochs. */
  samples: number[];
  every: number;
  first: number;
  last: number;
  max: number;
  /** process.memoryUsage().arrayBuffers at the same moments: typed-array storage lives outside the V8 heap. */
  arrayBuffersFirst: number;
  arrayBuffersLast: number;
}

export interface HeapBenchOptions {
  epochs: number;
  every: number;
  threads: number;
  dtype: DType;
  log: (line: string) => void;
}

/**
 * Heap in use while the regression MLP trains for `epochs` epochs, sampled every `every` epochs:
 * a flat series shows that a training step allocates nothing that outlives it.
 */
export function runHeapBench(backends: readonly DiscoveredBackend[], task: MlpTask, options: HeapBenchOptions): HeapRow[] {
  const gc = (globalThis as { gc?: () => void }).gc;
  const rows: HeapRow[] = [];
  for (const discovered of backends) {
    const instance = discovered.create(discovered.threaded ? options.threads : undefined);
    try {
      const { backend } = instance;
      const data = syntheticTaskData(task, task.rows, backend, options.dtype);
      const model = buildModel(task.spec, { registry: getDefaultRegistry(), backend, dtype: options.dtype, seed: 42 });
      const samples: number[] = [];
      const arrayBuffers: number[] = [];
      fit(model, data.x, data.y, {
        epochs: options.epochs,
        onEpochEnd: ({ epoch }) => {
          if (epoch % options.every !== 0) return;
          gc?.();
          const usage = process.memoryUsage();
          samples.push(usage.heapUsed);
          arrayBuffers.push(usage.arrayBuffers);
        },
      });
      const row: HeapRow = {
        backend: discovered.key,
        dtype: options.dtype,
        task: task.task,
        epochs: options.epochs,
        collected: gc !== undefined,
        samples,
        every: options.every,
        first: samples[0],
        last: samples[samples.length - 1],
        max: Math.max(...samples),
        arrayBuffersFirst: arrayBuffers[0],
        arrayBuffersLast: arrayBuffers[arrayBuffers.length - 1],
        ...rowPlatform(backend),
      };
      rows.push(row);
      const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
      options.log(`heap ${discovered.key} ${options.dtype}: first ${mb(row.first)} MiB, last ${mb(row.last)} MiB, max ${mb(row.max)} MiB`);
    } finally {
      instance.release();
    }
  }
  return rows;
}
