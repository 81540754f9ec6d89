// The three products of a Linear layer with their neighbours fused in: the bias and the activation
// after it (forward), the activation's derivative below it (input gradient), and the bias gradient
// (weight gradients). For a NARROW layer (the regression MLP's 8→16→16→1) each is one pass over the
// rows: the weights are packed into whole vectors in L1, a block of rows keeps its accumulators in
// registers, and the epilogue runs while the block is still in L1; a layer with one output runs
// its vectors along the inputs instead. Wider layers go through the GEMM (driven from JavaScript,
// which splits it across threads) and the epilogues below.
import { RELU, SIGMOID, SILU, TANH } from "./activation-kernels";
import { derivative, forward } from "./activations";
import { madd } from "./gemm";

/** Activation kind meaning "none": z only, or the input gradient without a derivative. */
const NONE: i32 = -1;

// Largest inner dimension and output width (in 16-byte vectors) of the one-pass path: the packed
// weights (MAX_DEPTH × MAX_VECTORS vectors, 8 KiB) stay in L1.
const MAX_DEPTH: i32 = 64;
const MAX_VECTORS: i32 = 8;
// Register blocks span at most this many vectors of a row; wider rows are done in chunks.
const CHUNK_VECTORS: i32 = 4;
// Rows whose products are finished (bias, activation) together, and rows of g packed at a time for
// the weight gradients: both blocks stay in L1.
const BLOCK_ROWS: i32 = 32;
const GRADIENT_BLOCK_ROWS: i32 = 128;

// Scratch layout of one thread. Products: packed weights, then a tile of BLOCK_ROWS rows.
// Weight gradients: partial sums (MAX_DEPTH weight rows and the bias row), then a tile of g rows.
const PACKED_BYTES: usize = <usize>(MAX_DEPTH * MAX_VECTORS * 16);
const PARTIAL_BYTES: usize = <usize>((MAX_DEPTH + 1) * MAX_VECTORS * 16);

@inline function lanes<T>(): i32 {
  return 16 / sizeof<T>();
}

/** Bytes of scratch one thread needs for the fused Linear kernels. */
export function linearScratchBytes(): i32 {
  return <i32>max(PACKED_BYTES + <usize>(BLOCK_ROWS * MAX_VECTORS * 16), PARTIAL_BYTES + <usize>(GRADIENT_BLOCK_ROWS * MAX_VECTORS * 16));
}

/** Whether a product of inner dimension `depth` and output width `width` takes the one-pass path. */
export function linearIsNarrow(isF64: bool, depth: i32, width: i32): bool {
  const L = isF64 ? 2 : 4;
  return depth <= MAX_DEPTH && (width + L - 1) / L <= MAX_VECTORS;
}

// The vectors a row of `width` is padded to: 1, 2, 4 or 8 (two chunks of 4).
function paddedVectors<T>(width: i32): i32 {
  const v = (width + lanes<T>() - 1) / lanes<T>();
  return v <= 1 ? 1 : v <= 2 ? 2 : v <= 4 ? 4 : 8;
}

// ---------------------------------------------------------------------------------------------
// Partial vectors: the last vector of a row that is not a whole vector wide is read and written
// lane by lane, never past the row, which may end where the memory does.

@inline function loadTail<T>(ptr: usize, count: i32): v128 {
  if (sizeof<T>() == 8) return v128.load64_zero(ptr);
  if (count == 1) return v128.load32_zero(ptr);
  if (count == 2) return v128.load64_zero(ptr);
  return v128.load32_lane(ptr, v128.load64_zero(ptr), 2, 8);
}

@inline function storeTail<T>(ptr: usize, value: v128, count: i32): void {
  if (sizeof<T>() == 8) {
    v128.store64_lane(ptr, value, 0);
  } else if (count == 1) {
    v128.store32_lane(ptr, value, 0);
  } else {
    v128.store64_lane(ptr, value, 0);
    if (count == 3) v128.store32_lane(ptr, value, 2, 8);
  }
}

// ---------------------------------------------------------------------------------------------
// Activations on a vector of T. Float32 lanes are evaluated in f64 pairs and rounded once, as the
// activate kernels and the reference backend do; ReLU is exact in either type.

@inline function activationOf<T>(kind: i32, z: v128): v128 {
  if (sizeof<T>() == 8) return forward(kind, z);
  if (kind == RELU) return v128.andnot(z, f32x4.le(z, f32x4.splat(0)));
  const low = forward(kind, f64x2.promote_low_f32x4(z));
  const high = forward(kind, f64x2.promote_low_f32x4(v128.shuffle<f32>(z, z, 2, 3, 2, 3)));
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(low), f32x4.demote_f64x2_zero(high), 0, 1, 4, 5);
}

