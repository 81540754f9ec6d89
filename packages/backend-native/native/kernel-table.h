// The kernels of one instruction set as a table of function pointers, so that the addon, which
// is compiled for plain x86-64, picks a table once and never calls code its CPU cannot run.
// kernel-table.cc fills one table per instruction set, in that set's namespace.
#pragma once

#include <cstdint>

#include "kernel-types.h"

namespace nabla {

template <typename T>
struct TypedKernels {
  using Element = T;
  using Index = std::int64_t;
  void (*gemm)(const T* a, const T* b, T* c, Index m, Index k, Index n, bool transpose_a, bool transpose_b, int threads);
  void (*linear_forward)(const T* x, const T* weight, const T* bias, T* z, T* a, const Activation* fn,
                         const ExpressionProgram* expression, Index rows, Index inputs, Index outputs, int threads);
  void (*linear_input_gradient)(const T* g, const T* weight, const T* z, const T* a, T* out, const Activation* fn,
                                const ExpressionProgram* expression, Index rows, Index inputs, Index outputs, int threads);
  void (*linear_weight_gradients)(const T* x, const T* g, T* grad_w, T* grad_b, Index rows, Index inputs, Index outputs,
                                  int threads);
  void (*add_row_vector)(const T* x, const T* row, T* out, Index rows, Index cols, int threads);
  void (*sum_rows)(const T* x, T* out, Index rows, Index cols, int threads);
  void (*activate)(Activation fn, const T* z, T* out, Index size, int threads);
  void (*activate_backward)(Activation fn, const T* z, const T* a, const T* grad_a, T* grad_z, Index size, int threads);
  void (*multiply)(const T* a, const T* b, T* out, Index size, int threads);
  void (*scale)(const T* x, double alpha, T* out, Index size, int threads);
  void (*dropout)(const T* x, T* mask, T* out, const DropoutDraw& draw, Index size, int threads);
  void (*argmax_rows)(const T* x, std::int32_t* out, Index rows, Index cols);
  bool (*all_finite)(const T* x, Index size, int threads);
  void (*gather_rows)(const T* x, const std::int32_t* indices, T* out, Index count, Index cols, int threads);
  void (*copy)(const T* source, T* target, Index size, int threads);
  void (*fill)(T* x, double value, Index size, int threads);
  double (*mean_squared_error)(const T* pred, const T* target, T* grad, Index size, int threads);
  double (*softmax_cross_entropy)(const T* logits, const std::int32_t* labels, T* grad, Index rows, Index cols,
                                  int threads);
  void (*sgd_update)(T* param, const T* grad, double lr, Index size, int threads);
  void (*adam_update)(T* param, const T* grad, T* m, T* v, const AdamStep& step, Index size, int threads);
  void (*evaluate_expression)(const ExpressionProgram& program, const T* const* inputs, T* const* outputs,
                              const double* scalars, Index size, int threads);
};

struct KernelTable {
  // "avx512", "avx2" or "generic", as NABLA_NATIVE_ISA names it.
  const char* isa;
  TypedKernels<float> f32;
  TypedKernels<double> f64;
};

namespace avx512 {
const KernelTable& kernel_table();
}
namespace avx2 {
const KernelTable& kernel_table();
}
namespace generic {
const KernelTable& kernel_table();
}

}  // namespace nabla
