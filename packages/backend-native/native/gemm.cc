// GEMM in the BLIS style: B is packed once into column panels NR wide, A is read in blocks of
// at most MC rows × KC (packed into row panels MR tall when it is stored transposed), and an
// MR×NR register tile of FMAs does the work. Threads split the rows of C, which serves all
// three MLP products: X·W and G·Wᵀ have 50 000 rows, and Xᵀ·G has 3 072 rows (its shared
// dimension, the batch, is the long one).
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

#include "kernels.h"
#include "simd.h"
#include "thread-pool.h"

namespace nabla {
namespace NABLA_ISA {
namespace {

using Index = std::int64_t;

// The register tile is MR rows × two vectors: its 2·MR accumulators take every vector register
// but four (two of B, one broadcast of A, one spare). That is 6×16 floats or 6×8 doubles in the
// 16 YMM registers of AVX2, 14×32 or 14×16 in the 32 ZMM registers of AVX-512, enough
// independent FMA chains to cover their latency on two FMA pipes. A KC×NR panel of B fits in
// L1; an MC×KC block of A stays in L2. KC is the same on every instruction set: each element of
// C is then summed in the same order, so every FMA path gives the same bits.
template <typename T>
struct Blocking {
  static constexpr int kVectors = 2;
  static constexpr int kMr = (Simd<T>::kRegisters - 4) / kVectors;
  static constexpr int kNr = kVectors * Simd<T>::kLanes;
  static constexpr Index kKc = 256;
  static constexpr Index kMc = (576 / static_cast<Index>(sizeof(T)) + kMr - 1) / kMr * kMr;
};

// Below this many multiply-adds a second thread costs more than it saves.
constexpr Index kParallelMultiplyAdds = Index{1} << 20;

struct AlignedFree {
  void operator()(void* p) const { std::free(p); }
};

template <typename T>
std::unique_ptr<T[], AlignedFree> allocate_aligned(Index count) {
  const std::size_t bytes = (static_cast<std::size_t>(count) * sizeof(T) + 63) / 64 * 64;
  void* memory = std::aligned_alloc(64, std::max<std::size_t>(bytes, 64));
  if (!memory) throw std::bad_alloc();
  return std::unique_ptr<T[], AlignedFree>(static_cast<T*>(memory));
}

// The packed operands of one product, in memory the calling thread keeps between products up to
// kKeptBytes each: a fresh allocation of that size is mapped anew by the allocator and every page
// of it faulted in and zeroed by the kernel, a cost a mini-batch step (W packed again every step)
// pays hundreds of times an epoch. Larger ones (full-batch operands) are allocated per call.
template <typename T>
class PackingBuffer {
 public:
  enum Slot { kB = 0, kA = 1 };

  PackingBuffer(Slot slot, Index count) {
    if (count * static_cast<Index>(sizeof(T)) > kKeptBytes) {
      owned_ = allocate_aligned<T>(count);
      data_ = owned_.get();
      return;
    }
    Kept& kept = kept_buffers()[slot];
    if (kept.capacity < count) {
      kept.memory = allocate_aligned<T>(count);
      kept.capacity = count;
    }
    data_ = kept.memory.get();
  }

  T* get() const { return data_; }

 private:
  static constexpr Index kKeptBytes = Index{8} << 20;

  struct Kept {
    std::unique_ptr<T[], AlignedFree> memory;
    Index capacity = 0;
  };

  static Kept* kept_buffers() {
    thread_local Kept kept[2];
    return kept;
  }