// gradA ⊙ g'(z), given a = g(z), computed in f64 and rounded once as activateBackward does. For
// ReLU g'(z) is 0 or 1, so multiplying in f32 gives the same result.
@inline function gradientThrough<T>(kind: i32, gradA: v128, z: v128, a: v128): v128 {
  if (sizeof<T>() == 8) return f64x2.mul(gradA, derivative(kind, z, a));
  if (kind == RELU) return f32x4.mul(gradA, v128.and(f32x4.gt(z, f32x4.splat(0)), f32x4.splat(1)));
  const low = f64x2.mul(f64x2.promote_low_f32x4(gradA), derivative(kind, f64x2.promote_low_f32x4(z), f64x2.promote_low_f32x4(a)));
  const high = f64x2.mul(
    f64x2.promote_low_f32x4(v128.shuffle<f32>(gradA, gradA, 2, 3, 2, 3)),
    derivative(kind, f64x2.promote_low_f32x4(v128.shuffle<f32>(z, z, 2, 3, 2, 3)), f64x2.promote_low_f32x4(v128.shuffle<f32>(a, a, 2, 3, 2, 3))),
  );
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(low), f32x4.demote_f64x2_zero(high), 0, 1, 4, 5);
}

// ---------------------------------------------------------------------------------------------
// The register block. For every slot s < slots, slotsFor(V) slots at a time:
//   c_s[:] (+)= Σ_t b_s[t] · w_t[:],  b_s[t] = load<T>(base + s·slotStride + t·stepStride),
// where w_t is V vectors at w + t·wStride and c_s V vectors at c + s·cStride. With slots = rows of
// x and steps = inputs it is a row block of x·W; with slots = inputs and steps = rows of a packed
// g block it accumulates xᵀ·g. Steps run in order t = 0, 1, …, as the GEMM's do. V (1, 2 or 4) is
// a constant at each inlined call, so the picks below fold away. V8 loads all of a step's operands
// before its arithmetic, so accumulators + loads + one product must fit the 15 usable registers:
// 6 rows of 1 vector, 4 of 2, or 2 of 4.

@inline function slotsFor(V: i32): i32 {
  return V == 1 ? 6 : 8 / V;
}

@inline function pick(i: i32, a0: v128, a1: v128, a2: v128, a3: v128, a4: v128, a5: v128): v128 {
  return i == 0 ? a0 : i == 1 ? a1 : i == 2 ? a2 : i == 3 ? a3 : i == 4 ? a4 : a5;
}

@inline function registerBlock<T>(
  V: i32, steps: i32, base: usize, slotStride: usize, stepStride: usize, slots: i32,
  w: usize, wStride: usize, c: usize, cStride: usize, accumulate: bool,
): void {
  const R = slotsFor(V);
  const zero = v128.splat<T>(0);
  for (let s = 0; s < slots; s += R) {
    const last = min(R, slots - s) - 1;
    // Slots past the last repeat it; their sums are not stored.
    const b0 = base + <usize>s * slotStride;
    const b1 = R > 1 ? b0 + <usize>min(1, last) * slotStride : b0;
    const b2 = R > 2 ? b0 + <usize>min(2, last) * slotStride : b0;
    const b3 = R > 3 ? b0 + <usize>min(3, last) * slotStride : b0;
    const b4 = R > 4 ? b0 + <usize>min(4, last) * slotStride : b0;
    const b5 = R > 5 ? b0 + <usize>min(5, last) * slotStride : b0;
    // Accumulator k belongs to slot k / V, vector k % V.
    const cs = c + <usize>s * cStride;
    let a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero, a5 = zero, a6 = zero, a7 = zero;
    if (accumulate) {
      a0 = v128.load(cs);
      if (1 / V <= last) a1 = v128.load(cs + <usize>(1 / V) * cStride + <usize>(1 % V) * 16);
      if (2 / V <= last) a2 = v128.load(cs + <usize>(2 / V) * cStride + <usize>(2 % V) * 16);
      if (3 / V <= last) a3 = v128.load(cs + <usize>(3 / V) * cStride + <usize>(3 % V) * 16);
      if (4 / V <= last) a4 = v128.load(cs + <usize>(4 / V) * cStride + <usize>(4 % V) * 16);
      if (5 / V <= last) a5 = v128.load(cs + <usize>(5 / V) * cStride + <usize>(5 % V) * 16);
      if (6 / V < R && 6 / V <= last) a6 = v128.load(cs + <usize>(6 / V) * cStride + <usize>(6 % V) * 16);
      if (7 / V < R && 7 / V <= last) a7 = v128.load(cs + <usize>(7 / V) * cStride + <usize>(7 % V) * 16);
    }
    let off: usize = 0;
    let wt = w;
    for (let t = 0; t < steps; t++) {
      const x0 = v128.load_splat<T>(b0 + off);
      const x1 = R > 1 ? v128.load_splat<T>(b1 + off) : zero;
      const x2 = R > 2 ? v128.load_splat<T>(b2 + off) : zero;
      const x3 = R > 3 ? v128.load_splat<T>(b3 + off) : zero;
      const x4 = R > 4 ? v128.load_splat<T>(b4 + off) : zero;
      const x5 = R > 5 ? v128.load_splat<T>(b5 + off) : zero;
      const w0 = v128.load(wt);
      const w1 = V > 1 ? v128.load(wt, 16) : zero;
      const w2 = V > 2 ? v128.load(wt, 32) : zero;
      const w3 = V > 3 ? v128.load(wt, 48) : zero;
      a0 = madd<T>(pick(0 / V, x0, x1, x2, x3, x4, x5), pick(0 % V, w0, w1, w2, w3, zero, zero), a0);
      a1 = madd<T>(pick(1 / V, x0, x1, x2, x3, x4, x5), pick(1 % V, w0, w1, w2, w3, zero, zero), a1);
      a2 = madd<T>(pick(2 / V, x0, x1, x2, x3, x4, x5), pick(2 % V, w0, w1, w2, w3, zero, zero), a2);
      a3 = madd<T>(pick(3 / V, x0, x1, x2, x3, x4, x5), pick(3 % V, w0, w1, w2, w3, zero, zero), a3);
      a4 = madd<T>(pick(4 / V, x0, x1, x2, x3, x4, x5), pick(4 % V, w0, w1, w2, w3, zero, zero), a4);
      a5 = madd<T>(pick(5 / V, x0, x1, x2, x3, x4, x5), pick(5 % V, w0, w1, w2, w3, zero, zero), a5);
      if (6 / V < R) a6 = madd<T>(pick(6 / V, x0, x1, x2, x3, x4, x5), pick(6 % V, w0, w1, w2, w3, zero, zero), a6);
      if (7 / V < R) a7 = madd<T>(pick(7 / V, x0, x1, x2, x3, x4, x5), pick(7 % V, w0, w1, w2, w3, zero, zero), a7);
      off += stepStride;
      wt += wStride;
    }
    v128.store(cs, a0);
    if (1 / V <= last) v128.store(cs + <usize>(1 / V) * cStride + <usize>(1 % V) * 16, a1);
    if (2 / V <= last) v128.store(cs + <usize>(2 / V) * cStride + <usize>(2 % V) * 16, a2);
    if (3 / V <= last) v128.store(cs + <usize>(3 / V) * cStride + <usize>(3 % V) * 16, a3);
    if (4 / V <= last) v128.store(cs + <usize>(4 / V) * cStride + <usize>(4 % V) * 16, a4);
    if (5 / V <= last) v128.store(cs + <usize>(5 / V) * cStride + <usize>(5 % V) * 16, a5);
    if (6 / V < R && 6 / V <= last) v128.store(cs + <usize>(6 / V) * cStride + <usize>(6 % V) * 16, a6);
    if (7 / V < R && 7 / V <= last) v128.store(cs + <usize>(7 / V) * cStride + <usize>(7 % V) * 16, a7);
  }
}

