// The table of this instruction set's kernels (see kernel-table.h).
#include "kernel-table.h"

#include "kernels.h"

#define NABLA_STRING(x) #x
#define NABLA_EXPANDED_STRING(x) NABLA_STRING(x)

namespace nabla {
namespace NABLA_ISA {
namespace {

template <typename T>
constexpr TypedKernels<T> typed_kernels() {
  return {&gemm<T>,
          &linear_forward<T>,
          &linear_input_gradient<T>,
          &linear_weight_gradients<T>,
          &add_row_vector<T>,
          &sum_rows<T>,
          &activate<T>,
          &activate_backward<T>,
          &multiply<T>,
          &scale<T>,
          &dropout<T>,
          &argmax_rows<T>,
          &all_finite<T>,
          &gather_rows<T>,
          &copy<T>,
          &fill<T>,
          &mean_squared_error<T>,
          &softmax_cross_entropy<T>,
          &sgd_update<T>,
          &adam_update<T>,
          &evaluate_expression<T>};
}

}  // namespace

const KernelTable& kernel_table() {
  static constexpr KernelTable table{NABLA_EXPANDED_STRING(NABLA_ISA), typed_kernels<float>(), typed_kernels<double>()};
  return table;
}

}  // namespace NABLA_ISA
}  // namespace nabla
