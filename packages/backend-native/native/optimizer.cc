// Parameter updates. SGD and the Adam moments compute in double, as JavaScript does, so float32
// values round once; the Adam step itself is computed as described above adam_update.
#include <cmath>

#include "kernels.h"
#include "thread-pool.h"

namespace nabla {
namespace NABLA_ISA {
namespace {

using Index = std::int64_t;

}  // namespace

template <typename T>
void sgd_update(T* param, const T* grad, double lr, Index size, int threads) {
  parallel_for(threads, size, kElementwiseGrain, [&](Index begin, Index end) {
    for (Index k = begin; k < end; ++k) param[k] = static_cast<T>(param[k] - lr * grad[k]);
  });
}

// (21)–(22) as lr·m / (1 − β₁ᵗ) / (√(v / (1 − β₂ᵗ)) + ε) take three divisions and a square root
// per parameter in double, and the divider limits the whole step (318k parameters at every
// mini-batch). Here the moments still update in double, rounding where the reference rounds, and
// the step is lr / (1 − β₁ᵗ) · m / (√v · √(1 / (1 − β₂ᵗ)) + ε): one square root and one division,
// in the parameter's own precision (16 float lanes to a vector instead of 8 doubles). The ratio is
// then within a few of the parameter's ulps of the reference's, and only steps of lr's size move it.
template <typename T>
void adam_update(T* param, const T* grad, T* m, T* v, const AdamStep& step, Index size, int threads) {
  const double step_size_all = step.lr / step.correction1;
  const T root_inverse_correction2_all = static_cast<T>(std::sqrt(1 / step.correction2));
  parallel_for(threads, size, kElementwiseGrain, [&](Index begin, Index end) {
    // Copied here, where no pointer can reach them: a store through T* might otherwise change a
    // captured T (as far as the compiler knows), and the loop would not be vectorized.
    const double beta1 = step.beta1, beta2 = step.beta2, step_size = step_size_all;
    const T root_inverse_correction2 = root_inverse_correction2_all, eps = static_cast<T>(step.eps);
    for (Index k = begin; k < end; ++k) {
      const double g = grad[k];
      m[k] = static_cast<T>(beta1 * m[k] + (1 - beta1) * g);      // (19)
      v[k] = static_cast<T>(beta2 * v[k] + (1 - beta2) * g * g);  // (20)
      const T root_v_hat = std::sqrt(v[k]) * root_inverse_correction2;    // (21)
      param[k] = static_cast<T>(param[k] - step_size * (m[k] / (root_v_hat + eps)));  // (22)
    }
  });
}

template void sgd_update<float>(float*, const float*, double, Index, int);
template void sgd_update<double>(double*, const double*, double, Index, int);
template void adam_update<float>(float*, const float*, float*, float*, const AdamStep&, Index, int);
template void adam_update<double>(double*, const double*, double*, double*, const AdamStep&, Index, int);

}  // namespace NABLA_ISA
}  // namespace nabla