// One function per V, so each is compiled (and tiered up by V8) on its own.
function registerBlockV1<T>(steps: i32, base: usize, slotStride: usize, stepStride: usize, slots: i32, w: usize, wStride: usize, c: usize, cStride: usize, accumulate: bool): void {
  registerBlock<T>(1, steps, base, slotStride, stepStride, slots, w, wStride, c, cStride, accumulate);
}

function registerBlockV2<T>(steps: i32, base: usize, slotStride: usize, stepStride: usize, slots: i32, w: usize, wStride: usize, c: usize, cStride: usize, accumulate: bool): void {
  registerBlock<T>(2, steps, base, slotStride, stepStride, slots, w, wStride, c, cStride, accumulate);
}

function registerBlockV4<T>(steps: i32, base: usize, slotStride: usize, stepStride: usize, slots: i32, w: usize, wStride: usize, c: usize, cStride: usize, accumulate: bool): void {
  registerBlock<T>(4, steps, base, slotStride, stepStride, slots, w, wStride, c, cStride, accumulate);
}

/**
 * registerBlock over `slots` slots of `vectors` (1, 2, 4 or 8) vectors: wider rows are done as
 * chunks of 4 vectors, each chunk of w `chunkBytes` after the previous one.
 */
function registerBlocks<T>(
  vectors: i32, slots: i32, steps: i32, base: usize, slotStride: usize, stepStride: usize,
  w: usize, wStride: usize, chunkBytes: usize, c: usize, cStride: usize, accumulate: bool,
): void {
  const V = min(vectors, CHUNK_VECTORS);
  for (let chunk = 0; chunk < vectors; chunk += CHUNK_VECTORS) {
    const wc = w + <usize>(chunk / CHUNK_VECTORS) * chunkBytes;
    const cc = c + <usize>(chunk * 16);
    if (V == 1) registerBlockV1<T>(steps, base, slotStride, stepStride, slots, wc, wStride, cc, cStride, accumulate);
    else if (V == 2) registerBlockV2<T>(steps, base, slotStride, stepStride, slots, wc, wStride, cc, cStride, accumulate);
    else registerBlockV4<T>(steps, base, slotStride, stepStride, slots, wc, wStride, cc, cStride, accumulate);
  }
}

// w(p, j) = weight[p·pStride + j·jStride] for p < depth, j < width, zero past width, in chunks of
// CHUNK_VECTORS vectors (fewer when the row is narrower): chunk-major, then depth-major, so a
// chunk's step t is the vectors at t·(chunk width). A transposed weight packs the same way.
function packWeights<T>(weight: usize, depth: i32, width: i32, pStride: i32, jStride: i32, vectors: i32, dst: usize): void {
  const ES = sizeof<T>();
  const chunkWidth = min(vectors, CHUNK_VECTORS) * lanes<T>();
  memory.fill(dst, 0, <usize>(depth * vectors * 16));
  for (let p = 0; p < depth; p++) {
    for (let j = 0; j < width; j++) {
      const at = (j / chunkWidth) * depth * chunkWidth + p * chunkWidth + j % chunkWidth;
      store<T>(dst + <usize>at * ES, load<T>(weight + <usize>(p * pStride + j * jStride) * ES));
    }
  }
}

