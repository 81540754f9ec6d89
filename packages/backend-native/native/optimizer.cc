// Parameter updates, in double as JavaScript computes them, so float32 parameters round once.
#include <cmath>

#include "kernels.h"
#include "thread-pool.h"

namespace nabla {
namespace NABLA_ISA {
namespace {

using Index = std::int64_t;

constexpr Index kGrain = Index{1} << 15;

}  // namespace

template <typename T>
void sgd_update(T* param, const T* grad, double lr, Index size, int threads) {
  parallel_for(threads, size, kGrain, [&](Index begin, Index end) {
    for (Index k = begin; k < end; ++k) param[k] = static_cast<T>(param[k] - lr * grad[k]);
  });
}

template <typename T>
void adam_update(T* param, const T* grad, T* m, T* v, const AdamStep& step, Index size, int threads) {
  const double beta1 = step.beta1, beta2 = step.beta2;
  parallel_for(threads, size, kGrain, [&](Index begin, Index end) {
    for (Index k = begin; k < end; ++k) {
      const double g = grad[k];
      m[k] = static_cast<T>(beta1 * m[k] + (1 - beta1) * g);      // (19)
      v[k] = static_cast<T>(beta2 * v[k] + (1 - beta2) * g * g);  // (20)
      const double m_hat = m[k] / step.correction1;               // (21)
      const double v_hat = v[k] / step.correction2;
      param[k] = static_cast<T>(param[k] - step.lr * m_hat / (std::sqrt(v_hat) + step.eps));  // (22)
    }
  });
}

template void sgd_update<float>(float*, const float*, double, Index, int);
template void sgd_update<double>(double*, const double*, double, Index, int);
template void adam_update<float>(float*, const float*, float*, float*, const AdamStep&, Index, int);
template void adam_update<double>(double*, const double*, double*, double*, const AdamStep&, Index, int);

}  // namespace NABLA_ISA
}  // namespace nabla
