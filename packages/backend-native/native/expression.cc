// The expression kernel: a compiled plugin activation or update rule over whole tensors, each
// thread running the program over its own contiguous range of elements.
#include "expression-evaluator.h"
#include "kernels.h"
#include "thread-pool.h"

namespace nabla {
namespace NABLA_ISA {
namespace {

using Index = std::int64_t;

}  // namespace

template <typename T>
void evaluate_expression(const ExpressionProgram& program, const T* const* inputs, T* const* outputs, const double* scalars,
                         Index size, int threads) {
  parallel_for(threads, size, kElementwiseGrain, [&](Index begin, Index end) {
    ExpressionEvaluator<T>(program, scalars).run(inputs, outputs, begin, end);
  });
}

template void evaluate_expression<float>(const ExpressionProgram&, const float* const*, float* const*, const double*, Index, int);
template void evaluate_expression<double>(const ExpressionProgram&, const double* const*, double* const*, const double*, Index,
                                          int);

}  // namespace NABLA_ISA
}  // namespace nabla
