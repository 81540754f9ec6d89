// Entry points of the kernels of one instruction set, in its namespace nabla::NABLA_ISA: every
// kernel source is compiled once per instruction set (binding.gyp), and kernel-table.cc hands
// the addon their addresses. Every kernel runs on up to `threads` threads and is instantiated for
// float and double.
#pragma once

#include <cstdint>

#include "kernel-types.h"

#ifndef NABLA_ISA
#error "kernel sources are compiled with -DNABLA_ISA=avx512, avx2 or generic (see binding.gyp)"
#endif

namespace nabla {
namespace NABLA_ISA {

// gemm.cc: c[m×n] = op(a) · op(b); op(a) is m×k (a stored k×m when transpose_a), op(b) is k×n.
template <typename T>
void gemm(const T* a, const T* b, T* c, std::int64_t m, std::int64_t k, std::int64_t n, bool transpose_a,
          bool transpose_b, int threads);

// linear.cc: a Linear layer x[rows×inputs]·weight[inputs×outputs] + bias with its neighbours.
// z = x·weight + bias, and a = fn(z) when fn is not null, or a = expression(z) (inputs [z],
// outputs [a]) when expression is not null.
template <typename T>
void linear_forward(const T* x, const T* weight, const T* bias, T* z, T* a, const Activation* fn,
                    const ExpressionProgram* expression, std::int64_t rows, std::int64_t inputs, std::int64_t outputs,
                    int threads);
// out = g·weightᵀ, times fn'(z) (z, a of the activation below, shaped like out) when fn is not
// null, or out = expression(z, a, out) (inputs [z, a, out], outputs [out]) when expression is not null.
template <typename T>
void linear_input_gradient(const T* g, const T* weight, const T* z, const T* a, T* out, const Activation* fn,
                           const ExpressionProgram* expression, std::int64_t rows, std::int64_t inputs,
                           std::int64_t outputs, int threads);
// grad_w = xᵀ·g and grad_b = Σ_rows g.
template <typename T>
void linear_weight_gradients(const T* x, const T* g, T* grad_w, T* grad_b, std::int64_t rows, std::int64_t inputs,
                             std::int64_t outputs, int threads);

// elementwise.cc
template <typename T>
void add_row_vector(const T* x, const T* row, T* out, std::int64_t rows, std::int64_t cols, int threads);
template <typename T>
void sum_rows(const T* x, T* out, std::int64_t rows, std::int64_t cols, int threads);
template <typename T>
void activate(Activation fn, const T* z, T* out, std::int64_t size, int threads);
template <typename T>
void activate_backward(Activation fn, const T* z, const T* a, const T* grad_a, T* grad_z, std::int64_t size,
                       int threads);
template <typename T>
void multiply(const T* a, const T* b, T* out, std::int64_t size, int threads);
template <typename T>
void scale(const T* x, double alpha, T* out, std::int64_t size, int threads);
template <typename T>
void argmax_rows(const T* x, std::int32_t* out, std::int64_t rows, std::int64_t cols);
template <typename T>
bool all_finite(const T* x, std::int64_t size, int threads);
template <typename T>
void gather_rows(const T* x, const std::int32_t* indices, T* out, std::int64_t count, std::int64_t cols,
                 int threads);
template <typename T>
void copy(const T* source, T* target, std::int64_t size, int threads);
template <typename T>
void fill(T* x, double value, std::int64_t size, int threads);

// dropout.cc: mask[k] = draw.scale or 0 from Philox4x32-10, out = x ⊙ mask; out may be x.
template <typename T>
void dropout(const T* x, T* mask, T* out, const DropoutDraw& draw, std::int64_t size, int threads);

// loss.cc: both return the mean loss and write its gradient when grad is not null.
template <typename T>
double mean_squared_error(const T* pred, const T* target, T* grad, std::int64_t size, int threads);
template <typename T>
double softmax_cross_entropy(const T* logits, const std::int32_t* labels, T* grad, std::int64_t rows,
                             std::int64_t cols, int threads);

// expression.cc: runs the program over elements [0, size) of its input and output arrays (an
// output may be an input), with `scalars` holding program.scalars values.
template <typename T>
void evaluate_expression(const ExpressionProgram& program, const T* const* inputs, T* const* outputs, const double* scalars,
                         std::int64_t size, int threads);

// optimizer.cc
template <typename T>
void sgd_update(T* param, const T* grad, double lr, std::int64_t size, int threads);
template <typename T>
void adam_update(T* param, const T* grad, T* m, T* v, const AdamStep& step, std::int64_t size, int threads);

}  // namespace NABLA_ISA
}  // namespace nabla