// tile (row stride vectors·16 bytes) = rows of a (`depth` columns) times the packed weights.
function multiplyBlock<T>(a: usize, depth: i32, packed: usize, vectors: i32, rows: i32, tile: usize): void {
  const rowBytes = <usize>depth * sizeof<T>();
  const chunkVectors = min(vectors, CHUNK_VECTORS);
  registerBlocks<T>(
    vectors, rows, depth, a, rowBytes, sizeof<T>(),
    packed, <usize>(chunkVectors * 16), <usize>(depth * chunkVectors * 16), tile, <usize>(vectors * 16), false,
  );
}

// ---------------------------------------------------------------------------------------------
// Epilogues, inlined once per activation kind so the optimizer drops the switch from their loops.

// z = src + bias, then a = g(z) unless kind is NONE, for `rows` rows of `width`; src rows are
// srcStride bytes apart (a tile, or z itself when finishing a GEMM in place).
@inline function finishForwardLoop<T>(kind: i32, src: usize, srcStride: usize, bias: usize, z: usize, a: usize, rows: i32, width: i32): void {
  const full = width / lanes<T>();
  const tail = width % lanes<T>();
  const rowBytes = <usize>width * sizeof<T>();
  for (let r = 0; r < rows; r++) {
    const s = src + <usize>r * srcStride;
    const zr = z + <usize>r * rowBytes;
    const ar = a + <usize>r * rowBytes;
    for (let v = 0; v < full; v++) {
      const off = <usize>(v * 16);
      const zv = v128.add<T>(v128.load(s + off), v128.load(bias + off));
      v128.store(zr + off, zv);
      if (kind != NONE) v128.store(ar + off, activationOf<T>(kind, zv));
    }
    if (tail) {
      const off = <usize>(full * 16);
      const zv = v128.add<T>(loadTail<T>(s + off, tail), loadTail<T>(bias + off, tail));
      storeTail<T>(zr + off, zv, tail);
      if (kind != NONE) storeTail<T>(ar + off, activationOf<T>(kind, zv), tail);
    }
  }
}

function finishForward<T>(kind: i32, src: usize, srcStride: usize, bias: usize, z: usize, a: usize, rows: i32, width: i32): void {
  switch (kind) {
    case RELU:
      finishForwardLoop<T>(RELU, src, srcStride, bias, z, a, rows, width);
      break;
    case SIGMOID:
      finishForwardLoop<T>(SIGMOID, src, srcStride, bias, z, a, rows, width);
      break;
    case SILU:
      finishForwardLoop<T>(SILU, src, srcStride, bias, z, a, rows, width);
      break;
    case TANH:
      finishForwardLoop<T>(TANH, src, srcStride, bias, z, a, rows, width);
      break;
    default:
      finishForwardLoop<T>(NONE, src, srcStride, bias, z, a, rows, width);
  }
}

// out = tile ⊙ g'(z) (given a = g(z)), or the tile itself when kind is NONE; tile rows V·16 bytes apart.
@inline function finishInputGradientLoop<T>(kind: i32, tile: usize, V: i32, z: usize, a: usize, out: usize, rows: i32, width: i32): void {
  const full = width / lanes<T>();
  const tail = width % lanes<T>();
  const rowBytes = <usize>width * sizeof<T>();
  // ReLU and SiLU derivatives read z only, sigmoid and tanh a only.
  const readsZ = kind == RELU || kind == SILU;
  const readsA = kind == SIGMOID || kind == TANH;
  const zero = v128.splat<T>(0);
  for (let r = 0; r < rows; r++) {
    const s = tile + <usize>(r * V * 16);
    const at = <usize>r * rowBytes;
    for (let v = 0; v < full; v++) {
      const off = at + <usize>(v * 16);
      const g = v128.load(s + <usize>(v * 16));
      const zv = readsZ ? v128.load(z + off) : zero;
      const av = readsA ? v128.load(a + off) : zero;
      v128.store(out + off, kind == NONE ? g : gradientThrough<T>(kind, g, zv, av));
    }
    if (tail) {
      const off = at + <usize>(full * 16);
      const g = v128.load(s + <usize>(full * 16));
      const zv = readsZ ? loadTail<T>(z + off, tail) : zero;
      const av = readsA ? loadTail<T>(a + off, tail) : zero;
      storeTail<T>(out + off, kind == NONE ? g : gradientThrough<T>(kind, g, zv, av), tail);
    }
  }
}

function finishInputGradient<T>(kind: i32, tile: usize, V: i32, z: usize, a: usize, out: usize, rows: i32, width: i32): void {
  switch (kind) {
    case RELU:
      finishInputGradientLoop<T>(RELU, tile, V, z, a, out, rows, width);
      break;
    case SIGMOID:
      finishInputGradientLoop<T>(SIGMOID, tile, V, z, a, out, rows, width);
      break;
    case SILU:
      finishInputGradientLoop<T>(SILU, tile, V, z, a, out, rows, width);
      break;
    case TANH:
      finishInputGradientLoop<T>(TANH, tile, V, z, a, out, rows, width);
      break;
    default:
      finishInputGradientLoop<T>(NONE, tile, V, z, a, out, rows, width);
  }
}

