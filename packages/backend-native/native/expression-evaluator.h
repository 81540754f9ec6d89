// Runs an ExpressionProgram (expression-program.h) over a range of elements: a block of elements
// at a time, each instruction over the whole block before the next, so the interpreter's dispatch
// is paid once per block and each operation is a loop over vectors the compiler keeps in
// registers. Inputs are widened to double when loaded and outputs rounded once when stored, as
// the reference evaluation does for float32 tensors. Instructions read an input straight from the
// caller's array where they can, rather than from a copy made for the block: for an optimizer's few
// operations per element, the copying pass costs as much as an operation.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
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
  // may be one of the inputs: every instruction reads the input's values from before the program
  // stored over them (see direct_inputs).
  void run(const T* const* inputs, T* const* outputs, std::int64_t begin, std::int64_t end) {
    inputs_ = inputs;
    outputs_ = outputs;
    const std::uint64_t direct = direct_inputs(begin, end);
    for (std::int64_t k = begin; k < end; k += kExpressionBlock) {
      const int count = static_cast<int>(std::min<std::int64_t>(kExpressionBlock, end - k));
      block_start_ = k;
      block_count_ = count;
      // A partial block reads copies, so that its spare lanes read no memory past the arrays' ends.
      direct_ = count == kExpressionBlock ? direct : 0;
      for (int q = 0; q < program_.inputs; ++q) {
        if (!program_.read[q] || is_direct(q)) continue;
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

  // The inputs (as bits) that full blocks read from the caller's arrays: every input except one that
  // an instruction reads after an output sharing its memory has been stored (an optimizer's rules
  // read the parameter they update, but then from the stored value's register). An output that only
  // partly overlaps an input is not something the callers pass; its input is copied all the same.
  std::uint64_t direct_inputs(std::int64_t begin, std::int64_t end) const {
    if (program_.inputs > 64 || program_.outputs > 64) return 0;
    // Whether input q, read from its array, could show output o's stores: the same elements once o
    // is stored, or any overlap of other elements.
    const auto clobbered = [&](int q, int o, bool o_stored) {
      const T *input = inputs_[q] + begin, *output = outputs_[o] + begin;
      const std::int64_t length = end - begin;
      if (input == output) return o_stored;
      return std::less<const T*>()(input, output + length) && std::less<const T*>()(output, input + length);
    };
    std::uint64_t direct = program_.inputs == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << program_.inputs) - 1;
    std::uint64_t stored = 0;
    for (int s = program_.uniform; s < program_.length; ++s) {
      const ExpressionInstruction& in = program_.code[s];
      for_each_operand(in, [&](int r) {
        if (r >= program_.inputs) return;
        for (int o = 0; o < program_.outputs; ++o) {
          if (clobbered(r, o, stored >> o & 1)) direct &= ~(std::uint64_t{1} << r);
        }
      });
      const int output = output_of(in);
      if (output >= 0) stored |= std::uint64_t{1} << output;
    }
    return direct;
  }

  bool is_direct(int r) const { return r < program_.inputs && r < 64 && (direct_ >> r & 1); }

  // Where an instruction reads a register's block: its scratch copy, or a direct input's array,
  // widened as it is loaded.
  class Operand {
   public:
    Operand(const double* values, const T* input) : values_(values), input_(input) {}
    Vec load(int i) const {
      if constexpr (std::is_same<T, float>::value) {
        if (input_ != nullptr) return S::load_float(input_ + i);
      }
      return S::load(values_ + i);
    }

   private:
    const double* values_;
    const T* input_;
  };

  Operand operand(int r) const {
    if (!is_direct(r)) return Operand(reg(r), nullptr);
    const T* input = inputs_[r] + block_start_;
    if constexpr (std::is_same<T, double>::value) {
      return Operand(input, nullptr);
    } else {
      return Operand(nullptr, input);
    }
  }

  template <typename Op>
  void unary(const ExpressionInstruction& in, const Op& op) const {
    const Operand a = operand(in.a);
    write(in, [&](int i) { return op(a.load(i)); });
  }

  template <typename Op>
  void binary(const ExpressionInstruction& in, const Op& op) const {
    const Operand a = operand(in.a), b = operand(in.b);
    write(in, [&](int i) { return op(a.load(i), b.load(i)); });
  }

  // A long function (exp, erf, …) computed into the result register once, and its `then` applied
  // in a second pass, so that it is not compiled once per second operation.
  template <typename Op>
  void unary_then_apart(const ExpressionInstruction& in, const Op& op) const {
    const Operand a = operand(in.a);
    double* out = reg(in.result);
    for (int i = 0; i < kExpressionBlock; i += S::kLanes) S::store(out + i, op(a.load(i)));
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
    const Operand c = operand(in.c);
    if (in.then_reversed) return put(in, [&](int i) { return then(c.load(i), value(i)); });
    put(in, [&](int i) { return then(value(i), c.load(i)); });
  }

  // The block into the result register; for an instruction with an output, rounded to T first and
  // stored to the output too, in the same pass while the values are in CPU registers (and only
  // there, in a full block, when no instruction reads the result register).
  template <typename Value>
  void put(const ExpressionInstruction& in, const Value& value) const {
    double* out = reg(in.result);
    if (in.output < 0) {
      for (int i = 0; i < kExpressionBlock; i += S::kLanes) S::store(out + i, value(i));
      return;
    }
    T* target = outputs_[in.output] + block_start_;
    if (block_count_ == kExpressionBlock && !program_.read[in.result]) {
      for (int i = 0; i < kExpressionBlock; i += S::kLanes) store_as_t(target + i, rounded(value(i)));
    } else if (block_count_ == kExpressionBlock) {
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
    const Operand c = operand(in.a), a = operand(in.b), b = operand(in.c);
    put(in, [&](int i) { return S::select(S::not_equal(c.load(i), S::zero()), a.load(i), b.load(i)); });
  }

  // A store its value's instruction could not take on (the value is read again, or is an input).
  void store(const ExpressionInstruction& in) const {
    const Operand value = operand(in.a);
    ExpressionInstruction to_output = in;
    to_output.output = in.b;
    put(to_output, [&](int i) { return value.load(i); });
  }

  const ExpressionProgram& program_;
  ScratchArray<double> storage_;
  double* registers_;
  // The block being evaluated: where its inputs and outputs are, its first element and its length.
  // The inputs this block reads directly, as bits.
  std::uint64_t direct_ = 0;
  const T* const* inputs_ = nullptr;
  T* const* outputs_ = nullptr;
  std::int64_t block_start_ = 0;
  int block_count_ = 0;
};

}  // namespace NABLA_ISA
}  // namespace nabla
