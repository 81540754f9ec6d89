// The three products of a Linear layer with their neighbours fused in: the bias and the
// activation after it (forward), the activation's derivative below it (input gradient), and the
// bias gradient (weight gradients). When the layer is narrow (the regression MLP's 8→16→16→1),
// each runs as one pass over its rows: the weights sit in L1, one row block's accumulators in
// registers, and nothing is packed. Wider layers go through gemm and one fused elementwise pass.
#include <algorithm>
#include <cstring>
#include <type_traits>

#include "activation-vectors.h"
#include "expression-evaluator.h"
#include "kernels.h"
#include "scratch-array.h"
#include "simd.h"
#include "thread-pool.h"

namespace nabla {
namespace NABLA_ISA {
namespace {

using Index = std::int64_t;

// A row of output up to 128 bytes wide (32 floats, 16 doubles) keeps its accumulators in
// registers. The limit is in bytes, not vectors, so that every instruction set takes the
// one-pass path for the same layers and sums in the same order.
template <typename T>
constexpr Index kMaxWidth = 128 / static_cast<Index>(sizeof(T));
template <typename T>
constexpr int kMaxVectors = static_cast<int>(kMaxWidth<T> / Simd<T>::kLanes);
// Inner dimensions up to this keep the packed weights (depth × 128 bytes) in L1.
constexpr Index kMaxDepth = 64;
// Accumulators of a row block: every vector register but four (weights, a broadcast, a spare).
template <typename T>
constexpr int kAccumulators = Simd<T>::kRegisters - 4;
// Multiply-adds per thread below which waking a second thread does not pay.
constexpr Index kParallelMultiplyAdds = Index{1} << 18;
// Rows a thread finishes before handing them to a row epilogue (a plugin's compiled activation),
// so that the epilogue reads them from cache.
constexpr Index kEpilogueRows = 64;

// Calls body(p0, p1) on [begin, end) in pieces of `piece` rows.
template <typename Body>
void for_each_piece(Index begin, Index end, Index piece, const Body& body) {
  for (Index p0 = begin; p0 < end; p0 += piece) body(p0, std::min(end, p0 + piece));
}

// A row epilogue that does nothing: the layer has no compiled activation.
constexpr auto kNoEpilogue = [](Index, Index) {};

// Rows per thread's share of the bias add and activation after a wide product, at least this many
// elements: a built-in activation's 32 Ki take a few microseconds. A compiled expression (GELU's
// erf) costs about ten times as much per element, so a mini-batch's 128 × 100 is shared too.
template <typename AfterRows>
Index epilogue_grain(Index width) {
  constexpr bool kExpression = !std::is_same_v<AfterRows, std::decay_t<decltype(kNoEpilogue)>>;
  constexpr Index kElements = kExpression ? Index{1} << 11 : kElementwiseGrain;
  return std::max<Index>(1, kElements / width);
}

template <typename T>
int vectors_for(Index width) {
  return static_cast<int>((width + Simd<T>::kLanes - 1) / Simd<T>::kLanes);
}

template <typename T>
bool is_narrow(Index depth, Index width) {
  return depth <= kMaxDepth && width <= kMaxWidth<T>;
}

// Where a row of `width` values is split into vectors: the full ones, then a masked last one.
template <typename T>
struct RowVectors {
  int full;
  int tail;
  typename Simd<T>::Mask mask;
  explicit RowVectors(Index width)
      : full(static_cast<int>(width / Simd<T>::kLanes)),
        tail(static_cast<int>(width % Simd<T>::kLanes)),
        mask(Simd<T>::lane_mask(tail)) {}
  typename Simd<T>::Vec load(const T* row, int v) const {
    return v < full ? Simd<T>::load(row + v * Simd<T>::kLanes) : Simd<T>::masked_load(row + v * Simd<T>::kLanes, mask);
  }
  // A masked store is microcoded and slow on AMD cores: the last vector is written lane by lane.
  void store(T* row, int v, typename Simd<T>::Vec value) const {
    if (v < full) return Simd<T>::store(row + v * Simd<T>::kLanes, value);
    alignas(64) T lanes[Simd<T>::kLanes];
    Simd<T>::store(lanes, value);
    for (int j = 0; j < tail; ++j) row[v * Simd<T>::kLanes + j] = lanes[j];
  }
};

// Weights laid out depth-major, V vectors per depth step, zero past `width`: w(p, j) comes
// from weight[p·p_stride + j·j_stride], so a transposed weight packs the same way.
template <typename T>
ScratchArray<T> pack_weights(const T* weight, Index depth, Index width, Index p_stride, Index j_stride, int vectors) {
  const Index padded = vectors * Simd<T>::kLanes;
  ScratchArray<T> packed(depth * padded);
  for (Index p = 0; p < depth; ++p) {
    for (Index j = 0; j < width; ++j) packed[p * padded + j] = weight[p * p_stride + j * j_stride];
  }
  return packed;
}

// For rows [r0, r0+R): acc[r] = Σ_p a[r, p]·w(p, :) in the order p = 0, 1, … (as gemm does),
// then finish(r, v, vector v of acc[r]) stores the row. The accumulators go through a tile in
// L1 first: handing them to the epilogue directly makes the compiler keep them in memory.
template <typename T, int V, int R, typename Finish>
inline void multiply_row_block(const T* a, Index depth, const T* packed, Index r0, const Finish& finish) {
  using S = Simd<T>;
  typename S::Vec acc[R][V];
#pragma GCC unroll 32
  for (int r = 0; r < R; ++r)
#pragma GCC unroll 8
    for (int v = 0; v < V; ++v) acc[r][v] = S::zero();
  const T* row[R];
#pragma GCC unroll 32
  for (int r = 0; r < R; ++r) row[r] = a + (r0 + r) * depth;

#pragma GCC unroll 4
  for (Index p = 0; p < depth; ++p) {
    typename S::Vec w[V];
#pragma GCC unroll 8
    for (int v = 0; v < V; ++v) w[v] = S::load(packed + (p * V + v) * S::kLanes);
#pragma GCC unroll 32
    for (int r = 0; r < R; ++r) {
      const auto x = S::broadcast(row[r] + p);
#pragma GCC unroll 8
      for (int v = 0; v < V; ++v) acc[r][v] = S::fmadd(x, w[v], acc[r][v]);
    }
  }

  alignas(64) T tile[R][V * S::kLanes];
#pragma GCC unroll 32
  for (int r = 0; r < R; ++r)
#pragma GCC unroll 8
    for (int v = 0; v < V; ++v) S::store(&tile[r][v * S::kLanes], acc[r][v]);
  for (int r = 0; r < R; ++r) {
    for (int v = 0; v < V; ++v) finish(r0 + r, v, S::load_aligned(&tile[r][v * S::kLanes]));
  }
}

// Runs multiply_row_block over all rows, R at a time (kAccumulators vectors in all), the
// threads taking contiguous ranges of rows; after_rows(p0, p1) runs on each finished piece.
template <typename T, int V, typename Finish, typename AfterRows>
void multiply_rows(const T* a, Index rows, Index depth, Index width, const T* packed, int threads, const Finish& finish,
                   const AfterRows& after_rows) {
  constexpr int R = kAccumulators<T> / V;
  const Index grain = std::max<Index>(R, kParallelMultiplyAdds / std::max<Index>(1, depth * width));
  parallel_for(threads, rows, grain, [&](Index begin, Index end) {
    for_each_piece(begin, end, R * ((kEpilogueRows + R - 1) / R), [&](Index p0, Index p1) {
      Index r = p0;
      for (; r + R <= p1; r += R) multiply_row_block<T, V, R>(a, depth, packed, r, finish);
      for (; r < p1; ++r) multiply_row_block<T, V, 1>(a, depth, packed, r, finish);
      after_rows(p0, p1);
    });
  });
}

// Calls body(std::integral_constant<int, V>) for V = vectors (1 … kMaxVectors<T>).
template <typename T, int V = 1, typename Body>
void with_vectors(int vectors, const Body& body) {
  if constexpr (V < kMaxVectors<T>) {
    if (vectors > V) return with_vectors<T, V + 1>(vectors, body);
  }
  body(std::integral_constant<int, V>{});
}

// z = z + bias, a = g(z) for rows [begin, end) of a product already in z.
template <typename T, Activation F, bool Activate>
void finish_forward_rows(const T* bias, T* z, T* a, Index begin, Index end, Index width) {
  using S = Simd<T>;
  const RowVectors<T> layout(width);
  const int vectors = vectors_for<T>(width);
  for (Index r = begin; r < end; ++r) {
    for (int v = 0; v < vectors; ++v) {
      const auto zv = S::add(layout.load(z + r * width, v), layout.load(bias, v));
      layout.store(z + r * width, v, zv);
      if constexpr (Activate) layout.store(a + r * width, v, activation_value<T, F>(zv));
    }
  }
}

// after_rows(p0, p1) runs on rows of z as they are finished, on the thread that finished them.
template <typename T, Activation F, bool Activate, typename AfterRows>
void forward(const T* x, const T* weight, const T* bias, T* z, T* a, Index rows, Index depth, Index width, int threads,
             const AfterRows& after_rows) {
  using S = Simd<T>;
  if (!is_narrow<T>(depth, width)) {
    gemm<T>(x, weight, z, rows, depth, width, false, false, threads);
    parallel_for(threads, rows, epilogue_grain<AfterRows>(width), [&](Index begin, Index end) {
      for_each_piece(begin, end, kEpilogueRows, [&](Index p0, Index p1) {
        finish_forward_rows<T, F, Activate>(bias, z, a, p0, p1, width);
        after_rows(p0, p1);
      });
    });
    return;
  }
  const int vectors = vectors_for<T>(width);
  const auto packed = pack_weights(weight, depth, width, width, 1, vectors);
  with_vectors<T>(vectors, [&](auto v_tag) {
    constexpr int V = decltype(v_tag)::value;
    const RowVectors<T> layout(width);
    typename S::Vec b[V];
    for (int v = 0; v < V; ++v) b[v] = layout.load(bias, v);
    multiply_rows<T, V>(x, rows, depth, width, packed.data(), threads, [&](Index r, int v, typename S::Vec acc) {
      const auto zv = S::add(acc, b[v]);
      layout.store(z + r * width, v, zv);
      if constexpr (Activate) layout.store(a + r * width, v, activation_value<T, F>(zv));
    }, after_rows);
  });
}

// after_rows(p0, p1) runs on rows of out as they are finished, on the thread that finished them.
template <typename T, Activation F, bool Activate, typename AfterRows>
void input_gradient(const T* g, const T* weight, const T* z, const T* a, T* out, Index rows, Index inputs, Index outputs,
                    int threads, const AfterRows& after_rows) {
  using S = Simd<T>;
  if (!is_narrow<T>(outputs, inputs)) {
    gemm<T>(g, weight, out, rows, outputs, inputs, false, true, threads);
    if constexpr (Activate) activate_backward<T>(F, z, a, out, out, rows * inputs, threads);
    if constexpr (!std::is_same_v<AfterRows, std::decay_t<decltype(kNoEpilogue)>>) {
      parallel_for(threads, rows, epilogue_grain<AfterRows>(inputs),
                   [&](Index begin, Index end) { for_each_piece(begin, end, kEpilogueRows, after_rows); });
    }
    return;
  }
  // out[r, i] = Σ_j g[r, j]·weight[i, j]: the inner dimension is the layer's outputs.
  const int vectors = vectors_for<T>(inputs);
  const auto packed = pack_weights(weight, outputs, inputs, 1, outputs, vectors);
  with_vectors<T>(vectors, [&](auto v_tag) {
    constexpr int V = decltype(v_tag)::value;
    const RowVectors<T> layout(inputs);
    multiply_rows<T, V>(g, rows, outputs, inputs, packed.data(), threads, [&](Index r, int v, typename S::Vec acc) {
      const Index at = r * inputs;
      if constexpr (Activate) {
        layout.store(out + at, v, activation_gradient<T, F>(layout.load(z + at, v), layout.load(a + at, v), acc));
      } else {
        layout.store(out + at, v, acc);
      }
    }, after_rows);
  });
}

// acc_w[i, :] += Σ_r x[r, i]·g[r, :] for i in [i0, i0+I), rows [begin, end); g rows of V vectors,
// the last one masked when Partial. Every loop over I and V is unrolled, so that the I×V
// accumulators stay in registers.
template <typename T, int V, int I, bool Partial>
void accumulate_outer_products(const T* x, Index inputs, const T* g, Index outputs, Index begin, Index end, Index i0,
                               typename Simd<T>::Mask mask, T* acc_w) {
  using S = Simd<T>;
  typename S::Vec acc[I][V];
#pragma GCC unroll 32
  for (int i = 0; i < I; ++i)
#pragma GCC unroll 8
    for (int v = 0; v < V; ++v) acc[i][v] = S::load(acc_w + ((i0 + i) * V + v) * S::kLanes);
  for (Index r = begin; r < end; ++r) {
    const T* g_row = g + r * outputs;
    typename S::Vec gv[V];
#pragma GCC unroll 8
    for (int v = 0; v < V; ++v) {
      gv[v] = Partial && v == V - 1 ? S::masked_load(g_row + v * S::kLanes, mask) : S::load(g_row + v * S::kLanes);
    }
    const T* x_row = x + r * inputs + i0;
#pragma GCC unroll 32
    for (int i = 0; i < I; ++i) {
      const auto xv = S::broadcast(x_row + i);
#pragma GCC unroll 8
      for (int v = 0; v < V; ++v) acc[i][v] = S::fmadd(xv, gv[v], acc[i][v]);
    }
  }
#pragma GCC unroll 32
  for (int i = 0; i < I; ++i)
#pragma GCC unroll 8
    for (int v = 0; v < V; ++v) S::store(acc_w + ((i0 + i) * V + v) * S::kLanes, acc[i][v]);
}

// All inputs of one block of rows: I at a time, then one at a time.
template <typename T, int V, bool Partial>
void accumulate_block(const T* x, Index inputs, const T* g, Index outputs, Index b0, Index b1, typename Simd<T>::Mask mask,
                      T* acc_w) {
  constexpr int I = kAccumulators<T> / V;
  Index i0 = 0;
  for (; i0 + I <= inputs; i0 += I) accumulate_outer_products<T, V, I, Partial>(x, inputs, g, outputs, b0, b1, i0, mask, acc_w);
  for (; i0 < inputs; ++i0) accumulate_outer_products<T, V, 1, Partial>(x, inputs, g, outputs, b0, b1, i0, mask, acc_w);
}

// grad_w = xᵀ·g and grad_b = Σ_rows g for a narrow layer: each thread streams its rows once per
// block of inputs into its own padded partial sums, which are added at the end.
template <typename T, int V>
void narrow_weight_gradients(const T* x, const T* g, T* grad_w, T* grad_b, Index rows, Index inputs, Index outputs,
                             int threads) {
  using S = Simd<T>;
  // Rows per block: its x and g rows stay in L1 while every block of inputs passes over them.
  constexpr Index kBlockRows = 128;
  const Index padded = V * S::kLanes;
  const Index partial_size = (inputs + 1) * padded;  // the last padded row is the bias gradient
  const Index grain = std::max<Index>(kBlockRows, kParallelMultiplyAdds / std::max<Index>(1, inputs * outputs));
  const int parts = static_cast<int>(std::max<Index>(1, std::min<Index>(threads, (rows + grain - 1) / grain)));
  ScratchArray<T> partials(parts * partial_size);
  const Index chunk = (rows + parts - 1) / parts;
  const RowVectors<T> layout(outputs);
  ThreadPool::instance().run(parts, [&](int part, int) {
    T* acc_w = partials.data() + part * partial_size;
    const Index end = std::min<Index>(rows, (part + 1) * chunk);
    for (Index b0 = part * chunk; b0 < end; b0 += kBlockRows) {
      const Index b1 = std::min<Index>(end, b0 + kBlockRows);
      if (layout.tail == 0) {
        accumulate_block<T, V, false>(x, inputs, g, outputs, b0, b1, layout.mask, acc_w);
      } else {
        accumulate_block<T, V, true>(x, inputs, g, outputs, b0, b1, layout.mask, acc_w);
      }
      T* acc_b = acc_w + inputs * padded;
      for (int v = 0; v < V; ++v) {
        auto sum = S::load(acc_b + v * S::kLanes);
        for (Index r = b0; r < b1; ++r) sum = S::add(sum, layout.load(g + r * outputs, v));
        S::store(acc_b + v * S::kLanes, sum);
      }
    }
  });
  for (Index i = 0; i <= inputs; ++i) {
    T* target = i < inputs ? grad_w + i * outputs : grad_b;
    for (Index j = 0; j < outputs; ++j) {
      T total = 0;
      for (int part = 0; part < parts; ++part) total += partials[part * partial_size + i * padded + j];
      target[j] = total;
    }
  }
}

}  // namespace

template <typename T>
void linear_forward(const T* x, const T* weight, const T* bias, T* z, T* a, const Activation* fn,
                    const ExpressionProgram* expression, Index rows, Index inputs, Index outputs, int threads) {
  if (rows == 0 || outputs == 0) return;
  if (expression != nullptr) {
    // a = g(z) on each piece of rows right after its bias add.
    const auto activate_rows = [&](Index p0, Index p1) {
      const T* const in[1] = {z + p0 * outputs};
      T* const out[1] = {a + p0 * outputs};
      ExpressionEvaluator<T>(*expression, nullptr).run(in, out, 0, (p1 - p0) * outputs);
    };
    return forward<T, Activation::Relu, false>(x, weight, bias, z, nullptr, rows, inputs, outputs, threads, activate_rows);
  }
  if (fn == nullptr) {
    return forward<T, Activation::Relu, false>(x, weight, bias, z, nullptr, rows, inputs, outputs, threads, kNoEpilogue);
  }
  with_activation(*fn, [&](auto tag) {
    forward<T, decltype(tag)::value, true>(x, weight, bias, z, a, rows, inputs, outputs, threads, kNoEpilogue);
  });
}

template <typename T>
void linear_input_gradient(const T* g, const T* weight, const T* z, const T* a, T* out, const Activation* fn,
                           const ExpressionProgram* expression, Index rows, Index inputs, Index outputs, int threads) {
  if (rows == 0 || inputs == 0) return;
  if (expression != nullptr) {
    // out = out ⊙ g'(z) on each piece of rows as soon as its product is stored.
    const auto differentiate_rows = [&](Index p0, Index p1) {
      const Index at = p0 * inputs;
      const T* const in[3] = {z + at, a + at, out + at};
      T* const result[1] = {out + at};
      ExpressionEvaluator<T>(*expression, nullptr).run(in, result, 0, (p1 - p0) * inputs);
    };
    return input_gradient<T, Activation::Relu, false>(g, weight, nullptr, nullptr, out, rows, inputs, outputs, threads,
                                                      differentiate_rows);
  }
  if (fn == nullptr) {
    return input_gradient<T, Activation::Relu, false>(g, weight, nullptr, nullptr, out, rows, inputs, outputs, threads,
                                                      kNoEpilogue);
  }
  with_activation(*fn, [&](auto tag) {
    input_gradient<T, decltype(tag)::value, true>(g, weight, z, a, out, rows, inputs, outputs, threads, kNoEpilogue);
  });
}

template <typename T>
void linear_weight_gradients(const T* x, const T* g, T* grad_w, T* grad_b, Index rows, Index inputs, Index outputs,
                             int threads) {
  if (outputs == 0) return;
  if (!is_narrow<T>(inputs, outputs)) {
    gemm<T>(x, g, grad_w, inputs, rows, outputs, true, false, threads);
    return sum_rows<T>(g, grad_b, rows, outputs, threads);
  }
  with_vectors<T>(vectors_for<T>(outputs), [&](auto v_tag) {
    narrow_weight_gradients<T, decltype(v_tag)::value>(x, g, grad_w, grad_b, rows, inputs, outputs, threads);
  });
}

#define NABLA_INSTANTIATE(T)                                                                                      \
  template void linear_forward<T>(const T*, const T*, const T*, T*, T*, const Activation*, const ExpressionProgram*,  \
                                  Index, Index, Index, int);                                                      \
  template void linear_input_gradient<T>(const T*, const T*, const T*, const T*, T*, const Activation*,           \
                                         const ExpressionProgram*, Index, Index, Index, int);                     \
  template void linear_weight_gradients<T>(const T*, const T*, T*, T*, Index, Index, Index, int);

NABLA_INSTANTIATE(float)
NABLA_INSTANTIATE(double)

}  // namespace NABLA_ISA
}  // namespace nabla
