// Loss values and their gradients. Sums run in double, as in the reference backend, with one
// partial sum per thread added in a fixed order, so a given thread count always gives the same value.
#include <algorithm>
#include <cmath>

#include "kernels.h"
#include "scratch-array.h"
#include "thread-pool.h"

namespace nabla {
namespace NABLA_ISA {
namespace {

using Index = std::int64_t;

// Runs body(begin, end) → partial sum over one contiguous range per thread; returns the total.
template <typename Body>
double parallel_sum(int threads, Index n, Index grain, const Body& body) {
  const int parts = static_cast<int>(std::max<Index>(1, std::min<Index>(threads, (n + grain - 1) / grain)));
  ScratchArray<double> partial(parts);
  const Index chunk = (n + parts - 1) / parts;
  ThreadPool::instance().run(parts, [&](int part, int) {
    const Index begin = std::min<Index>(n, part * chunk);
    partial[part] = body(begin, std::min<Index>(n, begin + chunk));
  });
  double total = 0;
  for (int part = 0; part < parts; ++part) total += partial[part];
  return total;
}

}  // namespace

template <typename T>
double mean_squared_error(const T* pred, const T* target, T* grad, Index size, int threads) {
  // Equation (14): ∂L/∂a = 2(a − y)/N
  const double factor = 2.0 / static_cast<double>(size);
  const double sum = parallel_sum(threads, size, kElementwiseGrain, [&](Index begin, Index end) {
    double s = 0;
    for (Index k = begin; k < end; ++k) {
      const double d = static_cast<double>(pred[k]) - static_cast<double>(target[k]);
      s += d * d;
      if (grad) grad[k] = static_cast<T>(factor * d);
    }
    return s;
  });
  return sum / static_cast<double>(size);
}

template <typename T>
double softmax_cross_entropy(const T* logits, const std::int32_t* labels, T* grad, Index rows, Index cols,
                             int threads) {
  const double n = static_cast<double>(rows);
  const Index grain_rows = std::max<Index>(1, kElementwiseGrain / std::max<Index>(cols, 1));
  const double total = parallel_sum(threads, rows, grain_rows, [&](Index begin, Index end) {
    double loss = 0;
    for (Index i = begin; i < end; ++i) {
      const T* row = logits + i * cols;
      double max = -INFINITY;
      for (Index j = 0; j < cols; ++j) max = row[j] > max ? static_cast<double>(row[j]) : max;
      double sum_exp = 0;
      for (Index j = 0; j < cols; ++j) sum_exp += std::exp(static_cast<double>(row[j]) - max);
      const double log_sum_exp = max + std::log(sum_exp);
      loss += log_sum_exp - static_cast<double>(row[labels[i]]);
      if (grad) {
        // Equation (17): ∂L/∂a = (softmax − onehot)/N
        T* g = grad + i * cols;
        for (Index j = 0; j < cols; ++j) {
          const double p = std::exp(static_cast<double>(row[j]) - log_sum_exp);
          g[j] = static_cast<T>((p - (j == labels[i] ? 1.0 : 0.0)) / n);
        }
      }
    }
    return loss;
  });
  return total / n;
}

template double mean_squared_error<float>(const float*, const float*, float*, Index, int);
template double mean_squared_error<double>(const double*, const double*, double*, Index, int);
template double softmax_cross_entropy<float>(const float*, const std::int32_t*, float*, Index, Index, int);
template double softmax_cross_entropy<double>(const double*, const std::int32_t*, double*, Index, Index, int);

}  // namespace NABLA_ISA
}  // namespace nabla