  std::unique_ptr<T[], AlignedFree> owned_;
  T* data_;
};

// Element (i, j) of a stored matrix lives at data[i·row_stride + j·col_stride]: one of the strides
// is 1, and which one says whether the operand is transposed.
template <typename T>
struct View {
  const T* data;
  Index row_stride;
  Index col_stride;
};

// Packs rows [i0, i0+rows) × columns [p0, p0+depth) of a transposed A (stored k×m, so each k
// is a contiguous run of rows) into panels of MR rows stored k-major, MR values per k, one
// panel every `panel_stride` elements; rows past the end are zeros. Each k's run is read once,
// in order: with m a multiple of 1024 (3 072 for CIFAR) the runs all map to the same L1 sets,
// so going back to a run later would miss.
template <typename T>
void pack_a_transposed(const T* __restrict a, Index m, Index i0, Index rows, Index p0, Index depth,
                       Index panel_stride, T* __restrict out) {
  constexpr int kMr = Blocking<T>::kMr;
  const Index full = rows / kMr * kMr;
  const int tail = static_cast<int>(rows - full);
  for (Index p = 0; p < depth; ++p) {
    const T* __restrict src = a + (p0 + p) * m + i0;
    T* __restrict dst = out + p * kMr;
    // A fixed-size copy compiles to two moves; an element loop would be "vectorized" into gathers.
    for (Index ir = 0; ir < full; ir += kMr) std::memcpy(dst + ir / kMr * panel_stride, src + ir, sizeof(T) * kMr);
    if (tail > 0) {
      for (int r = 0; r < kMr; ++r) dst[full / kMr * panel_stride + r] = r < tail ? src[full + r] : T(0);
    }
  }
}

// Asks for rows [r_from, r_to) × columns [c0, c0+columns) of a stored matrix, rows `row_stride`
// apart, to be brought into L2.
template <typename T>
void prefetch_rows(const T* a, Index row_stride, Index r_from, Index r_to, Index c0, Index columns) {
  constexpr Index kLine = 64 / static_cast<Index>(sizeof(T));
  for (Index r = r_from; r < r_to; ++r) {
    const T* row = a + r * row_stride + c0;
    for (Index c = 0; c < columns; c += kLine) _mm_prefetch(reinterpret_cast<const char*>(row + c), _MM_HINT_T1);
    _mm_prefetch(reinterpret_cast<const char*>(row + columns - 1), _MM_HINT_T1);
  }
}

// Packs columns [j0, j0+Width) × rows [p0, p0+depth) of B (k×n) into one panel, Width values
// per k; columns past the end are zeros.
template <typename T, int Width>
void pack_b(View<T> b, Index n, Index j0, Index p0, Index depth, T* out) {
  const int valid = static_cast<int>(std::min<Index>(Width, n - j0));
  if (b.col_stride == 1) {
    // Fixed-size copies compile to vector moves; a per-element `j < valid` test kept the loop
    // scalar, and packing W at every mini-batch step cost a fifth of the product's time.
    if (valid == Width) {
      for (Index p = 0; p < depth; ++p) std::memcpy(out + p * Width, b.data + (p0 + p) * b.row_stride + j0, sizeof(T) * Width);
      return;
    }
    for (Index p = 0; p < depth; ++p) {
      const T* src = b.data + (p0 + p) * b.row_stride + j0;
      std::memcpy(out + p * Width, src, sizeof(T) * valid);
      std::fill(out + p * Width + valid, out + (p + 1) * Width, T(0));
    }
  } else {
    for (int j = 0; j < Width; ++j) {
      const T* src = b.data + (j0 + j) * b.col_stride + p0;
      for (Index p = 0; p < depth; ++p) out[p * Width + j] = j < valid ? src[p] : T(0);
    }
  }
}

// c[rows×cols] (+)= a_panel · b_panel over `depth`, with NV vectors per row of the register tile.
// The full NR-wide tile is the common case; NV = 1 serves a last panel at most one vector wide.
template <typename T, int NV>
void micro_kernel(Index depth, View<T> a, const T* b, T* c, Index ldc, bool accumulate, int rows, int cols) {
  using S = Simd<T>;
  using Vec = typename S::Vec;
  constexpr int kMr = Blocking<T>::kMr;
  constexpr int kNr = Blocking<T>::kNr;
  constexpr int kLanes = S::kLanes;

  Vec acc[kMr][NV];
#pragma GCC unroll 16
  for (int r = 0; r < kMr; ++r)
#pragma GCC unroll 2
    for (int v = 0; v < NV; ++v) acc[r][v] = S::zero();

  // Rows past the end repeat the last row; their results are never stored.
  const T* row[kMr];
#pragma GCC unroll 16
  for (int r = 0; r < kMr; ++r) row[r] = a.data + std::min(r, rows - 1) * a.row_stride;

#pragma GCC unroll 4
  for (Index p = 0; p < depth; ++p) {
    Vec bv[NV];
#pragma GCC unroll 2
    for (int v = 0; v < NV; ++v) bv[v] = S::load_aligned(b + p * kNr + v * kLanes);
#pragma GCC unroll 16
    for (int r = 0; r < kMr; ++r) {
      const Vec ar = S::broadcast(row[r] + p * a.col_stride);
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v) acc[r][v] = S::fmadd(ar, bv[v], acc[r][v]);
    }
  }

