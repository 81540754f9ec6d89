// Tiny hand-assembled modules whose validation tells which WebAssembly features this runtime has.

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
// One type, () → v128, and one function of that type.
const TYPE_AND_FUNCTION = [0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, 0x03, 0x02, 0x01, 0x00];
const V128_CONST_ZERO = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];

function moduleReturning(body: readonly number[]): Uint8Array {
  const code = [0x00, ...body, 0x0b];
  return new Uint8Array([...HEADER, ...TYPE_AND_FUNCTION, 0x0a, code.length + 2, 0x01, code.length, ...code]);
}

/** (func (result v128) (v128.const i32x4 0 0 0 0)) */
const SIMD_PROBE = moduleReturning(V128_CONST_ZERO);

/** (func (result v128) (f32x4.relaxed_madd (v128.const 0) (v128.const 0) (v128.const 0))) */
const RELAXED_SIMD_PROBE = moduleReturning([...V128_CONST_ZERO, ...V128_CONST_ZERO, ...V128_CONST_ZERO, 0xfd, 0x85, 0x02]);

/** What this runtime's WebAssembly supports, probed once with tiny modules. */
export interface WasmFeatures {
  /** Fixed-width 128-bit SIMD: required by every kernel. */
  readonly simd: boolean;
  /** Relaxed SIMD (fused multiply-add): used by the GEMM when present (Node 20 needs --experimental-wasm-relaxed-simd). */
  readonly relaxedSimd: boolean;
  /** Shared memories (the kernels import one); worker threads may run kernels over them where the runtime lets memory be shared with workers. */
  readonly sharedMemory: boolean;
}

function hasSharedMemory(): boolean {
  try {
    // Not `instanceof SharedArrayBuffer`: a browser page that is not crossOriginIsolated hides that
    // constructor, yet still creates shared wasm memories, which one thread can use.
    const buffer = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer;
    return Object.prototype.toString.call(buffer) === "[object SharedArrayBuffer]";
  } catch {
    return false;
  }
}

let detected: WasmFeatures | undefined;

/** What this runtime's WebAssembly supports, probed once. */
export function detectWasmFeatures(): WasmFeatures {
  detected ??= {
    simd: typeof WebAssembly === "object" && WebAssembly.validate(SIMD_PROBE),
    relaxedSimd: typeof WebAssembly === "object" && WebAssembly.validate(RELAXED_SIMD_PROBE),
    sharedMemory: typeof WebAssembly === "object" && hasSharedMemory(),
  };
  return detected;
}
