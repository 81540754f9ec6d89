// Runs an ExpressionProgram (expression-program.h) over a range of elements: a block of elements
// at a time, each instruction over the whole block before the next, so the interpreter's dispatch
// is paid once per block and each operation is a loop over vectors the compiler keeps in
// registers. Inputs are widened to double when loaded and outputs rounded once when stored, as
// the reference evaluation does for float32 tensors.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>

#include "expression-math.h"
#include "expression-program.h"
#include "scratch-array.h"
#include "simd.h"

namespace nabla {
namespace NABLA_ISA {

// Elements per block: each instruction's dispatch and each block's input loads are paid once per
// 256 elements, and a register is 2 KiB, so the 20 or so registers a short program touches still fit
// in L1. RMSprop's update ran fastest at 256 of 64, 128, 256 and 512 (AVX-512 and AVX2).
constexpr int kExpressionBlock = 256;

template <typename T>
class ExpressionEvaluator {
 public:
  // `scalars` holds program.scalars values; every block reads them and the constants as splats.
  ExpressionEvaluator(const ExpressionProgram& program, const double* scalars)
      : program_(program),
        storage_(std::int64_t{program.registers} * kExpressionBlock + kAlignment / sizeof(double)),
        registers_(aligned(storage_.data())) {
    for (int j = 0; j < program.scalars; ++j) std::fill_n(reg(program.inputs + j), kExpressionBlock, scalars[j]);
    for (int j = 0; j < program.constant_count; ++j) {
      std::fill_n(reg(program.inputs + program.scalars + j), kExpressionBlock, program.constants[j]);
    }
    for (int s = 0; s < program.uniform; ++s) execute(program.code[s]);
  }

  // For k in [begin, end): reads inputs[q][k], runs the program, writes outputs[q][k]. An output
  // may be one of the inputs: every input of a block is loaded before any output is stored.
  void run(const T* const* inputs, T* const* outputs, std::int64_t begin, std::int64_t end) {
    outputs_ = outputs;
    for (std::int64_t k = begin; k < end; k += kExpressionBlock) {
      const int count = static_cast<int>(std::min<std::int64_t>(kExpressionBlock, end - k));
      block_start_ = k;
      block_count_ = count;
      for (int q = 0; q < program_.inputs; ++q) {
        double* r = reg(q);
        const T* in = inputs[q] + k;
        for (int i = 0; i < count; ++i) r[i] = static_cast<double>(in[i]);
        // The last block's spare lanes compute on zeros and are never stored.
        for (int i = count; i < kExpressionBlock; ++i) r[i] = 0;
      }
      for (int s = program_.uniform; s < program_.length; ++s) execute(program_.code[s]);
    }
  }

 private:
  using S = ExpressionSimd;
  using Vec = ExpressionVec;

  // Registers start on a cache line, so that no vector access is split across two lines.
  static constexpr std::uintptr_t kAlignment = 64;
  static double* aligned(double* p) {
    return reinterpret_cast<double*>((reinterpret_cast<std::uintptr_t>(p) + kAlignment - 1) & ~(kAlignment - 1));
  }

  double* reg(int i) const { return registers_ + std::int64_t{i} * kExpressionBlock; }

  template <typename Op>
  void unary(const ExpressionInstruction& in, const Op& op) const {
    const double* a = reg(in.a);
    write(in, [&](int i) { return op(S::load(a + i)); });
  }

  template <typename Op>
  void binary(const ExpressionInstruction& in, const Op& op) const {
    const double *a = reg(in.a), *b = reg(in.b);
    write(in, [&](int i) { return op(S::load(a + i), S::load(b + i)); });
  }

  // A long function (exp, erf, …) computed into the result register once, and its `then` applied
  // in a second pass, so that it is not compiled once per second operation.
  template <typename Op>
  void unary_then_apart(const ExpressionInstruction& in, const Op& op) const {
    const double* a = reg(in.a);
    double* out = reg(in.result);
    for (int i = 0; i < kExpressionBlock; i += S::kLanes) S::store(out + i, op(S::load(a + i)));
    if (in.then >= 0 || in.output >= 0) write(in, [&](int i) { return S::load(out + i); });
  }

  // result ← value(i) for each vector i of the block, through the instruction's `then` if it has
  // one, and stored to its output if it has one.
  template <typename Value>
  void write(const ExpressionInstruction& in, const Value& value) const {
    switch (static_cast<ExpressionOperation>(in.then)) {
      case ExpressionOperation::Add: return write_then(in, value, [](Vec a, Vec b) { return S::add(a, b); });
      case ExpressionOperation::Sub: return write_then(in, value, [](Vec a, Vec b) { return S::sub(a, b); });
      case ExpressionOperation::Mul: return write_then(in, value, [](Vec a, Vec b) { return S::mul(a, b); });
      case ExpressionOperation::Div: return write_then(in, value, [](Vec a, Vec b) { return S::div(a, b); });
      default: return put(in, value);
    }
  }

  template <typename Value, typename Then>
  void write_then(const ExpressionInstruction& in, const Value& value, const Then& then) const {
    const double* c = reg(in.c);
    if (in.then_reversed) return put(in, [&](int i) { return then(S::load(c + i), value(i)); });
    put(in, [&](int i) { return then(value(i), S::load(c + i)); });
  }