// ---------------------------------------------------------------------------------------------
// Layers with one output (a regression head). Vectors along the outputs would fill one lane of
// four (f32) or two (f64), so these run them along the inputs instead: the forward pass is a dot
// product per row, and the weight gradient accumulates x rows scaled by g.

// z = x·w + bias and a = g(z) for four rows at a time; w's input vectors are in `packed`, zero
// past `inputs`. Each row's lanes are summed at the end, so the four sums land in one f32 vector
// or two f64 vectors of consecutive rows.
@inline function dotForwardLoop<T>(kind: i32, x: usize, packed: usize, bias: usize, z: usize, a: usize, rows: i32, inputs: i32): void {
  const ES = sizeof<T>();
  const full = inputs / lanes<T>();
  const tail = inputs % lanes<T>();
  const rowBytes = <usize>inputs * ES;
  const b = v128.load_splat<T>(bias);
  const zero = v128.splat<T>(0);
  for (let r = 0; r < rows; r += 4) {
    const count = min(4, rows - r);
    // Rows past the last repeat it; their sums are not stored.
    const x0 = x + <usize>r * rowBytes;
    const x1 = x0 + <usize>min(1, count - 1) * rowBytes;
    const x2 = x0 + <usize>min(2, count - 1) * rowBytes;
    const x3 = x0 + <usize>min(3, count - 1) * rowBytes;
    let s0 = zero, s1 = zero, s2 = zero, s3 = zero;
    for (let v = 0; v < full; v++) {
      const off = <usize>(v * 16);
      const w = v128.load(packed + off);
      s0 = madd<T>(v128.load(x0 + off), w, s0);
      s1 = madd<T>(v128.load(x1 + off), w, s1);
      s2 = madd<T>(v128.load(x2 + off), w, s2);
      s3 = madd<T>(v128.load(x3 + off), w, s3);
    }
    if (tail) {
      const off = <usize>(full * 16);
      const w = v128.load(packed + off);
      s0 = madd<T>(loadTail<T>(x0 + off, tail), w, s0);
      s1 = madd<T>(loadTail<T>(x1 + off, tail), w, s1);
      s2 = madd<T>(loadTail<T>(x2 + off, tail), w, s2);
      s3 = madd<T>(loadTail<T>(x3 + off, tail), w, s3);
    }
    const zr = z + <usize>r * ES;
    const ar = a + <usize>r * ES;
    if (sizeof<T>() == 4) {
      // Pairwise lane sums: [s0, s1, s0, s1] halves, then [s0, s1, s2, s3].
      const t01 = f32x4.add(v128.shuffle<f32>(s0, s1, 0, 4, 1, 5), v128.shuffle<f32>(s0, s1, 2, 6, 3, 7));
      const t23 = f32x4.add(v128.shuffle<f32>(s2, s3, 0, 4, 1, 5), v128.shuffle<f32>(s2, s3, 2, 6, 3, 7));
      const zv = f32x4.add(f32x4.add(v128.shuffle<f32>(t01, t23, 0, 1, 4, 5), v128.shuffle<f32>(t01, t23, 2, 3, 6, 7)), b);
      if (count == 4) {
        v128.store(zr, zv);
        if (kind != NONE) v128.store(ar, activationOf<T>(kind, zv));
      } else {
        storeTail<T>(zr, zv, count);
        if (kind != NONE) storeTail<T>(ar, activationOf<T>(kind, zv), count);
      }
    } else {
      const z01 = f64x2.add(f64x2.add(v128.shuffle<f64>(s0, s1, 0, 2), v128.shuffle<f64>(s0, s1, 1, 3)), b);
      const z23 = f64x2.add(f64x2.add(v128.shuffle<f64>(s2, s3, 0, 2), v128.shuffle<f64>(s2, s3, 1, 3)), b);
      if (count >= 2) {
        v128.store(zr, z01);
        if (kind != NONE) v128.store(ar, activationOf<T>(kind, z01));
      } else {
        storeTail<T>(zr, z01, 1);
        if (kind != NONE) storeTail<T>(ar, activationOf<T>(kind, z01), 1);
      }
      if (count == 4) {
        v128.store(zr, z23, 16);
        if (kind != NONE) v128.store(ar, activationOf<T>(kind, z23), 16);
      } else if (count == 3) {
        storeTail<T>(zr + 16, z23, 1);
        if (kind != NONE) storeTail<T>(ar + 16, activationOf<T>(kind, z23), 1);
      }
    }
  }
}

function dotForward<T>(kind: i32, x: usize, packed: usize, bias: usize, z: usize, a: usize, rows: i32, inputs: i32): void {
  switch (kind) {
    case RELU:
      dotForwardLoop<T>(RELU, x, packed, bias, z, a, rows, inputs);
      break;
    case SIGMOID:
      dotForwardLoop<T>(SIGMOID, x, packed, bias, z, a, rows, inputs);
      break;
    case SILU:
      dotForwardLoop<T>(SILU, x, packed, bias, z, a, rows, inputs);
      break;
    case TANH:
      dotForwardLoop<T>(TANH, x, packed, bias, z, a, rows, inputs);
      break;
    default:
      dotForwardLoop<T>(NONE, x, packed, bias, z, a, rows, inputs);
  }
}

