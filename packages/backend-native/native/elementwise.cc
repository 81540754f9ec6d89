// Elementwise kernels, row reductions and row gathers. Each splits its elements into one
// contiguous range per thread once there is enough work to pay for waking the pool.
#include <algorithm>
#include <cstring>

#include "activation-vectors.h"
#include "kernels.h"
#include "scratch-array.h"
#include "simd.h"
#include "thread-pool.h"

namespace nabla {
namespace NABLA_ISA {
namespace {

using Index = std::int64_t;

// out[k] = op(inputs…[k]) on whole vectors; the last partial vector goes through a zero-padded
// copy so op never reads or writes past the arrays.
template <typename T, int N, typename Op>
void apply_vectors(const T* const (&inputs)[N], T* out, Index begin, Index end, const Op& op) {
  using S = Simd<T>;
  constexpr int kLanes = S::kLanes;
  Index k = begin;
  for (; k + kLanes <= end; k += kLanes) {
    typename S::Vec v[N];
    for (int i = 0; i < N; ++i) v[i] = S::load(inputs[i] + k);
    S::store(out + k, op(v));
  }
  if (k == end) return;
  const int tail = static_cast<int>(end - k);
  alignas(64) T padded[N][kLanes] = {};
  alignas(64) T result[kLanes];
  typename S::Vec v[N];
  for (int i = 0; i < N; ++i) {
    std::memcpy(padded[i], inputs[i] + k, sizeof(T) * tail);
    v[i] = S::load(padded[i]);
  }
  S::store(result, op(v));
  std::memcpy(out + k, result, sizeof(T) * tail);
}

template <typename T, int N, typename Op>
void parallel_apply(const T* const (&inputs)[N], T* out, Index size, int threads, const Op& op) {
  parallel_for(threads, size, kElementwiseGrain, [&](Index begin, Index end) { apply_vectors<T, N>(inputs, out, begin, end, op); });
}

}  // namespace

template <typename T>
void add_row_vector(const T* x, const T* row, T* out, Index rows, Index cols, int threads) {
  const Index grain_rows = std::max<Index>(1, kElementwiseGrain / std::max<Index>(cols, 1));
  parallel_for(threads, rows, grain_rows, [&](Index begin, Index end) {
    for (Index i = begin; i < end; ++i) {
      const T* xs = x + i * cols;
      T* os = out + i * cols;
      for (Index j = 0; j < cols; ++j) os[j] = xs[j] + row[j];
    }
  });
}

template <typename T>
void sum_rows(const T* x, T* out, Index rows, Index cols, int threads) {
  // Each thread sums its rows into its own partial row in double; the partials are added last.
  const Index grain_rows = std::max<Index>(1, kElementwiseGrain / std::max<Index>(cols, 1));
  const int parts = static_cast<int>(std::max<Index>(1, std::min<Index>(threads, (rows + grain_rows - 1) / grain_rows)));
  ScratchArray<double> partial(parts * cols);
  const Index chunk = (rows + parts - 1) / parts;
  ThreadPool::instance().run(parts, [&](int part, int) {
    double* acc = partial.data() + part * cols;
    const Index end = std::min<Index>(rows, (part + 1) * chunk);
    for (Index i = part * chunk; i < end; ++i) {
      const T* xs = x + i * cols;
      for (Index j = 0; j < cols; ++j) acc[j] += xs[j];
    }
  });
  for (Index j = 0; j < cols; ++j) {
    double total = 0;
    for (int part = 0; part < parts; ++part) total += partial[part * cols + j];
    out[j] = static_cast<T>(total);
  }
}

template <typename T>
void activate(Activation fn, const T* z, T* out, Index size, int threads) {
  using Vec = typename Simd<T>::Vec;
  const T* const inputs[1] = {z};
  with_activation(fn, [&](auto tag) {
    parallel_apply<T, 1>(inputs, out, size, threads, [](const Vec* v) { return activation_value<T, decltype(tag)::value>(v[0]); });
  });
}

template <typename T>
void activate_backward(Activation fn, const T* z, const T* a, const T* grad_a, T* grad_z, Index size, int threads) {
  using Vec = typename Simd<T>::Vec;
  const T* const inputs[3] = {z, a, grad_a};
  with_activation(fn, [&](auto tag) {
    parallel_apply<T, 3>(inputs, grad_z, size, threads, [](const Vec* v) {
      return activation_gradient<T, decltype(tag)::value>(v[0], v[1], v[2]);
    });
  });
}

template <typename T>
void multiply(const T* a, const T* b, T* out, Index size, int threads) {
  parallel_for(threads, size, kElementwiseGrain, [&](Index begin, Index end) {
    for (Index k = begin; k < end; ++k) out[k] = a[k] * b[k];
  });
}

template <typename T>
void scale(const T* x, double alpha, T* out, Index size, int threads) {
  // In double, as JavaScript computes it: the float32 result is then the reference's bit for bit.
  parallel_for(threads, size, kElementwiseGrain, [&](Index begin, Index end) {
    for (Index k = begin; k < end; ++k) out[k] = static_cast<T>(alpha * static_cast<double>(x[k]));
  });
}

template <typename T>
void argmax_rows(const T* x, std::int32_t* out, Index rows, Index cols) {
  for (Index i = 0; i < rows; ++i) {
    const T* xs = x + i * cols;
    Index best = 0;
    for (Index j = 1; j < cols; ++j) {
      if (xs[j] > xs[best]) best = j;
    }
    out[i] = static_cast<std::int32_t>(best);
  }
}

template <typename T>
bool all_finite(const T* x, Index size, int threads) {
  using S = Simd<T>;
  const int parts = static_cast<int>(std::max<Index>(1, std::min<Index>(threads, (size + kElementwiseGrain - 1) / kElementwiseGrain)));
  ScratchArray<char> finite(parts);
  const Index chunk = (size + parts - 1) / parts;
  ThreadPool::instance().run(parts, [&](int part, int) {
    const Index begin = part * chunk;
    const Index end = std::min<Index>(size, begin + chunk);
    // x − x is 0 for finite x and NaN for NaN or ±Infinity, and NaN survives every later add.
    auto acc = S::zero();
    Index k = begin;
    for (; k + S::kLanes <= end; k += S::kLanes) {
      const auto v = S::load(x + k);
      acc = S::add(acc, S::sub(v, v));
    }
    alignas(64) T lanes[S::kLanes];
    S::store(lanes, acc);
    T sum = 0;
    for (T lane : lanes) sum += lane;
    for (; k < end; ++k) sum += x[k] - x[k];
    finite[part] = sum == 0;
  });
  for (int part = 0; part < parts; ++part) {
    if (!finite[part]) return false;
  }
  return true;
}

template <typename T>
void gather_rows(const T* x, const std::int32_t* indices, T* out, Index count, Index cols, int threads) {
  const Index grain_rows = std::max<Index>(1, kElementwiseGrain / std::max<Index>(cols, 1));
  parallel_for(threads, count, grain_rows, [&](Index begin, Index end) {
    for (Index r = begin; r < end; ++r) std::memcpy(out + r * cols, x + indices[r] * cols, sizeof(T) * cols);
  });
}

template <typename T>
void copy(const T* source, T* target, Index size, int threads) {
  parallel_for(threads, size, kElementwiseGrain, [&](Index begin, Index end) {
    std::memmove(target + begin, source + begin, sizeof(T) * (end - begin));
  });
}

template <typename T>
void fill(T* x, double value, Index size, int threads) {
  const T v = static_cast<T>(value);
  parallel_for(threads, size, kElementwiseGrain, [&](Index begin, Index end) { std::fill(x + begin, x + end, v); });
}

#define NABLA_INSTANTIATE(T)                                                                      \
  template void add_row_vector<T>(const T*, const T*, T*, Index, Index, int);                     \
  template void sum_rows<T>(const T*, T*, Index, Index, int);                                     \
  template void activate<T>(Activation, const T*, T*, Index, int);                                \
  template void activate_backward<T>(Activation, const T*, const T*, const T*, T*, Index, int);   \
  template void multiply<T>(const T*, const T*, T*, Index, int);                                  \
  template void scale<T>(const T*, double, T*, Index, int);                                       \
  template void argmax_rows<T>(const T*, std::int32_t*, Index, Index);                            \
  template bool all_finite<T>(const T*, Index, int);                                              \
  template void gather_rows<T>(const T*, const std::int32_t*, T*, Index, Index, int);             \
  template void copy<T>(const T*, T*, Index, int);                                                \
  template void fill<T>(T*, double, Index, int);

NABLA_INSTANTIATE(float)
NABLA_INSTANTIATE(double)

}  // namespace NABLA_ISA
}  // namespace nabla
