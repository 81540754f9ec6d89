// Packed, register-tiled GEMM: C[m×n] = op(A)[m×k] · op(B)[k×n], for T = f32 (4 lanes) or f64 (2 lanes).
//
// Goto/BLIS loop nest: a KC×NC panel of op(B) is packed into NR-wide strips that stay in L1 while
// an MC×KC block of op(A), packed into MR-row strips and held in L2, streams past it. The micro-kernel
// keeps an MR×NR tile of C in 2·MR v128 registers (MR rows × two vectors), broadcasting one
// element of A per row and multiplying it into two vectors of B per step of k. Packing absorbs the
// transposes, so the four orientations share one micro-kernel; zero padding in the packed strips
// lets edge tiles run the same kernel into a scratch tile that is then merged into C.

const MR: i32 = 4;
const KC: i32 = 256;
const MC: i32 = 128;
const NC: i32 = 512;

@inline function lanes<T>(): i32 {
  return 16 / sizeof<T>();
}

@inline function nr<T>(): i32 {
  return 2 * lanes<T>();
}

@inline export function madd<T>(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return v128.relaxed_madd<T>(a, b, c);
  return v128.add<T>(v128.mul<T>(a, b), c);
}

/** Bytes of scratch one thread needs: a packed A block, a packed B panel and an edge tile. */
export function gemmScratchBytes(): i32 {
  return (MC * KC + KC * NC + MR * 16) * 8;
}

// One MR×NR tile of C (row stride ldc bytes) from kc steps of a packed A strip and a packed B strip.
// Called from two places (full tiles and edge tiles) so the optimizer keeps it a separate function,
// which lets V8 tier it up to optimized code while the first large product is still running.
function microKernel<T>(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize, accumulate: bool): void {
  const ES = sizeof<T>();
  let c00 = v128.splat<T>(0), c01 = c00, c10 = c00, c11 = c00;
  let c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  // Constant offsets go into the instructions' immediates, so V8 emits no address arithmetic.
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load_splat<T>(pa);
    c00 = madd<T>(a, b0, c00);
    c01 = madd<T>(a, b1, c01);
    a = v128.load_splat<T>(pa, ES);
    c10 = madd<T>(a, b0, c10);
    c11 = madd<T>(a, b1, c11);
    a = v128.load_splat<T>(pa, 2 * ES);
    c20 = madd<T>(a, b0, c20);
    c21 = madd<T>(a, b1, c21);
    a = v128.load_splat<T>(pa, 3 * ES);
    c30 = madd<T>(a, b0, c30);
    c31 = madd<T>(a, b1, c31);
    pa += 4 * ES;
    pb += 32;
  }
  if (accumulate) {
    c00 = v128.add<T>(c00, v128.load(c));
    c01 = v128.add<T>(c01, v128.load(c, 16));
    c10 = v128.add<T>(c10, v128.load(c + ldc));
    c11 = v128.add<T>(c11, v128.load(c + ldc, 16));
    c20 = v128.add<T>(c20, v128.load(c + 2 * ldc));
    c21 = v128.add<T>(c21, v128.load(c + 2 * ldc, 16));
    c30 = v128.add<T>(c30, v128.load(c + 3 * ldc));
    c31 = v128.add<T>(c31, v128.load(c + 3 * ldc, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c + ldc, c10);
  v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20);
  v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30);
  v128.store(c + 3 * ldc, c31, 16);
}

// Packs rows i0..i0+mb of op(A), columns p0..p0+kb, into MR-row strips: strip s holds, for each p,
// the MR values op(A)[i0 + s·MR + r, p0 + p]. Rows past mb are zero.
function packA<T>(transA: bool, a: usize, lda: i32, i0: i32, p0: i32, mb: i32, kb: i32, dst: usize): void {
  const ES = sizeof<T>();
  const stripBytes = <usize>(kb * MR) * ES;
  if (transA) {
    // op(A)[i, p] = A[p, i]: row p of A holds the MR values of every strip for this p, so A is read
    // one contiguous row at a time and scattered across the strips.
    for (let p = 0; p < kb; p++) {
      const src = a + (<usize>((p0 + p) * lda + i0)) * ES;
      let out = dst + <usize>(p * MR) * ES;
      for (let s = 0; s < mb; s += MR) {
        const rows = min(MR, mb - s);
        const from = src + <usize>s * ES;
        if (rows == MR) {
          v128.store(out, v128.load(from));
          if (ES == 8) v128.store(out, v128.load(from, 16), 16);
        } else {
          for (let r = 0; r < MR; r++) {
            if (r < rows) store<T>(out + <usize>r * ES, load<T>(from + <usize>r * ES));
            else store<T>(out + <usize>r * ES, <T>0);
          }
        }
        out += stripBytes;
      }
    }
    return;
  }
  for (let s = 0; s < mb; s += MR) {
    const rows = min(MR, mb - s);
    const src = a + (<usize>((i0 + s) * lda + p0)) * ES;
    if (rows == MR) {
      if (ES == 4) packRowsF32(src, <usize>lda * 4, kb, dst);
      else packRowsF64(src, <usize>lda * 8, kb, dst);
    } else {
      for (let p = 0; p < kb; p++) {
        const out = dst + <usize>(p * MR) * ES;
        for (let r = 0; r < MR; r++) {
          if (r < rows) store<T>(out + <usize>r * ES, load<T>(src + (<usize>(r * lda + p)) * ES));
          else store<T>(out + <usize>r * ES, <T>0);
        }
      }
    }
    dst += stripBytes;
  }
}