  if (rows == kMr && cols == NV * kLanes) {
#pragma GCC unroll 16
    for (int r = 0; r < kMr; ++r)
#pragma GCC unroll 2
      for (int v = 0; v < NV; ++v) {
        T* dst = c + r * ldc + v * kLanes;
        S::store(dst, accumulate ? S::add(acc[r][v], S::load(dst)) : acc[r][v]);
      }
    return;
  }
  alignas(64) T tile[kMr][NV * kLanes];
#pragma GCC unroll 16
  for (int r = 0; r < kMr; ++r)
#pragma GCC unroll 2
    for (int v = 0; v < NV; ++v) S::store(&tile[r][v * kLanes], acc[r][v]);
  for (int r = 0; r < rows; ++r)
    for (int j = 0; j < cols; ++j) c[r * ldc + j] = (accumulate ? c[r * ldc + j] : T(0)) + tile[r][j];
}

// How the rows of C are cut. A stripe is one thread's unit of work: its rows of C (stripe × n)
// stay in L2 while the whole shared dimension streams past, so a long k (Xᵀ·G) adds into C
// from cache. Stripes come in a multiple of the thread count and hold whole MR-row tiles, as
// evenly as the tiles divide, so that threads finish together. Each stripe is cut into blocks of
// at most MC rows, the A operand of one pass over B.
template <typename T>
struct RowPlan {
  Index m;
  Index tiles;
  Index stripes;
  Index block_rows;

