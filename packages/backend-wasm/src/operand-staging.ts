import type { WasmAllocator } from "./wasm-allocator.js";

export type KernelOperand = Float32Array | Float64Array | Int32Array;

/**
 * Gives kernels byte offsets into the wasm memory for their operands. Tensors allocated by this
 * backend are used in place; any other typed array (a tensor built over a plain array, the labels
 * or result of a call) is copied into a temporary block for the call and copied back afterwards,
 * one block per distinct array so in-place calls stay in place.
 */
export class OperandStaging {
  constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly allocator: WasmAllocator,
    private readonly owns: (data: KernelOperand) => boolean,
  ) {}

  run<R>(operands: readonly KernelOperand[], kernel: (pointers: number[]) => R): R {
    if (operands.every(this.owns)) return kernel(operands.map((data) => data.byteOffset));
    const staged = new Map<KernelOperand, number>();
    for (const data of operands) {
      if (this.owns(data) || staged.has(data)) continue;
      const offset = this.allocator.allocate(data.byteLength);
      this.bytesAt(offset, data.byteLength).set(bytesOf(data));
      staged.set(data, offset);
    }
    try {
      return kernel(operands.map((data) => staged.get(data) ?? data.byteOffset));
    } finally {
      for (const [data, offset] of staged) {
        bytesOf(data).set(this.bytesAt(offset, data.byteLength));
        this.allocator.free(offset);
      }
    }
  }

  private bytesAt(offset: number, length: number): Uint8Array {
    return new Uint8Array(this.memory.buffer, offset, length);
  }
}

function bytesOf(data: KernelOperand): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