// out[r, :] = g[r]·w ⊙ g'(z[r, :]) (or without the derivative when kind is NONE): with one output
// the input gradient is a single product per element, so no tile is needed.
@inline function outerInputGradientLoop<T>(kind: i32, g: usize, packed: usize, z: usize, a: usize, out: usize, rows: i32, inputs: i32): void {
  const ES = sizeof<T>();
  const full = inputs / lanes<T>();
  const tail = inputs % lanes<T>();
  const rowBytes = <usize>inputs * ES;
  const readsZ = kind == RELU || kind == SILU;
  const readsA = kind == SIGMOID || kind == TANH;
  const zero = v128.splat<T>(0);
  for (let r = 0; r < rows; r++) {
    const gs = v128.load_splat<T>(g + <usize>r * ES);
    const at = <usize>r * rowBytes;
    for (let v = 0; v < full; v++) {
      const off = at + <usize>(v * 16);
      const product = v128.mul<T>(gs, v128.load(packed + <usize>(v * 16)));
      const zv = readsZ ? v128.load(z + off) : zero;
      const av = readsA ? v128.load(a + off) : zero;
      v128.store(out + off, kind == NONE ? product : gradientThrough<T>(kind, product, zv, av));
    }
    if (tail) {
      const off = at + <usize>(full * 16);
      const product = v128.mul<T>(gs, v128.load(packed + <usize>(full * 16)));
      const zv = readsZ ? loadTail<T>(z + off, tail) : zero;
      const av = readsA ? loadTail<T>(a + off, tail) : zero;
      storeTail<T>(out + off, kind == NONE ? product : gradientThrough<T>(kind, product, zv, av), tail);
    }
  }
}

function outerInputGradient<T>(kind: i32, g: usize, packed: usize, z: usize, a: usize, out: usize, rows: i32, inputs: i32): void {
  switch (kind) {
    case RELU:
      outerInputGradientLoop<T>(RELU, g, packed, z, a, out, rows, inputs);
      break;
    case SIGMOID:
      outerInputGradientLoop<T>(SIGMOID, g, packed, z, a, out, rows, inputs);
      break;
    case SILU:
      outerInputGradientLoop<T>(SILU, g, packed, z, a, out, rows, inputs);
      break;
    case TANH:
      outerInputGradientLoop<T>(TANH, g, packed, z, a, out, rows, inputs);
      break;
    default:
      outerInputGradientLoop<T>(NONE, g, packed, z, a, out, rows, inputs);
  }
}

// weight [inputs, 1] is already the vector of w along the inputs: copied zero-padded to whole vectors.
function packColumn<T>(weight: usize, inputs: i32, dst: usize): void {
  memory.fill(dst, 0, <usize>(inputs * sizeof<T>() + 16));
  memory.copy(dst, weight, <usize>inputs * sizeof<T>());
}

// acc[v] += Σ_r x[r, v-th vector]·g[r] over n rows for C (constant, 1 to 4) whole vectors of
// the inputs starting at byte xOffset of each row; acc lives at `partial`.
@inline function columnChunk<T>(C: i32, x: usize, rowBytes: usize, g: usize, n: i32, partial: usize): void {
  const zero = v128.splat<T>(0);
  let c0 = v128.load(partial);
  let c1 = C > 1 ? v128.load(partial, 16) : zero;
  let c2 = C > 2 ? v128.load(partial, 32) : zero;
  let c3 = C > 3 ? v128.load(partial, 48) : zero;
  let xr = x;
  for (let r = 0; r < n; r++) {
    const gs = v128.load_splat<T>(g + <usize>r * sizeof<T>());
    c0 = madd<T>(v128.load(xr), gs, c0);
    if (C > 1) c1 = madd<T>(v128.load(xr, 16), gs, c1);
    if (C > 2) c2 = madd<T>(v128.load(xr, 32), gs, c2);
    if (C > 3) c3 = madd<T>(v128.load(xr, 48), gs, c3);
    xr += rowBytes;
  }
  v128.store(partial, c0);
  if (C > 1) v128.store(partial, c1, 16);
  if (C > 2) v128.store(partial, c2, 32);
  if (C > 3) v128.store(partial, c3, 48);
}

function columnChunks<T>(vectors: i32, x: usize, rowBytes: usize, g: usize, n: i32, partial: usize): void {
  let v = 0;
  for (; v + 4 <= vectors; v += 4) columnChunk<T>(4, x + <usize>(v * 16), rowBytes, g, n, partial + <usize>(v * 16));
  const left = vectors - v;
  const xv = x + <usize>(v * 16);
  const pv = partial + <usize>(v * 16);
  if (left == 3) columnChunk<T>(3, xv, rowBytes, g, n, pv);
  else if (left == 2) columnChunk<T>(2, xv, rowBytes, g, n, pv);
  else if (left == 1) columnChunk<T>(1, xv, rowBytes, g, n, pv);
}