// Four f32 rows (row stride ldaBytes) interleaved column by column, four columns at a time through
// a 4×4 register transpose.
function packRowsF32(src: usize, ldaBytes: usize, kb: i32, dst: usize): void {
  const r1 = src + ldaBytes, r2 = src + 2 * ldaBytes, r3 = src + 3 * ldaBytes;
  let p = 0;
  for (; p + 4 <= kb; p += 4) {
    const off = <usize>p * 4;
    const x0 = v128.load(src + off), x1 = v128.load(r1 + off), x2 = v128.load(r2 + off), x3 = v128.load(r3 + off);
    const t0 = v128.shuffle<i32>(x0, x1, 0, 4, 1, 5);
    const t1 = v128.shuffle<i32>(x0, x1, 2, 6, 3, 7);
    const t2 = v128.shuffle<i32>(x2, x3, 0, 4, 1, 5);
    const t3 = v128.shuffle<i32>(x2, x3, 2, 6, 3, 7);
    v128.store(dst, v128.shuffle<i32>(t0, t2, 0, 1, 4, 5));
    v128.store(dst, v128.shuffle<i32>(t0, t2, 2, 3, 6, 7), 16);
    v128.store(dst, v128.shuffle<i32>(t1, t3, 0, 1, 4, 5), 32);
    v128.store(dst, v128.shuffle<i32>(t1, t3, 2, 3, 6, 7), 48);
    dst += 64;
  }
  for (; p < kb; p++) {
    const off = <usize>p * 4;
    store<f32>(dst, load<f32>(src + off));
    store<f32>(dst, load<f32>(r1 + off), 4);
    store<f32>(dst, load<f32>(r2 + off), 8);
    store<f32>(dst, load<f32>(r3 + off), 12);
    dst += 16;
  }
}

// Four f64 rows interleaved column by column, two columns at a time through 2×2 register transposes.
function packRowsF64(src: usize, ldaBytes: usize, kb: i32, dst: usize): void {
  const r1 = src + ldaBytes, r2 = src + 2 * ldaBytes, r3 = src + 3 * ldaBytes;
  let p = 0;
  for (; p + 2 <= kb; p += 2) {
    const off = <usize>p * 8;
    const x0 = v128.load(src + off), x1 = v128.load(r1 + off), x2 = v128.load(r2 + off), x3 = v128.load(r3 + off);
    v128.store(dst, v128.shuffle<i64>(x0, x1, 0, 2));
    v128.store(dst, v128.shuffle<i64>(x2, x3, 0, 2), 16);
    v128.store(dst, v128.shuffle<i64>(x0, x1, 1, 3), 32);
    v128.store(dst, v128.shuffle<i64>(x2, x3, 1, 3), 48);
    dst += 64;
  }
  if (p < kb) {
    const off = <usize>p * 8;
    store<f64>(dst, load<f64>(src + off));
    store<f64>(dst, load<f64>(r1 + off), 8);
    store<f64>(dst, load<f64>(r2 + off), 16);
    store<f64>(dst, load<f64>(r3 + off), 24);
  }
}

