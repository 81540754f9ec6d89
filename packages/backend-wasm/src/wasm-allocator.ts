import { WasmMemoryExhaustedError } from "./wasm-memory-exhausted-error.js";

export const WASM_PAGE_BYTES = 65536;

/** Every block starts on a cache line, which also satisfies v128 alignment. */
export const ALLOCATION_ALIGNMENT = 64;

interface FreeBlock {
  offset: number;
  bytes: number;
}

function alignUp(bytes: number): number {
  return Math.ceil(bytes / ALLOCATION_ALIGNMENT) * ALLOCATION_ALIGNMENT;
}

/**
 * First-fit allocator over a WebAssembly memory, kept in JavaScript: freed blocks go to an
 * address-ordered list and merge with free neighbours; a request no free block fits is cut from
 * the top, growing the memory when the top passes its end. Offset 0 is never handed out, so kernels
 * can read 0 as "no tensor".
 */
export class WasmAllocator {
  private readonly freeBlocks: FreeBlock[] = [];
  private readonly liveBlocks = new Map<number, number>();
  private top = ALLOCATION_ALIGNMENT;
  private live = 0;

  constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly maximumBytes: number,
  ) {}

  /** Bytes in live blocks. */
  get liveBytes(): number {
    return this.live;
  }

  /** Bytes below the top: live blocks plus free ones not yet given back. */
  get reservedBytes(): number {
    return this.top;
  }

  /** The offset of a new block of at least `bytes` bytes, aligned to ALLOCATION_ALIGNMENT. */
  allocate(bytes: number): number {
    const size = alignUp(Math.max(bytes, 1));
    const index = this.freeBlocks.findIndex((block) => block.bytes >= size);
    let offset: number;
    if (index >= 0) {
      const block = this.freeBlocks[index];
      offset = block.offset;
      if (block.bytes === size) this.freeBlocks.splice(index, 1);
      else {
        block.offset += size;
        block.bytes -= size;
      }
    } else {
      offset = this.top;
      this.ensureCapacity(offset + size, bytes);
      this.top = offset + size;
    }
    this.liveBlocks.set(offset, size);
    this.live += size;
    return offset;
  }

  /** Returns a block from `allocate` to the free list. */
  free(offset: number): void {
    const size = this.liveBlocks.get(offset);
    if (size === undefined) throw new RangeError(`WasmAllocator.free: no live block starts at offset ${offset}`);
    this.liveBlocks.delete(offset);
    this.live -= size;
    const index = this.insertionIndex(offset);
    const block: FreeBlock = { offset, bytes: size };
    this.freeBlocks.splice(index, 0, block);
    const next = this.freeBlocks[index + 1];
    if (next && block.offset + block.bytes === next.offset) {
      block.bytes += next.bytes;
      this.freeBlocks.splice(index + 1, 1);
    }
    const previous = this.freeBlocks[index - 1];
    if (previous && previous.offset + previous.bytes === block.offset) {
      previous.bytes += block.bytes;
      this.freeBlocks.splice(index, 1);
    }
    // A free block touching the top is returned to it, so later large requests can use the space.
    const last = this.freeBlocks[this.freeBlocks.length - 1];
    if (last && last.offset + last.bytes === this.top) {
      this.top = last.offset;
      this.freeBlocks.pop();
    }
  }

  private insertionIndex(offset: number): number {
    let low = 0;
    let high = this.freeBlocks.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.freeBlocks[mid].offset < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private ensureCapacity(end: number, requested: number): void {
    const current = this.memory.buffer.byteLength;
    if (end <= current) return;
    if (end > this.maximumBytes) throw new WasmMemoryExhaustedError(requested, this.live, this.maximumBytes);
    // Grow by at least half again, so a run of allocations does not grow page by page.
    const wanted = Math.min(Math.max(end, Math.ceil(current * 1.5)), this.maximumBytes);
    this.memory.grow(Math.ceil((wanted - current) / WASM_PAGE_BYTES));
  }
}