  Index begin(Index stripe) const { return std::min<Index>(m, stripe * tiles / stripes * Blocking<T>::kMr); }
  Index end(Index stripe) const { return begin(stripe + 1); }
};

template <typename T>
RowPlan<T> plan_rows(Index m, Index n, int threads) {
  constexpr Index kMr = Blocking<T>::kMr;
  constexpr Index kCBytes = 512 * 1024;
  // Each stripe has at least this many tiles; fewer would leave a mini-batch product (m = 128 is
  // nine tiles of 14 and two rows) in stripes whose count the threads do not divide.
  constexpr Index kMinStripeTiles = 4;
  const auto round_up = [](Index x, Index to) { return (x + to - 1) / to * to; };
  const Index tiles = (m + kMr - 1) / kMr;
  const Index fitting = std::max<Index>(Blocking<T>::kMc, kCBytes / (n * static_cast<Index>(sizeof(T))));
  // At least four stripes per thread, so that a thread slowed by another process on its core
  // leaves its last stripes to the others; where the tiles are too few for that, one per thread.
  Index stripes = round_up(std::max<Index>((m + fitting - 1) / fitting, 4 * threads), threads);
  if (tiles < stripes * kMinStripeTiles) stripes = std::min<Index>(threads, tiles);
  const Index stripe_rows = (tiles + stripes - 1) / stripes * kMr;
  const Index blocks_per_stripe = (stripe_rows + Blocking<T>::kMc - 1) / Blocking<T>::kMc;
  return {m, tiles, stripes, round_up((stripe_rows + blocks_per_stripe - 1) / blocks_per_stripe, kMr)};
}

// One row of tiles: c[rows × n] (+)= a_panel · B over `depth`, where b points at k-offset p0
// of the first packed panel and panels lie k·NR apart.
template <typename T>
void multiply_tile_row(Index depth, View<T> a_panel, const T* b, Index k, Index n, T* c, bool accumulate, int rows) {
  constexpr int kNr = Blocking<T>::kNr;
  for (Index j0 = 0; j0 < n; j0 += kNr) {
    const int cols = static_cast<int>(std::min<Index>(kNr, n - j0));
    const T* panel_b = b + j0 / kNr * k * kNr;
    if (cols > Simd<T>::kLanes) {
      micro_kernel<T, 2>(depth, a_panel, panel_b, c + j0, n, accumulate, rows, cols);
    } else {
      micro_kernel<T, 1>(depth, a_panel, panel_b, c + j0, n, accumulate, rows, cols);
    }
  }
}

// B as panels: panel q holds columns [q·Width, q·Width+Width) for every k, Width values per k.
// It is about the size of B and is packed once for all rows of C, the threads sharing the work.
template <typename T, int Width>
PackingBuffer<T> pack_b_panels(View<T> b, Index k, Index n, int threads) {
  constexpr Index kKc = Blocking<T>::kKc;
  const Index panels = (n + Width - 1) / Width;
  const Index depth_blocks = (k + kKc - 1) / kKc;
  PackingBuffer<T> packed(PackingBuffer<T>::kB, panels * k * Width);
  std::atomic<Index> next{0};
  const Index tasks = panels * depth_blocks;
  ThreadPool::instance().run(static_cast<int>(std::min<Index>(threads, tasks)), [&](int, int) {
    for (Index task; (task = next.fetch_add(1)) < tasks;) {
      const Index q = task / depth_blocks;
      const Index p0 = task % depth_blocks * kKc;
      pack_b<T, Width>(b, n, q * Width, p0, std::min<Index>(kKc, k - p0), packed.get() + (q * k + p0) * Width);
    }
  });
  return packed;
}

// A narrow product, such as those of a wide first layer (CIFAR: X[50 000×3 072]·W[3 072×100]
// and Xᵀ·G, G[50 000×100]), is computed transposed, Cᵀ = op(B)ᵀ·op(A)ᵀ, where there are 32
// vector registers and a square transpose. Vectors then run along m instead of along n, where
// 100 columns would fill 7 vectors of 16 for 6¼ of work, and a tile is 10 columns of C
// (100 = 10·10) × two vectors of rows, 20 accumulators. A is packed into blocks of two vectors
// of rows: a transposed A is copied, a row-major one transposed square by square. Every element
// is still summed p = 0, 1, … within blocks of KC, the blocks added in order, so the result has
// the bits of the general path on every instruction set.
template <typename T>
struct NarrowBlocking {
  static constexpr int kVectors = 2;
  static constexpr int kRows = kVectors * Simd<T>::kLanes;
  static constexpr int kColumns = 10;
  // Wider results fill vectors along n well enough, and their Cᵀ stripes would not stay in L2.
  static constexpr Index kWidestN = 128;
  static constexpr bool kEnabled = Simd<T>::kRegisters >= 32;
};

// Below this k, or this m for a transposed A (the weight gradient of a mini-batch step, whose
// k is the batch of 128 rows), copying A's blocks and writing Cᵀ back cost more than the filled
// vectors save.
constexpr Index kNarrowShortest = 512;
// A row-major A (a mini-batch step's X·W) goes the narrow way from this many rows: X·W at
// m = 64 and 128 takes 0.76× and 0.86× the general path's time, at m = 32 1.05× (Zen 5).
constexpr Index kNarrowFewestRows = 64;

// Whether C = op(A)·op(B) goes the narrow way: always for a transposed A, whose general path
// packs it MR values at a time; for a row-major A only where n leaves part of a vector empty, as
// the transposes cost about what that waste would.
template <typename T>
bool use_narrow_transposed(Index m, Index k, Index n, bool transpose_a) {
  return NarrowBlocking<T>::kEnabled && n <= NarrowBlocking<T>::kWidestN && k >= kNarrowShortest &&
         (transpose_a ? m >= kNarrowShortest : m >= kNarrowFewestRows && n % Simd<T>::kLanes != 0);
}

// Copies rows [p0, p0+depth) × columns [i0, i0+kRows) of a transposed A (stored k×m) into `out`,
// kRows values per k; columns past m are zeros. A block of 256 × 32 floats stays in L1 while all
// the column panels of B pass over it.
template <typename T>
void pack_a_row_block(const T* __restrict a, Index m, Index i0, Index p0, Index depth, T* __restrict out) {
  constexpr int kRows = NarrowBlocking<T>::kRows;
  const int valid = static_cast<int>(std::min<Index>(kRows, m - i0));
  for (Index p = 0; p < depth; ++p) {
    const T* __restrict src = a + (p0 + p) * m + i0;
    T* __restrict dst = out + p * kRows;
    if (valid == kRows) {
      std::memcpy(dst, src, sizeof(T) * kRows);
    } else {
      for (int i = 0; i < kRows; ++i) dst[i] = i < valid ? src[i] : T(0);
    }
  }
}

// The same block from a row-major A (m×k): rows [i0, i0+kRows) × columns [p0, p0+depth),
// transposed kLanes × kLanes squares at a time; a last partial square and rows past m go one
// value at a time.
template <typename T>
void pack_a_row_block_transposing(const T* __restrict a, Index m, Index k, Index i0, Index p0, Index depth, T* __restrict out) {
  using S = Simd<T>;
  using NB = NarrowBlocking<T>;
  constexpr int kLanes = S::kLanes;
  const int valid = static_cast<int>(std::min<Index>(NB::kRows, m - i0));
  const Index squares = valid == NB::kRows ? depth / kLanes * kLanes : 0;
  for (Index p = 0; p < squares; p += kLanes)
    for (int v = 0; v < NB::kVectors; ++v) S::transpose_square(a + (i0 + v * kLanes) * k + p0 + p, k, out + p * NB::kRows + v * kLanes, NB::kRows);
  for (Index p = squares; p < depth; ++p)
    for (int i = 0; i < NB::kRows; ++i) out[p * NB::kRows + i] = i < valid ? a[(i0 + i) * k + p0 + p] : T(0);
}

// ct[kColumns × kRows] (+)= b_panelᵀ · a_block over `depth`: row j of the tile is column j of C,
// and the tile's rows lie ldct apart in ct.
template <typename T>
void narrow_micro_kernel(Index depth, const T* __restrict b_panel, const T* __restrict a_block, T* __restrict ct, Index ldct,
                         bool accumulate) {
  using S = Simd<T>;
  using Vec = typename S::Vec;
  using NB = NarrowBlocking<T>;
  constexpr int kLanes = S::kLanes;

  Vec acc[NB::kColumns][NB::kVectors];
#pragma GCC unroll 16
  for (int j = 0; j < NB::kColumns; ++j)
#pragma GCC unroll 2
    for (int v = 0; v < NB::kVectors; ++v) acc[j][v] = S::zero();

#pragma GCC unroll 2
  for (Index p = 0; p < depth; ++p) {
    Vec av[NB::kVectors];
#pragma GCC unroll 2
    for (int v = 0; v < NB::kVectors; ++v) av[v] = S::load_aligned(a_block + p * NB::kRows + v * kLanes);
#pragma GCC unroll 16
    for (int j = 0; j < NB::kColumns; ++j) {
      const Vec bj = S::broadcast(b_panel + p * NB::kColumns + j);
#pragma GCC unroll 2
      for (int v = 0; v < NB::kVectors; ++v) acc[j][v] = S::fmadd(bj, av[v], acc[j][v]);
    }
  }

#pragma GCC unroll 16
  for (int j = 0; j < NB::kColumns; ++j)
#pragma GCC unroll 2
    for (int v = 0; v < NB::kVectors; ++v) {
      T* dst = ct + j * ldct + v * kLanes;
      S::store(dst, accumulate ? S::add(acc[j][v], S::load(dst)) : acc[j][v]);
    }
}

// C = op(A)·op(B) computed as Cᵀ. Threads take stripes of C's rows; a stripe's Cᵀ
// (padded n × stripe) stays in L2 while the whole shared dimension streams past, and is written
// into C, transposed, once at the end.
template <typename T>
void gemm_narrow_transposed(const T* a, View<T> b, T* c, Index m, Index k, Index n, bool transpose_a, int threads) {
  using NB = NarrowBlocking<T>;
  constexpr Index kKc = Blocking<T>::kKc;
  constexpr Index kStripeBytes = 384 * 1024;
  constexpr Index kBlocksAhead = 4;
  const auto round_up = [](Index x, Index to) { return (x + to - 1) / to * to; };
  const auto packed_b = pack_b_panels<T, NB::kColumns>(b, k, n, threads);
  const Index panels = (n + NB::kColumns - 1) / NB::kColumns;
  const Index columns = panels * NB::kColumns;
  // Two stripes per thread at least, so that a thread slowed by another process leaves its last to the others.
  const Index by_size = (m * columns * static_cast<Index>(sizeof(T)) + kStripeBytes - 1) / kStripeBytes;
  const Index wanted = round_up(std::max<Index>(by_size, 2 * threads), threads);
  const Index stripe_rows = round_up((m + wanted - 1) / wanted, NB::kRows);
  const Index stripes = (m + stripe_rows - 1) / stripe_rows;
  const int workers = static_cast<int>(std::min<Index>(threads, stripes));
  const Index ct_size = columns * stripe_rows;
  const Index block_size = kKc * NB::kRows;
  const PackingBuffer<T> buffers(PackingBuffer<T>::kA, (ct_size + block_size) * workers);
  std::atomic<Index> next{0};

  ThreadPool::instance().run(workers, [&](int worker, int) {
    T* ct = buffers.get() + worker * (ct_size + block_size);
    T* a_block = ct + ct_size;
    for (Index stripe; (stripe = next.fetch_add(1)) < stripes;) {
      const Index begin = stripe * stripe_rows;
      const Index end = std::min<Index>(m, begin + stripe_rows);
      const Index blocks_per_depth = (end - begin + NB::kRows - 1) / NB::kRows;
      for (Index p0 = 0; p0 < k; p0 += kKc) {
        const Index depth = std::min<Index>(kKc, k - p0);
        for (Index i0 = begin; i0 < end; i0 += NB::kRows) {
          if (transpose_a) {
            pack_a_row_block(a, m, i0, p0, depth, a_block);
          } else {
            pack_a_row_block_transposing(a, m, k, i0, p0, depth, a_block);
          }
          // The block kBlocksAhead ahead is fetched while this one is multiplied, a share per panel:
          // the next one would arrive late (a transposed A's block has each row on its own page),
          // and a row-major A's 1 KiB runs are too short for the hardware prefetcher to follow.
          const Index ahead = (p0 / kKc) * blocks_per_depth + (i0 - begin) / NB::kRows + kBlocksAhead;
          const Index next_p0 = ahead / blocks_per_depth * kKc;
          const Index next_i0 = begin + ahead % blocks_per_depth * NB::kRows;
          const Index next_depth = next_p0 < k ? std::min<Index>(kKc, k - next_p0) : 0;
          const Index next_rows = std::min<Index>(NB::kRows, end - next_i0);
          for (Index q = 0; q < panels; ++q) {
            if (transpose_a) {
              prefetch_rows(a, m, next_p0 + q * next_depth / panels, next_p0 + (q + 1) * next_depth / panels, next_i0, next_rows);
            } else if (next_depth > 0) {
              prefetch_rows(a, k, next_i0 + q * next_rows / panels, next_i0 + (q + 1) * next_rows / panels, next_p0, next_depth);
            }
            narrow_micro_kernel(depth, packed_b.get() + (q * k + p0) * NB::kColumns, a_block,
                                ct + q * NB::kColumns * stripe_rows + (i0 - begin), stripe_rows, p0 > 0);
          }
        }
      }
      for (Index i = begin; i < end; ++i)
        for (Index j = 0; j < n; ++j) c[i * n + j] = ct[j * stripe_rows + (i - begin)];
    }
  });
}

}  // namespace

template <typename T>
void gemm(const T* a, const T* b, T* c, Index m, Index k, Index n, bool transpose_a, bool transpose_b, int threads) {
  using B = Blocking<T>;
  if (m == 0 || n == 0) return;
  if (k == 0) {
    std::fill(c, c + m * n, T(0));
    return;
  }
  if (m * n * k < kParallelMultiplyAdds) threads = 1;
  const View<T> b_view = transpose_b ? View<T>{b, 1, k} : View<T>{b, n, 1};
  if constexpr (NarrowBlocking<T>::kEnabled) {
    if (use_narrow_transposed<T>(m, k, n, transpose_a)) {
      gemm_narrow_transposed(a, b_view, c, m, k, n, transpose_a, threads);
      return;
    }
  }

  const auto packed_b = pack_b_panels<T, B::kNr>(b_view, k, n, threads);
  const RowPlan<T> plan = plan_rows<T>(m, n, threads);
  const int workers = static_cast<int>(std::min<Index>(threads, plan.stripes));
  // A row-major A is read in place: its rows are contiguous in k already, and packing them
  // would cost as much memory traffic as the product itself when n is small. A transposed A
  // is packed, as reading MR values per row of memory would waste most of each cache line.
  const bool direct_a = !transpose_a;
  // Packed panels of A sit one cache line further apart than their size: at 6·256 floats they
  // would otherwise be a multiple of 2 KiB apart and the packing stores would share L1 sets.
  const Index panel_stride = B::kMr * std::min<Index>(B::kKc, k) + 64 / static_cast<Index>(sizeof(T));
  const Index a_block_size = direct_a ? 0 : plan.block_rows / B::kMr * panel_stride;
  const PackingBuffer<T> packed_a(PackingBuffer<T>::kA, a_block_size * workers);
  std::atomic<Index> next{0};

  ThreadPool::instance().run(workers, [&](int worker, int) {
    T* block_a = packed_a.get() + worker * a_block_size;
    for (Index stripe; (stripe = next.fetch_add(1)) < plan.stripes;) {
      const Index stripe_begin = plan.begin(stripe);
      const Index stripe_end = plan.end(stripe);
      for (Index p0 = 0; p0 < k; p0 += B::kKc) {
        const Index depth = std::min<Index>(B::kKc, k - p0);
        for (Index i0 = stripe_begin; i0 < stripe_end; i0 += plan.block_rows) {
          const Index rows = std::min<Index>(plan.block_rows, stripe_end - i0);
          const Index tiles = (rows + B::kMr - 1) / B::kMr;
          // The next block of a transposed A is fetched while this one is multiplied, a share per tile.
          const bool last_in_depth = i0 + plan.block_rows >= stripe_end;
          const Index next_i0 = last_in_depth ? stripe_begin : i0 + plan.block_rows;
          const Index next_p0 = last_in_depth ? p0 + B::kKc : p0;
          const Index next_rows = std::min<Index>(plan.block_rows, stripe_end - next_i0);
          const Index next_depth = next_p0 < k ? std::min<Index>(B::kKc, k - next_p0) : 0;
          if (!direct_a) pack_a_transposed(a, m, i0, rows, p0, depth, panel_stride, block_a);

          for (Index tile = 0; tile < tiles; ++tile) {
            const Index ir = tile * B::kMr;
            if (!direct_a) {
              prefetch_rows(a, m, next_p0 + tile * next_depth / tiles, next_p0 + (tile + 1) * next_depth / tiles, next_i0, next_rows);
            }
            const View<T> panel_a =
                direct_a ? View<T>{a + (i0 + ir) * k + p0, k, 1} : View<T>{block_a + tile * panel_stride, 1, B::kMr};
            multiply_tile_row(depth, panel_a, packed_b.get() + p0 * B::kNr, k, n, c + (i0 + ir) * n, p0 > 0,
                              static_cast<int>(std::min<Index>(B::kMr, rows - ir)));
          }
        }
      }
    }
  });
}

template void gemm<float>(const float*, const float*, float*, Index, Index, Index, bool, bool, int);
template void gemm<double>(const double*, const double*, double*, Index, Index, Index, bool, bool, int);

}  // namespace NABLA_ISA
}  // namespace nabla
