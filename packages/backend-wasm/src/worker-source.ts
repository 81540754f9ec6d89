// The program each kernel worker runs, as source text, so it needs no file beside the bundle and
// the ESM and CJS builds share it: Node evaluates it with `new Worker(source, { eval: true })`,
// browsers load it from a Blob URL. Only how the worker receives its data differs, so each host
// appends its own last line.
// Layout of the control buffer: see parallel-runner.ts.

/** Defines `runKernelLoop(data)`, the loop that runs this worker's job slot until told to stop. */
export const KERNEL_LOOP_SOURCE = `
function runKernelLoop({ module, memory, control, slotIndex, slotOffset, slotDoubles, kernelNames }) {
  const GENERATION = 0, PENDING = 1, READY = 2, FAILED = 3, STOP = 4;
  const header = new Int32Array(control);
  const slot = new Float64Array(control, slotOffset + slotIndex * slotDoubles * 8, slotDoubles);
  let kernels;
  try {
    const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
    kernels = kernelNames.map((name) => exports[name]);
  } catch {
    Atomics.store(header, FAILED, 1);
  }
  Atomics.add(header, READY, 1);
  Atomics.notify(header, READY);
  let seen = 0;
  while (kernels) {
    Atomics.wait(header, GENERATION, seen);
    const generation = Atomics.load(header, GENERATION);
    if (generation === seen) continue;
    seen = generation;
    if (Atomics.load(header, STOP) !== 0) break;
    const kernel = slot[0];
    try {
      if (kernel >= 0) kernels[kernel](...slot.subarray(2, 2 + slot[1]));
      // -2: compile the generated module whose bytes are at [offset, offset + length) of the memory
      // and append its exports, in order, to the kernels (ParallelRunner.addModule).
      else if (kernel === -2) {
        const generated = new WebAssembly.Module(new Uint8Array(memory.buffer, slot[2], slot[3]).slice());
        const instance = new WebAssembly.Instance(generated, { env: { memory } });
        for (const { name } of WebAssembly.Module.exports(generated)) kernels.push(instance.exports[name]);
      }
    } catch {
      Atomics.store(header, FAILED, 1);
    }
    if (Atomics.sub(header, PENDING, 1) === 1) Atomics.notify(header, PENDING);
  }
}
`;
