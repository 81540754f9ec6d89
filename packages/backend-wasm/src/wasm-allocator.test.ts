import { describe, expect, it } from "vitest";
import { ALLOCATION_ALIGNMENT, WASM_PAGE_BYTES, WasmAllocator } from "./wasm-allocator.js";
import { WasmMemoryExhaustedError } from "./wasm-memory-exhausted-error.js";

function allocatorOf(initialPages: number, maximumPages: number) {
  const memory = new WebAssembly.Memory({ initial: initialPages, maximum: maximumPages, shared: true });
  return { memory, allocator: new WasmAllocator(memory, maximumPages * WASM_PAGE_BYTES) };
}

describe("WasmAllocator", () => {
  it("never hands out offset 0 and aligns every block", () => {
    const { allocator } = allocatorOf(1, 4);
    const offsets = [1, 3, 64, 65, 100].map((bytes) => allocator.allocate(bytes));
    expect(offsets).toEqual([64, 128, 192, 256, 384]);
    for (const offset of offsets) expect(offset % ALLOCATION_ALIGNMENT).toBe(0);
    expect(allocator.liveBytes).toBe(3 * 64 + 2 * 128);
  });

  it("reuses a freed block for a request it fits, first fit by address", () => {
    const { allocator } = allocatorOf(1, 4);
    const a = allocator.allocate(256);
    const b = allocator.allocate(64);
    const c = allocator.allocate(256);
    allocator.allocate(64);
    allocator.free(a);
    allocator.free(c);
    expect(allocator.allocate(128)).toBe(a);
    expect(allocator.allocate(128)).toBe(a + 128);
    expect(allocator.allocate(200)).toBe(c);
    expect(b).toBe(a + 256);
  });

  it("merges neighbouring free blocks so a larger request fits where smaller ones were", () => {
    const { allocator } = allocatorOf(1, 4);
    const blocks = [64, 64, 64].map((bytes) => allocator.allocate(bytes));
    const guard = allocator.allocate(64);
    allocator.free(blocks[0]);
    allocator.free(blocks[2]);
    allocator.free(blocks[1]);
    expect(allocator.allocate(192)).toBe(blocks[0]);
    expect(allocator.allocate(64)).toBe(guard + 64);
  });

  it("returns free space at the top to the top", () => {
    const { allocator } = allocatorOf(1, 4);
    const a = allocator.allocate(1000);
    const b = allocator.allocate(1000);
    allocator.free(b);
    allocator.free(a);
    expect(allocator.reservedBytes).toBe(ALLOCATION_ALIGNMENT);
    expect(allocator.liveBytes).toBe(0);
  });

  it("grows the memory for a block past its end, keeping earlier views valid", () => {
    const { memory, allocator } = allocatorOf(1, 64);
    const first = allocator.allocate(1024);
    const firstView = new Float64Array(memory.buffer, first, 128);
    firstView.fill(2.5);
    const big = allocator.allocate(5 * WASM_PAGE_BYTES);
    expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(big + 5 * WASM_PAGE_BYTES);
    new Uint8Array(memory.buffer, big, 5 * WASM_PAGE_BYTES).fill(7);
    expect(firstView[127]).toBe(2.5);
    expect(new Float64Array(memory.buffer, first, 128)[0]).toBe(2.5);
  });

  it("throws WasmMemoryExhaustedError past the maximum and stays usable", () => {
    const { allocator } = allocatorOf(1, 2);
    allocator.allocate(1000);
    expect(() => allocator.allocate(2 * WASM_PAGE_BYTES)).toThrow(WasmMemoryExhaustedError);
    expect(() => allocator.allocate(2 * WASM_PAGE_BYTES)).toThrow(/cannot allocate 131072 bytes: 1024 of its 131072-byte memory/);
    expect(allocator.allocate(1000)).toBe(64 + 1024);
  });

  it("rejects freeing an offset it did not hand out", () => {
    const { allocator } = allocatorOf(1, 2);
    const a = allocator.allocate(64);
    expect(() => allocator.free(a + 64)).toThrow(/no live block starts at offset 128/);
    allocator.free(a);
    expect(() => allocator.free(a)).toThrow(RangeError);
  });
});