// Partial sums of xᵀ·g for one output, as the input vectors (zero past `inputs`) followed by one
// vector whose lanes all hold Σ_rows g. Rows are added in order, as sumRows does.
function singleOutputGradients<T>(x: usize, g: usize, rows: i32, inputs: i32, partial: usize): void {
  const ES = sizeof<T>();
  const full = inputs / lanes<T>();
  const tail = inputs % lanes<T>();
  const vectors = full + (tail ? 1 : 0);
  const rowBytes = <usize>inputs * ES;
  const biasAt = partial + <usize>(vectors * 16);
  memory.fill(partial, 0, <usize>((vectors + 1) * 16));
  for (let r0 = 0; r0 < rows; r0 += GRADIENT_BLOCK_ROWS) {
    const n = min(GRADIENT_BLOCK_ROWS, rows - r0);
    const xb = x + <usize>r0 * rowBytes;
    const gb = g + <usize>r0 * ES;
    columnChunks<T>(full, xb, rowBytes, gb, n, partial);
    if (tail) {
      const at = partial + <usize>(full * 16);
      let c = v128.load(at);
      for (let r = 0; r < n; r++) c = madd<T>(loadTail<T>(xb + <usize>r * rowBytes + <usize>(full * 16), tail), v128.load_splat<T>(gb + <usize>r * ES), c);
      v128.store(at, c);
    }
    let sum = v128.load(biasAt);
    for (let r = 0; r < n; r++) sum = v128.add<T>(sum, v128.load_splat<T>(gb + <usize>r * ES));
    v128.store(biasAt, sum);
  }
}

// ---------------------------------------------------------------------------------------------
// The kernels.

function linearForwardT<T>(kind: i32, x: usize, weight: usize, bias: usize, z: usize, a: usize, rows: i32, inputs: i32, outputs: i32, scratch: usize): void {
  if (outputs == 1) {
    packColumn<T>(weight, inputs, scratch);
    return dotForward<T>(kind, x, scratch, bias, z, a, rows, inputs);
  }
  const V = paddedVectors<T>(outputs);
  const packed = scratch;
  const tile = scratch + PACKED_BYTES;
  packWeights<T>(weight, inputs, outputs, outputs, 1, V, packed);
  const ES = sizeof<T>();
  for (let r0 = 0; r0 < rows; r0 += BLOCK_ROWS) {
    const n = min(BLOCK_ROWS, rows - r0);
    multiplyBlock<T>(x + <usize>(r0 * inputs) * ES, inputs, packed, V, n, tile);
    const at = <usize>(r0 * outputs) * ES;
    finishForward<T>(kind, tile, <usize>(V * 16), bias, z + at, a + at, n, outputs);
  }
}

function linearInputGradientT<T>(kind: i32, g: usize, weight: usize, z: usize, a: usize, out: usize, rows: i32, inputs: i32, outputs: i32, scratch: usize): void {
  if (outputs == 1) {
    packColumn<T>(weight, inputs, scratch);
    return outerInputGradient<T>(kind, g, scratch, z, a, out, rows, inputs);
  }
  // out[r, i] = Σ_j g[r, j]·weight[i, j]: the inner dimension is the layer's outputs.
  const V = paddedVectors<T>(inputs);
  const packed = scratch;
  const tile = scratch + PACKED_BYTES;
  packWeights<T>(weight, outputs, inputs, 1, outputs, V, packed);
  const ES = sizeof<T>();
  for (let r0 = 0; r0 < rows; r0 += BLOCK_ROWS) {
    const n = min(BLOCK_ROWS, rows - r0);
    multiplyBlock<T>(g + <usize>(r0 * outputs) * ES, outputs, packed, V, n, tile);
    const at = <usize>(r0 * inputs) * ES;
    finishInputGradient<T>(kind, tile, V, z + at, a + at, out + at, n, inputs);
  }
}

// Partial sums of xᵀ·g (inputs rows of V vectors) and Σ_rows g (one more row) into `partial`: the
// rows stream past once, a block of g rows packed (zero-padded to V vectors) and summed for the
// bias, then every block of inputs accumulates its outer products from it.
function linearWeightGradientsPartialT<T>(x: usize, g: usize, rows: i32, inputs: i32, outputs: i32, partial: usize): void {
  if (outputs == 1) return singleOutputGradients<T>(x, g, rows, inputs, partial);
  const ES = sizeof<T>();
  const V = paddedVectors<T>(outputs);
  const full = outputs / lanes<T>();
  const tail = outputs % lanes<T>();
  const rowVectors = <usize>(V * 16);
  const tile = partial + PARTIAL_BYTES;
  const biasRow = partial + <usize>inputs * rowVectors;
  memory.fill(partial, 0, <usize>(inputs + 1) * rowVectors);
  memory.fill(tile, 0, <usize>GRADIENT_BLOCK_ROWS * rowVectors);
  for (let r0 = 0; r0 < rows; r0 += GRADIENT_BLOCK_ROWS) {
    const n = min(GRADIENT_BLOCK_ROWS, rows - r0);
    for (let r = 0; r < n; r++) {
      const src = g + <usize>((r0 + r) * outputs) * ES;
      const dst = tile + <usize>r * rowVectors;
      for (let v = 0; v < full; v++) v128.store(dst + <usize>(v * 16), v128.load(src + <usize>(v * 16)));
      if (tail) v128.store(dst + <usize>(full * 16), loadTail<T>(src + <usize>(full * 16), tail));
    }
    // Rows are added in order, as sumRows does.
    for (let v = 0; v < V; v++) {
      const off = <usize>(v * 16);
      let sum = v128.load(biasRow + off);
      for (let r = 0; r < n; r++) sum = v128.add<T>(sum, v128.load(tile + <usize>r * rowVectors + off));
      v128.store(biasRow + off, sum);
    }
    // Slots are inputs, steps the block's rows; w is the g tile, whose chunks are 4 vectors apart.
    registerBlocks<T>(V, inputs, n, x + <usize>(r0 * inputs) * ES, ES, <usize>inputs * ES, tile, rowVectors, <usize>(CHUNK_VECTORS * 16), partial, rowVectors, true);
  }
}