  // The block into the result register; for an instruction with an output, rounded to T first and
  // stored to the output too, in the same pass while the values are in CPU registers.
  template <typename Value>
  void put(const ExpressionInstruction& in, const Value& value) const {
    double* out = reg(in.result);
    if (in.output < 0) {
      for (int i = 0; i < kExpressionBlock; i += S::kLanes) S::store(out + i, value(i));
      return;
    }
    T* target = outputs_[in.output] + block_start_;
    if (block_count_ == kExpressionBlock) {
      for (int i = 0; i < kExpressionBlock; i += S::kLanes) {
        const Vec v = rounded(value(i));
        S::store(out + i, v);
        store_as_t(target + i, v);
      }
    } else {
      for (int i = 0; i < kExpressionBlock; i += S::kLanes) S::store(out + i, rounded(value(i)));
      for (int i = 0; i < block_count_; ++i) target[i] = static_cast<T>(out[i]);
    }
  }

  // v as the nearest T, as the reference rounds what it stores in a float32 tensor.
  static Vec rounded(Vec v) {
    if constexpr (std::is_same<T, float>::value) return S::round_to_float(v);
    return v;
  }

  static void store_as_t(T* p, Vec v) {
    if constexpr (std::is_same<T, float>::value) {
      S::store_as_float(p, v);
    } else {
      S::store(p, v);
    }
  }

  // A comparison as 1 or 0 per element.
  template <typename Compare>
  void comparison(const ExpressionInstruction& in, const Compare& compare) const {
    binary(in, [&](Vec a, Vec b) { return S::bit_and(compare(a, b), S::set1(1.0)); });
  }

  void execute(const ExpressionInstruction& in) const {
    switch (static_cast<ExpressionOperation>(in.operation)) {
      case ExpressionOperation::Add: return binary(in, [](Vec a, Vec b) { return S::add(a, b); });
      case ExpressionOperation::Sub: return binary(in, [](Vec a, Vec b) { return S::sub(a, b); });
      case ExpressionOperation::Mul: return binary(in, [](Vec a, Vec b) { return S::mul(a, b); });
      case ExpressionOperation::Div: return binary(in, [](Vec a, Vec b) { return S::div(a, b); });
      case ExpressionOperation::Min: return binary(in, js_min);
      case ExpressionOperation::Max: return binary(in, js_max);
      case ExpressionOperation::Pow: return power(in);
      case ExpressionOperation::Neg: return unary(in, [](Vec a) { return S::bit_xor(a, S::set1(-0.0)); });
      case ExpressionOperation::Abs: return unary(in, [](Vec a) { return S::abs(a); });
      case ExpressionOperation::Sqrt: return unary(in, [](Vec a) { return S::sqrt(a); });
      case ExpressionOperation::Exp: return unary_then_apart(in, exp_full_range);
      case ExpressionOperation::Log: return unary_then_apart(in, js_log);
      case ExpressionOperation::Log1p: return unary_then_apart(in, js_log1p);
      case ExpressionOperation::Tanh: return unary_then_apart(in, js_tanh);
      case ExpressionOperation::Sigmoid: return unary_then_apart(in, js_sigmoid);
      case ExpressionOperation::Erf: return unary_then_apart(in, js_erf);
      case ExpressionOperation::Lt: return comparison(in, [](Vec a, Vec b) { return S::less(a, b); });
      case ExpressionOperation::Le: return comparison(in, [](Vec a, Vec b) { return S::less_equal(a, b); });
      case ExpressionOperation::Gt: return comparison(in, [](Vec a, Vec b) { return S::greater(a, b); });
      case ExpressionOperation::Ge: return comparison(in, [](Vec a, Vec b) { return S::greater_equal(a, b); });
      case ExpressionOperation::Eq: return comparison(in, [](Vec a, Vec b) { return S::equal(a, b); });
      case ExpressionOperation::Ne: return comparison(in, [](Vec a, Vec b) { return S::not_equal(a, b); });
      case ExpressionOperation::Where: return where(in);
      case ExpressionOperation::Store: return store(in);
    }
  }

  // a^n as products from the left, 1/a^|n| for negative n, as the reference evaluates pow.
  void power(const ExpressionInstruction& in) const {
    const int n = in.b, magnitude = n < 0 ? -n : n;
    unary(in, [&](Vec a) {
      if (magnitude == 0) return S::set1(1.0);
      Vec product = a;
      for (int i = 1; i < magnitude; ++i) product = S::mul(product, a);
      return n > 0 ? product : S::div(S::set1(1.0), product);
    });
  }

  // a where c ≠ 0 (NaN included), else b.
  void where(const ExpressionInstruction& in) const {
    const double *c = reg(in.a), *a = reg(in.b), *b = reg(in.c);
    put(in, [&](int i) { return S::select(S::not_equal(S::load(c + i), S::zero()), S::load(a + i), S::load(b + i)); });
  }

  // A store its value's instruction could not take on (the value is read again, or is an input).
  void store(const ExpressionInstruction& in) const {
    const double* value = reg(in.a);
    ExpressionInstruction to_output = in;
    to_output.output = in.b;
    put(to_output, [&](int i) { return S::load(value + i); });
  }

  const ExpressionProgram& program_;
  ScratchArray<double> storage_;
  double* registers_;
  // The block being evaluated: where its outputs go, its first element and its length.
  T* const* outputs_ = nullptr;
  std::int64_t block_start_ = 0;
  int block_count_ = 0;
};

}  // namespace NABLA_ISA
}  // namespace nabla
