// A plugin's elementwise math (an activation, its derivative, an optimizer's update rule) as a
// register program, compiled from @nabla/core expressions in TypeScript (src/expression-program.ts)
// and handed to the addon once. Every register holds one block of elements in double, the
// reference evaluation's precision for both dtypes. Registers are laid out as
// [inputs][scalars][constants][results]: input q holds elements of input array q, scalars are
// given per call, constants are fixed, and each instruction writes one result register.
#pragma once

#include <cstdint>

namespace nabla {

// X(Name, "name", registers it reads) for every operation, in code order: the expression operators of @nabla/core,
// then store (write a register to an output array, rounded to its dtype). The addon reports the
// names, so the TypeScript compiler derives its codes from this one list.
#define NABLA_FOR_EACH_EXPRESSION_OPERATION(X)                                                                  \
  X(Add, "add", 2) X(Sub, "sub", 2) X(Mul, "mul", 2) X(Div, "div", 2) X(Min, "min", 2) X(Max, "max", 2)          \
  X(Pow, "pow", 1) X(Neg, "neg", 1) X(Abs, "abs", 1) X(Sqrt, "sqrt", 1) X(Exp, "exp", 1) X(Log, "log", 1)        \
  X(Log1p, "log1p", 1) X(Tanh, "tanh", 1) X(Sigmoid, "sigmoid", 1) X(Erf, "erf", 1) X(Lt, "lt", 2)               \
  X(Le, "le", 2) X(Gt, "gt", 2) X(Ge, "ge", 2) X(Eq, "eq", 2) X(Ne, "ne", 2) X(Where, "where", 3)                \
  X(Store, "store", 1)

#define NABLA_EXPRESSION_ENUM(Name, text, operands) Name,
enum class ExpressionOperation : std::int32_t { NABLA_FOR_EACH_EXPRESSION_OPERATION(NABLA_EXPRESSION_ENUM) };
#undef NABLA_EXPRESSION_ENUM

#define NABLA_EXPRESSION_NAME(Name, text, operands) text,
constexpr const char* kExpressionOperationNames[] = {NABLA_FOR_EACH_EXPRESSION_OPERATION(NABLA_EXPRESSION_NAME)};
#undef NABLA_EXPRESSION_NAME
constexpr int kExpressionOperationCount = sizeof(kExpressionOperationNames) / sizeof(kExpressionOperationNames[0]);

// How many of a, b, c each operation reads as registers.
#define NABLA_EXPRESSION_OPERANDS(Name, text, operands) operands,
constexpr int kExpressionOperands[] = {NABLA_FOR_EACH_EXPRESSION_OPERATION(NABLA_EXPRESSION_OPERANDS)};
#undef NABLA_EXPRESSION_OPERANDS

// result ← operation(a, b, c). pow: b is the integer exponent. store: output b ← a, rounded to
// the output's dtype, and result ← that rounded value (what later assignments read).
// An operation of at most two registers other than store may carry a second one, `then` (add, sub,
// mul or div, or −1 for none): result ← then(operation(a, b), c), or then(c, operation(a, b)) when
// `then_reversed`. Fusing the two keeps the intermediate value in a CPU register rather than
// storing and reloading a whole block of it, the interpreter's main cost on short programs.
// Likewise any operation other than store may store its result itself, `output` ≥ 0 naming the
// output (−1 for none): result is then the rounded value, as a store's is.
struct ExpressionInstruction {
  std::int32_t operation, result, a, b, c, then, then_reversed, output;
};

// The int32 per instruction in the code the TypeScript compiler hands over.
constexpr int kExpressionInstructionFields = 8;

// Calls f(register) for each register the instruction reads: its operation's operands, and c for a
// `then`.
template <typename F>
void for_each_operand(const ExpressionInstruction& in, const F& f) {
  const int operands = kExpressionOperands[in.operation];
  if (operands >= 1) f(in.a);
  if (operands >= 2) f(in.b);
  if (operands >= 3 || in.then >= 0) f(in.c);
}

// The output the instruction stores to, or −1.
inline int output_of(const ExpressionInstruction& in) {
  return static_cast<ExpressionOperation>(in.operation) == ExpressionOperation::Store ? in.b : in.output;
}

// Plain pointers, not std::vector: kernels of every instruction set read it (see scratch-array.h).
// The first `uniform` instructions read only scalars, constants and each other (an optimizer's
// 1 − β): they run once per evaluation, the rest once per block. `read` has a 1 for each register
// some instruction reads, a 0 for the rest (an input no instruction reads is not loaded, a result
// no instruction reads not kept).
struct ExpressionProgram {
  std::int32_t inputs, scalars, outputs, registers;
  std::int32_t constant_count;
  const double* constants;
  std::int32_t length;
  const ExpressionInstruction* code;
  std::int32_t uniform;
  const std::uint8_t* read;
};

}  // namespace nabla