// Packs rows p0..p0+kb, columns j0..j0+nb of op(B) into NR-column strips: strip s holds, for each
// p, the NR values op(B)[p0 + p, j0 + s·NR + j]. Columns past nb are zero.
function packB<T>(transB: bool, b: usize, ldb: i32, p0: i32, j0: i32, kb: i32, nb: i32, dst: usize): void {
  const ES = sizeof<T>();
  const NR = nr<T>();
  for (let s = 0; s < nb; s += NR) {
    const cols = min(NR, nb - s);
    if (!transB && cols == NR) {
      let src = b + (<usize>(p0 * ldb + j0 + s)) * ES;
      for (let p = 0; p < kb; p++) {
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        src += <usize>ldb * ES;
        dst += 32;
      }
    } else if (!transB) {
      let src = b + (<usize>(p0 * ldb + j0 + s)) * ES;
      for (let p = 0; p < kb; p++) {
        for (let j = 0; j < NR; j++) {
          if (j < cols) store<T>(dst + <usize>j * ES, load<T>(src + <usize>j * ES));
          else store<T>(dst + <usize>j * ES, <T>0);
        }
        src += <usize>ldb * ES;
        dst += 32;
      }
    } else {
      // op(B)[p, j] = B[j, p]: each packed row gathers one element from each of NR rows of B.
      const src = b + (<usize>((j0 + s) * ldb + p0)) * ES;
      for (let p = 0; p < kb; p++) {
        for (let j = 0; j < NR; j++) {
          if (j < cols) store<T>(dst + <usize>j * ES, load<T>(src + (<usize>(j * ldb + p)) * ES));
          else store<T>(dst + <usize>j * ES, <T>0);
        }
        dst += 32;
      }
    }
  }
}

// Adds (or stores) the valid rows × cols corner of a scratch tile into C.
function mergeTile<T>(tile: usize, c: usize, ldc: usize, rows: i32, cols: i32, accumulate: bool): void {
  const ES = sizeof<T>();
  const NR = nr<T>();
  for (let r = 0; r < rows; r++) {
    const src = tile + <usize>(r * NR) * ES;
    const dst = c + <usize>r * ldc;
    for (let j = 0; j < cols; j++) {
      const v = load<T>(src + <usize>j * ES);
      if (accumulate) store<T>(dst + <usize>j * ES, load<T>(dst + <usize>j * ES) + v);
      else store<T>(dst + <usize>j * ES, v);
    }
  }
}

function gemm<T>(
  transA: bool, transB: bool, m: i32, n: i32, k: i32,
  a: usize, lda: i32, b: usize, ldb: i32, c: usize, ldc: i32, scratch: usize,
): void {
  const ES = sizeof<T>();
  const NR = nr<T>();
  const ldcBytes = <usize>ldc * ES;
  if (k == 0) {
    for (let i = 0; i < m; i++) memory.fill(c + <usize>i * ldcBytes, 0, <usize>n * ES);
    return;
  }
  const packedA = scratch;
  const packedB = packedA + <usize>(MC * KC) * 8;
  const tile = packedB + <usize>(KC * NC) * 8;
  for (let jc = 0; jc < n; jc += NC) {
    const nb = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kb = min(KC, k - pc);
      const accumulate = pc > 0;
      packB<T>(transB, b, ldb, pc, jc, kb, nb, packedB);
      for (let ic = 0; ic < m; ic += MC) {
        const mb = min(MC, m - ic);
        packA<T>(transA, a, lda, ic, pc, mb, kb, packedA);
        for (let jr = 0; jr < nb; jr += NR) {
          const cols = min(NR, nb - jr);
          const pb = packedB + <usize>(jr * kb) * ES;
          for (let ir = 0; ir < mb; ir += MR) {
            const rows = min(MR, mb - ir);
            const pa = packedA + <usize>(ir * kb) * ES;
            const cTile = c + <usize>(ic + ir) * ldcBytes + <usize>(jc + jr) * ES;
            if (rows == MR && cols == NR) {
              microKernel<T>(kb, pa, pb, cTile, ldcBytes, accumulate);
            } else {
              microKernel<T>(kb, pa, pb, tile, <usize>NR * ES, false);
              mergeTile<T>(tile, cTile, ldcBytes, rows, cols, accumulate);
            }
          }
        }
      }
    }
  }
}

/** C = op(A)·op(B) in f32; leading dimensions in elements, pointers in bytes. */
export function gemmF32(
  transA: bool, transB: bool, m: i32, n: i32, k: i32,
  a: usize, lda: i32, b: usize, ldb: i32, c: usize, ldc: i32, scratch: usize,
): void {
  gemm<f32>(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, scratch);
}

/** C = op(A)·op(B) in f64; leading dimensions in elements, pointers in bytes. */
export function gemmF64(
  transA: bool, transB: bool, m: i32, n: i32, k: i32,
  a: usize, lda: i32, b: usize, ldb: i32, c: usize, ldc: i32, scratch: usize,
): void {
  gemm<f64>(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, scratch);
}