// gradWeight (and gradBias from the last row) = the partial sums, or += them when accumulating.
function linearWeightGradientsFinishT<T>(partial: usize, gradWeight: usize, gradBias: usize, inputs: i32, outputs: i32, accumulate: bool): void {
  const ES = sizeof<T>();
  if (outputs == 1) {
    // singleOutputGradients' layout: the inputs in order, then the bias sum a vector further on.
    const biasAt = partial + <usize>((inputs + lanes<T>() - 1) / lanes<T>() * 16);
    for (let i = 0; i <= inputs; i++) {
      const value = load<T>(i < inputs ? partial + <usize>i * ES : biasAt);
      const dst = i < inputs ? gradWeight + <usize>i * ES : gradBias;
      store<T>(dst, accumulate ? load<T>(dst) + value : value);
    }
    return;
  }
  const rowVectors = <usize>(paddedVectors<T>(outputs) * 16);
  for (let i = 0; i <= inputs; i++) {
    const src = partial + <usize>i * rowVectors;
    const dst = i < inputs ? gradWeight + <usize>(i * outputs) * ES : gradBias;
    for (let j = 0; j < outputs; j++) {
      const value = load<T>(src + <usize>j * ES);
      store<T>(dst + <usize>j * ES, accumulate ? load<T>(dst + <usize>j * ES) + value : value);
    }
  }
}

/**
 * z = x·weight + bias, and a = g(z) for the activation `kind` (−1: none, a unused), for a narrow
 * layer (linearIsNarrow(inputs, outputs)). scratch: linearScratchBytes() bytes of this thread's.
 */
export function linearForward(
  isF64: bool, kind: i32, x: usize, weight: usize, bias: usize, z: usize, a: usize, rows: i32, inputs: i32, outputs: i32, scratch: usize,
): void {
  if (isF64) linearForwardT<f64>(kind, x, weight, bias, z, a, rows, inputs, outputs, scratch);
  else linearForwardT<f32>(kind, x, weight, bias, z, a, rows, inputs, outputs, scratch);
}

/** z += bias, then a = g(z) unless kind is −1: a GEMM's result finished in place, any width. */
export function linearFinishForward(isF64: bool, kind: i32, bias: usize, z: usize, a: usize, rows: i32, outputs: i32): void {
  if (isF64) finishForward<f64>(kind, z, <usize>outputs * 8, bias, z, a, rows, outputs);
  else finishForward<f32>(kind, z, <usize>outputs * 4, bias, z, a, rows, outputs);
}

/**
 * out = g·weightᵀ, times g'(z) (given a = g(z)) for the activation `kind` unless it is −1, for a
 * narrow layer (linearIsNarrow(outputs, inputs)).
 */
export function linearInputGradient(
  isF64: bool, kind: i32, g: usize, weight: usize, z: usize, a: usize, out: usize, rows: i32, inputs: i32, outputs: i32, scratch: usize,
): void {
  if (isF64) linearInputGradientT<f64>(kind, g, weight, z, a, out, rows, inputs, outputs, scratch);
  else linearInputGradientT<f32>(kind, g, weight, z, a, out, rows, inputs, outputs, scratch);
}

/** One thread's partial sums of xᵀ·g and Σ_rows g over its rows, in its scratch (narrow layers: linearIsNarrow(inputs, outputs)). */
export function linearWeightGradientsPartial(isF64: bool, x: usize, g: usize, rows: i32, inputs: i32, outputs: i32, scratch: usize): void {
  if (isF64) linearWeightGradientsPartialT<f64>(x, g, rows, inputs, outputs, scratch);
  else linearWeightGradientsPartialT<f32>(x, g, rows, inputs, outputs, scratch);
}

/** Writes (or, when accumulate, adds) one thread's partial sums into gradWeight and gradBias. */
export function linearWeightGradientsFinish(
  isF64: bool, scratch: usize, gradWeight: usize, gradBias: usize, inputs: i32, outputs: i32, accumulate: bool,
): void {
  if (isF64) linearWeightGradientsFinishT<f64>(scratch, gradWeight, gradBias, inputs, outputs, accumulate);
  else linearWeightGradientsFinishT<f32>(scratch, gradWeight, gradBias, inputs, outputs, accumulate);
}
