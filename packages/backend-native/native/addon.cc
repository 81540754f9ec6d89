// The Node-API surface: unpacks typed arrays and numbers, checks lengths so a wrong call throws
// instead of touching memory it does not own, and dispatches on float32/float64 to the kernel
// table of one instruction set. This file is compiled for plain x86-64, so that loading the
// addon and asking supportedIsas() is safe on any x86-64 CPU; kernels(isa) hands out the
// bindings of one table only when the CPU can run it.
#include <node_api.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "cpu-isa.h"
#include "kernel-table.h"

namespace nabla {
namespace {

using Index = std::int64_t;

// The tables this CPU can run, best first.
std::vector<const KernelTable*> supported_tables() {
  std::vector<const KernelTable*> tables;
  if (cpu_isa_support().avx512) tables.push_back(&avx512::kernel_table());
  if (cpu_isa_support().avx2) tables.push_back(&avx2::kernel_table());
  tables.push_back(&generic::kernel_table());
  return tables;
}

// A bad argument: thrown as a JavaScript TypeError naming the function.
struct ArgumentError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class DType { Float32, Float64 };

struct FloatArray {
  DType dtype;
  void* data;
  Index length;
  template <typename T>
  T* as() const {
    return static_cast<T*>(data);
  }
};

class Args {
 public:
  Args(napi_env env, napi_callback_info info, std::size_t expected) : env_(env) {
    std::size_t count = kMaxArgs;
    napi_get_cb_info(env, info, &count, argv_, nullptr, &data_);
    if (count < expected) throw ArgumentError("expected " + std::to_string(expected) + " arguments");
  }

  // The table the binding was made for by kernels(isa).
  const KernelTable& kernels() const { return *static_cast<const KernelTable*>(data_); }

  bool is_null(std::size_t i) const {
    napi_valuetype type;
    napi_typeof(env_, argv_[i], &type);
    return type == napi_null || type == napi_undefined;
  }

  FloatArray floats(std::size_t i) const {
    napi_typedarray_type type;
    std::size_t length;
    void* data;
    if (!typed_array(i, &type, &length, &data) || (type != napi_float32_array && type != napi_float64_array)) {
      throw ArgumentError("argument " + std::to_string(i) + " must be a Float32Array or Float64Array");
    }
    return {type == napi_float32_array ? DType::Float32 : DType::Float64, data, static_cast<Index>(length)};
  }

  std::int32_t* int32s(std::size_t i, Index* length) const {
    napi_typedarray_type type;
    std::size_t count;
    void* data;
    if (!typed_array(i, &type, &count, &data) || type != napi_int32_array) {
      throw ArgumentError("argument " + std::to_string(i) + " must be an Int32Array");
    }
    *length = static_cast<Index>(count);
    return static_cast<std::int32_t*>(data);
  }

  double number(std::size_t i) const {
    double value;
    if (napi_get_value_double(env_, argv_[i], &value) != napi_ok) {
      throw ArgumentError("argument " + std::to_string(i) + " must be a number");
    }
    return value;
  }

  Index size(std::size_t i) const {
    const double value = number(i);
    if (!(value >= 0) || value != static_cast<double>(static_cast<Index>(value))) {
      throw ArgumentError("argument " + std::to_string(i) + " must be a non-negative integer");
    }
    return static_cast<Index>(value);
  }

  bool boolean(std::size_t i) const {
    bool value;
    if (napi_get_value_bool(env_, argv_[i], &value) != napi_ok) {
      throw ArgumentError("argument " + std::to_string(i) + " must be a boolean");
    }
    return value;
  }

  // An unsigned 32-bit word (a Philox key word or threshold), refused rather than wrapped when out of range.
  std::uint32_t uint32(std::size_t i) const {
    const Index value = size(i);
    if (value > Index{0xFFFFFFFF}) throw ArgumentError("argument " + std::to_string(i) + " must be an unsigned 32-bit integer");
    return static_cast<std::uint32_t>(value);
  }

  int threads(std::size_t i) const { return static_cast<int>(std::max<Index>(1, size(i))); }

 private:
  static constexpr std::size_t kMaxArgs = 12;

 public:
  napi_value value(std::size_t i) const { return argv_[i]; }
  napi_env env() const { return env_; }

 private:

  bool typed_array(std::size_t i, napi_typedarray_type* type, std::size_t* length, void** data) const {
    bool is_typed_array = false;
    napi_is_typedarray(env_, argv_[i], &is_typed_array);
    if (!is_typed_array) return false;
    return napi_get_typedarray_info(env_, argv_[i], type, length, data, nullptr, nullptr) == napi_ok;
  }

  napi_env env_;
  napi_value argv_[kMaxArgs] = {};
  void* data_ = nullptr;
};

void require(bool condition, const char* message) {
  if (!condition) throw ArgumentError(message);
}

void require_same_dtype(std::initializer_list<FloatArray> arrays) {
  for (const FloatArray& array : arrays) {
    require(array.dtype == arrays.begin()->dtype, "operands mix Float32Array and Float64Array");
  }
}

template <typename Kernels>
using ElementOf = typename std::decay_t<Kernels>::Element;

// Calls body(kernels) with the float or the double kernels of the binding's table, as the
// array's dtype says.
template <typename Body>
auto dispatch(const Args& args, const FloatArray& like, const Body& body) {
  if (like.dtype == DType::Float32) return body(args.kernels().f32);
  return body(args.kernels().f64);
}

napi_value undefined(napi_env env) {
  napi_value result;
  napi_get_undefined(env, &result);
  return result;
}

napi_value number(napi_env env, double value) {
  napi_value result;
  napi_create_double(env, value, &result);
  return result;
}

napi_value boolean(napi_env env, bool value) {
  napi_value result;
  napi_get_boolean(env, value, &result);
  return result;
}

// Wraps a binding body: argument errors become TypeErrors, anything else (out of memory) an Error.
template <napi_value (*Body)(napi_env, napi_callback_info)>
napi_value guarded(napi_env env, napi_callback_info info) {
  try {
    return Body(env, info);
  } catch (const ArgumentError& error) {
    napi_throw_type_error(env, nullptr, error.what());
  } catch (const std::exception& error) {
    napi_throw_error(env, nullptr, error.what());
  }
  return nullptr;
}

// matmul(a, b, out, m, k, n, transposeA, transposeB, threads)
napi_value matmul_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 9);
  const FloatArray a = args.floats(0), b = args.floats(1), out = args.floats(2);
  const Index m = args.size(3), k = args.size(4), n = args.size(5);
  require_same_dtype({a, b, out});
  require(a.length == m * k && b.length == k * n && out.length == m * n, "matmul: array lengths do not match m, k, n");
  dispatch(args, a, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.gemm(a.as<T>(), b.as<T>(), out.as<T>(), m, k, n, args.boolean(6), args.boolean(7), args.threads(8));
  });
  return undefined(env);
}

// addRowVector(x, row, out, cols, threads)
napi_value add_row_vector_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 5);
  const FloatArray x = args.floats(0), row = args.floats(1), out = args.floats(2);
  const Index cols = args.size(3);
  require_same_dtype({x, row, out});
  require(row.length == cols && out.length == x.length && (cols == 0 ? x.length == 0 : x.length % cols == 0),
          "addRowVector: array lengths do not match cols");
  const Index rows = cols == 0 ? 0 : x.length / cols;
  dispatch(args, x, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.add_row_vector(x.as<T>(), row.as<T>(), out.as<T>(), rows, cols, args.threads(4));
  });
  return undefined(env);
}

// sumRows(x, out, cols, threads)
napi_value sum_rows_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 4);
  const FloatArray x = args.floats(0), out = args.floats(1);
  const Index cols = args.size(2);
  require_same_dtype({x, out});
  require(out.length == cols && (cols == 0 ? x.length == 0 : x.length % cols == 0), "sumRows: array lengths do not match cols");
  const Index rows = cols == 0 ? 0 : x.length / cols;
  dispatch(args, x, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.sum_rows(x.as<T>(), out.as<T>(), rows, cols, args.threads(3));
  });
  return undefined(env);
}

Activation activation(const Args& args, std::size_t i) {
  const Index code = args.size(i);
  require(code < kActivationCount, "unknown activation kernel code");
  return static_cast<Activation>(code);
}

// activate(kernel, z, out, threads)
napi_value activate_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 4);
  const Activation fn = activation(args, 0);
  const FloatArray z = args.floats(1), out = args.floats(2);
  require_same_dtype({z, out});
  require(out.length == z.length, "activate: array lengths differ");
  dispatch(args, z, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.activate(fn, z.as<T>(), out.as<T>(), z.length, args.threads(3));
  });
  return undefined(env);
}

// activateBackward(kernel, z, a, gradA, gradZ, threads)
napi_value activate_backward_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 6);
  const Activation fn = activation(args, 0);
  const FloatArray z = args.floats(1), a = args.floats(2), grad_a = args.floats(3), grad_z = args.floats(4);
  require_same_dtype({z, a, grad_a, grad_z});
  require(a.length == z.length && grad_a.length == z.length && grad_z.length == z.length,
          "activateBackward: array lengths differ");
  dispatch(args, z, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.activate_backward(fn, z.as<T>(), a.as<T>(), grad_a.as<T>(), grad_z.as<T>(), z.length, args.threads(5));
  });
  return undefined(env);
}

// A kernel code, or null for none.
bool optional_activation(const Args& args, std::size_t i, Activation* fn) {
  if (args.is_null(i)) return false;
  *fn = activation(args, i);
  return true;
}

// A compiled expression program with the storage its pointers refer to.
struct OwnedExpressionProgram {
  std::vector<double> constants;
  std::vector<ExpressionInstruction> code;
  std::vector<std::uint8_t> read;
  ExpressionProgram program;
};

// Programs by handle, shared by every backend and instruction set in the process. Backends compile
// each distinct expression once and keep its handle, so the list stays as short as the set of
// expressions a process uses; programs are never freed.
std::mutex expression_programs_mutex;
std::vector<std::unique_ptr<OwnedExpressionProgram>> expression_programs;

const ExpressionProgram& expression_program(const Args& args, std::size_t i) {
  const Index handle = args.size(i);
  std::lock_guard<std::mutex> lock(expression_programs_mutex);
  require(handle < static_cast<Index>(expression_programs.size()), "unknown expression program handle");
  return expression_programs[handle]->program;
}

// A program handle, or null for none.
const ExpressionProgram* optional_expression_program(const Args& args, std::size_t i) {
  return args.is_null(i) ? nullptr : &expression_program(args, i);
}

// Checks that every instruction names an operation, reads registers that exist, writes a result
// register (never an input, scalar or constant, which the evaluator fills once) and stores to an
// output that exists, so that no program can make a kernel touch memory it does not own.
void validate_expression_program(const ExpressionProgram& p) {
  const Index first_result = Index{p.inputs} + p.scalars + p.constant_count;
  require(p.inputs >= 0 && p.scalars >= 0 && p.outputs >= 0 && p.constant_count >= 0 && first_result <= p.registers,
          "compileExpression: register counts do not add up");
  require(p.uniform >= 0 && p.uniform <= p.length, "compileExpression: more uniform instructions than instructions");
  for (std::int32_t s = 0; s < p.length; ++s) {
    const ExpressionInstruction& in = p.code[s];
    require(in.operation >= 0 && in.operation < kExpressionOperationCount, "compileExpression: unknown operation code");
    require(in.result >= first_result && in.result < p.registers, "compileExpression: result register out of range");
    const auto operation = static_cast<ExpressionOperation>(in.operation);
    if (operation == ExpressionOperation::Pow) require(in.b >= -64 && in.b <= 64, "compileExpression: pow exponent out of range");
    if (operation == ExpressionOperation::Store) require(in.b >= 0 && in.b < p.outputs, "compileExpression: store to a missing output");
    const bool has_then = in.then != -1;
    if (has_then) {
      const auto then = static_cast<ExpressionOperation>(in.then);
      require(then == ExpressionOperation::Add || then == ExpressionOperation::Sub || then == ExpressionOperation::Mul ||
                  then == ExpressionOperation::Div,
              "compileExpression: a second operation other than add, sub, mul or div");
      require(operation != ExpressionOperation::Store && kExpressionOperands[in.operation] <= 2,
              "compileExpression: a second operation after store or where");
    }
    for_each_operand(in, [&](std::int32_t r) { require(r >= 0 && r < p.registers, "compileExpression: operand register out of range"); });
    if (in.output != -1) {
      require(operation != ExpressionOperation::Store, "compileExpression: a store with a second output");
      require(in.output >= 0 && in.output < p.outputs, "compileExpression: store to a missing output");
    }
    // A uniform instruction runs before any input is loaded, and once.
    if (s < p.uniform) {
      require(operation != ExpressionOperation::Store && in.output == -1, "compileExpression: a uniform instruction stores");
      for_each_operand(in, [&](std::int32_t r) { require(r >= p.inputs, "compileExpression: a uniform instruction reads an input"); });
    }
  }
}

// compileExpression(code, constants, inputs, scalars, outputs, registers, uniform) → a handle for
// the kernels' expression arguments. code holds eight int32 per instruction: operation, result, a,
// b, c, then, then_reversed, output; the first `uniform` of them read no input.
napi_value compile_expression_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 7);
  Index code_length = 0;
  const std::int32_t* code = args.int32s(0, &code_length);
  const FloatArray constants = args.floats(1);
  require(constants.dtype == DType::Float64, "compileExpression: constants must be a Float64Array");
  require(code_length % kExpressionInstructionFields == 0, "compileExpression: code must hold eight int32 per instruction");
  auto owned = std::make_unique<OwnedExpressionProgram>();
  owned->constants.assign(constants.as<double>(), constants.as<double>() + constants.length);
  for (Index k = 0; k < code_length; k += kExpressionInstructionFields) {
    owned->code.push_back({code[k], code[k + 1], code[k + 2], code[k + 3], code[k + 4], code[k + 5], code[k + 6], code[k + 7]});
  }
  const auto count = [&](std::size_t i) {
    const Index value = args.size(i);
    require(value < (Index{1} << 20), "compileExpression: too many registers");
    return static_cast<std::int32_t>(value);
  };
  owned->program = {count(2), count(3), count(4), count(5), static_cast<std::int32_t>(owned->constants.size()),
                    owned->constants.data(), static_cast<std::int32_t>(owned->code.size()), owned->code.data(), count(6), nullptr};
  validate_expression_program(owned->program);
  owned->read.assign(owned->program.registers, 0);
  for (const ExpressionInstruction& in : owned->code) for_each_operand(in, [&](std::int32_t r) { owned->read[r] = 1; });
  owned->program.read = owned->read.data();
  std::lock_guard<std::mutex> lock(expression_programs_mutex);
  expression_programs.push_back(std::move(owned));
  return number(env, static_cast<double>(expression_programs.size() - 1));
}

// The arrays of a JavaScript array of typed arrays, all of one dtype.
std::vector<FloatArray> float_arrays(const Args& args, std::size_t i) {
  napi_env env = args.env();
  bool is_array = false;
  napi_is_array(env, args.value(i), &is_array);
  if (!is_array) throw ArgumentError("argument " + std::to_string(i) + " must be an array of Float32Array or Float64Array");
  std::uint32_t length = 0;
  napi_get_array_length(env, args.value(i), &length);
  std::vector<FloatArray> arrays;
  for (std::uint32_t k = 0; k < length; ++k) {
    napi_value element;
    napi_get_element(env, args.value(i), k, &element);
    napi_typedarray_type type;
    std::size_t count;
    void* data;
    bool is_typed_array = false;
    napi_is_typedarray(env, element, &is_typed_array);
    if (!is_typed_array || napi_get_typedarray_info(env, element, &type, &count, &data, nullptr, nullptr) != napi_ok ||
        (type != napi_float32_array && type != napi_float64_array)) {
      throw ArgumentError("argument " + std::to_string(i) + " must be an array of Float32Array or Float64Array");
    }
    arrays.push_back({type == napi_float32_array ? DType::Float32 : DType::Float64, data, static_cast<Index>(count)});
  }
  return arrays;
}

// evaluateExpression(program, inputs, outputs, scalars, threads): the program over every element
// of its arrays, all of one dtype and length; scalars is a Float64Array.
napi_value evaluate_expression_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 5);
  const ExpressionProgram& program = expression_program(args, 0);
  const std::vector<FloatArray> inputs = float_arrays(args, 1), outputs = float_arrays(args, 2);
  const FloatArray scalars = args.floats(3);
  require(scalars.dtype == DType::Float64, "evaluateExpression: scalars must be a Float64Array");
  require(static_cast<Index>(inputs.size()) == program.inputs && static_cast<Index>(outputs.size()) == program.outputs &&
              scalars.length == program.scalars,
          "evaluateExpression: the arrays and scalars do not match the program");
  if (inputs.empty() && outputs.empty()) return undefined(env);
  const FloatArray& like = inputs.empty() ? outputs[0] : inputs[0];
  for (const auto* group : {&inputs, &outputs}) {
    for (const FloatArray& array : *group) {
      require(array.dtype == like.dtype, "evaluateExpression: operands mix Float32Array and Float64Array");
      require(array.length == like.length, "evaluateExpression: array lengths differ");
    }
  }
  dispatch(args, like, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    std::vector<const T*> in;
    std::vector<T*> out;
    for (const FloatArray& array : inputs) in.push_back(array.as<T>());
    for (const FloatArray& array : outputs) out.push_back(array.as<T>());
    kernels.evaluate_expression(program, in.data(), out.data(), scalars.as<double>(), like.length, args.threads(4));
  });
  return undefined(env);
}

// An activation given to a Linear kernel: a fused kernel code or a compiled expression program.
struct LinearActivation {
  bool present = false;
  Activation fn{};
  const ExpressionProgram* expression = nullptr;
};

// Arguments i (kernel code) and i + 1 (expression program handle): either or neither, not both.
LinearActivation linear_activation(const Args& args, std::size_t i, const char* kernel) {
  LinearActivation activation;
  const bool fused = optional_activation(args, i, &activation.fn);
  activation.expression = optional_expression_program(args, i + 1);
  require(!(fused && activation.expression), (std::string(kernel) + ": give a kernel code or an expression program, not both").c_str());
  activation.present = fused || activation.expression;
  return activation;
}

// linearForward(x, weight, bias, z, a, kernel, expression, rows, inputs, outputs, threads); a, and
// either kernel or expression, may be null.
napi_value linear_forward_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 11);
  const FloatArray x = args.floats(0), weight = args.floats(1), bias = args.floats(2), z = args.floats(3);
  const Index rows = args.size(7), inputs = args.size(8), outputs = args.size(9);
  const LinearActivation activation = linear_activation(args, 5, "linearForward");
  const bool activated = activation.present;
  require(activated != args.is_null(4), "linearForward: give both the activation output and its kernel, or neither");
  if (activation.expression) {
    require(activation.expression->inputs == 1 && activation.expression->outputs == 1 && activation.expression->scalars == 0,
            "linearForward: the expression program must map one input to one output");
  }
  const FloatArray a = activated ? args.floats(4) : z;
  require_same_dtype({x, weight, bias, z, a});
  require(x.length == rows * inputs && weight.length == inputs * outputs && bias.length == outputs &&
              z.length == rows * outputs && a.length == z.length,
          "linearForward: array lengths do not match rows, inputs, outputs");
  dispatch(args, x, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.linear_forward(x.as<T>(), weight.as<T>(), bias.as<T>(), z.as<T>(), activated ? a.as<T>() : nullptr,
                           activated && !activation.expression ? &activation.fn : nullptr, activation.expression, rows,
                           inputs, outputs, args.threads(10));
  });
  return undefined(env);
}

// linearInputGradient(g, weight, z, a, out, kernel, expression, rows, inputs, outputs, threads); z,
// a, and either kernel or expression, may be null.
napi_value linear_input_gradient_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 11);
  const FloatArray g = args.floats(0), weight = args.floats(1), out = args.floats(4);
  const Index rows = args.size(7), inputs = args.size(8), outputs = args.size(9);
  const LinearActivation activation = linear_activation(args, 5, "linearInputGradient");
  const bool activated = activation.present;
  if (activation.expression) {
    require(activation.expression->inputs == 3 && activation.expression->outputs == 1 && activation.expression->scalars == 0,
            "linearInputGradient: the expression program must map z, a and the gradient to one output");
  }
  require(activated != args.is_null(2) && activated != args.is_null(3),
          "linearInputGradient: give z, a and the kernel of the activation below, or none of them");
  const FloatArray z = activated ? args.floats(2) : out, a = activated ? args.floats(3) : out;
  require_same_dtype({g, weight, z, a, out});
  require(g.length == rows * outputs && weight.length == inputs * outputs && out.length == rows * inputs &&
              z.length == out.length && a.length == out.length,
          "linearInputGradient: array lengths do not match rows, inputs, outputs");
  // Empty arrays may share a null data pointer.
  require(out.length == 0 || g.length == 0 || g.data != out.data, "linearInputGradient: out must not be g");
  dispatch(args, g, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.linear_input_gradient(g.as<T>(), weight.as<T>(), activated ? z.as<T>() : nullptr,
                                  activated ? a.as<T>() : nullptr, out.as<T>(),
                                  activated && !activation.expression ? &activation.fn : nullptr, activation.expression,
                                  rows, inputs, outputs, args.threads(10));
  });
  return undefined(env);
}

// linearWeightGradients(x, g, gradWeight, gradBias, rows, inputs, outputs, threads)
napi_value linear_weight_gradients_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 8);
  const FloatArray x = args.floats(0), g = args.floats(1), grad_w = args.floats(2), grad_b = args.floats(3);
  const Index rows = args.size(4), inputs = args.size(5), outputs = args.size(6);
  require_same_dtype({x, g, grad_w, grad_b});
  require(x.length == rows * inputs && g.length == rows * outputs && grad_w.length == inputs * outputs &&
              grad_b.length == outputs,
          "linearWeightGradients: array lengths do not match rows, inputs, outputs");
  dispatch(args, x, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.linear_weight_gradients(x.as<T>(), g.as<T>(), grad_w.as<T>(), grad_b.as<T>(), rows, inputs, outputs, args.threads(7));
  });
  return undefined(env);
}

// multiply(a, b, out, threads)
napi_value multiply_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 4);
  const FloatArray a = args.floats(0), b = args.floats(1), out = args.floats(2);
  require_same_dtype({a, b, out});
  require(b.length == a.length && out.length == a.length, "multiply: array lengths differ");
  dispatch(args, a, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.multiply(a.as<T>(), b.as<T>(), out.as<T>(), a.length, args.threads(3));
  });
  return undefined(env);
}

// scale(x, alpha, out, threads)
napi_value scale_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 4);
  const FloatArray x = args.floats(0), out = args.floats(2);
  require_same_dtype({x, out});
  require(out.length == x.length, "scale: array lengths differ");
  dispatch(args, x, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.scale(x.as<T>(), args.number(1), out.as<T>(), x.length, args.threads(3));
  });
  return undefined(env);
}

// dropout(x, mask, out, key0, key1, keepMax, scale, threads)
napi_value dropout_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 8);
  const FloatArray x = args.floats(0), mask = args.floats(1), out = args.floats(2);
  require_same_dtype({x, mask, out});
  require(mask.length == x.length && out.length == x.length, "dropout: array lengths differ");
  const DropoutDraw draw{args.uint32(3), args.uint32(4), args.uint32(5), args.number(6)};
  dispatch(args, x, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.dropout(x.as<T>(), mask.as<T>(), out.as<T>(), draw, x.length, args.threads(7));
  });
  return undefined(env);
}

// meanSquaredError(pred, target, grad | null, threads) → loss
napi_value mean_squared_error_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 4);
  const FloatArray pred = args.floats(0), target = args.floats(1);
  const bool has_grad = !args.is_null(2);
  const FloatArray grad = has_grad ? args.floats(2) : pred;
  require_same_dtype({pred, target, grad});
  require(target.length == pred.length && grad.length == pred.length, "meanSquaredError: array lengths differ");
  const double loss = dispatch(args, pred, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    return kernels.mean_squared_error(pred.as<T>(), target.as<T>(), has_grad ? grad.as<T>() : nullptr, pred.length,
                                 args.threads(3));
  });
  return number(env, loss);
}

// softmaxCrossEntropy(logits, labels, grad | null, cols, threads) → loss
napi_value softmax_cross_entropy_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 5);
  const FloatArray logits = args.floats(0);
  Index label_count = 0;
  const std::int32_t* labels = args.int32s(1, &label_count);
  const bool has_grad = !args.is_null(2);
  const FloatArray grad = has_grad ? args.floats(2) : logits;
  const Index cols = args.size(3);
  require_same_dtype({logits, grad});
  require(cols > 0 && logits.length == label_count * cols && grad.length == logits.length,
          "softmaxCrossEntropy: array lengths do not match labels × cols");
  for (Index i = 0; i < label_count; ++i) require(labels[i] >= 0 && labels[i] < cols, "softmaxCrossEntropy: label out of range");
  const double loss = dispatch(args, logits, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    return kernels.softmax_cross_entropy(logits.as<T>(), labels, has_grad ? grad.as<T>() : nullptr, label_count, cols,
                                    args.threads(4));
  });
  return number(env, loss);
}

// sgdUpdate(param, grad, lr, threads)
napi_value sgd_update_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 4);
  const FloatArray param = args.floats(0), grad = args.floats(1);
  require_same_dtype({param, grad});
  require(grad.length == param.length, "sgdUpdate: array lengths differ");
  dispatch(args, param, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.sgd_update(param.as<T>(), grad.as<T>(), args.number(2), param.length, args.threads(3));
  });
  return undefined(env);
}

// adamUpdate(param, grad, m, v, lr, beta1, beta2, eps, correction1, correction2, threads)
napi_value adam_update_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 11);
  const FloatArray param = args.floats(0), grad = args.floats(1), m = args.floats(2), v = args.floats(3);
  require_same_dtype({param, grad, m, v});
  require(grad.length == param.length && m.length == param.length && v.length == param.length,
          "adamUpdate: array lengths differ");
  const AdamStep step{args.number(4), args.number(5), args.number(6), args.number(7), args.number(8), args.number(9)};
  dispatch(args, param, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.adam_update(param.as<T>(), grad.as<T>(), m.as<T>(), v.as<T>(), step, param.length, args.threads(10));
  });
  return undefined(env);
}

// argmaxRows(x, out, cols)
napi_value argmax_rows_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 3);
  const FloatArray x = args.floats(0);
  Index rows = 0;
  std::int32_t* out = args.int32s(1, &rows);
  const Index cols = args.size(2);
  require(cols > 0 ? x.length == rows * cols : rows == 0, "argmaxRows: array lengths do not match rows × cols");
  dispatch(args, x, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.argmax_rows(x.as<T>(), out, rows, cols);
  });
  return undefined(env);
}

// allFinite(x, threads) → boolean
napi_value all_finite_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 2);
  const FloatArray x = args.floats(0);
  const bool finite = dispatch(args, x, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    return kernels.all_finite(x.as<T>(), x.length, args.threads(1));
  });
  return boolean(env, finite);
}

// gatherRows(x, indices, out, cols, threads)
napi_value gather_rows_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 5);
  const FloatArray x = args.floats(0), out = args.floats(2);
  Index count = 0;
  const std::int32_t* indices = args.int32s(1, &count);
  const Index cols = args.size(3);
  require_same_dtype({x, out});
  require(out.length == count * cols && (cols == 0 || x.length % cols == 0), "gatherRows: array lengths do not match cols");
  const Index rows = cols == 0 ? 0 : x.length / cols;
  for (Index r = 0; r < count; ++r) require(indices[r] >= 0 && (cols == 0 || indices[r] < rows), "gatherRows: index out of range");
  dispatch(args, x, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.gather_rows(x.as<T>(), indices, out.as<T>(), count, cols, args.threads(4));
  });
  return undefined(env);
}

// copy(source, target, threads)
napi_value copy_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 3);
  const FloatArray source = args.floats(0), target = args.floats(1);
  require_same_dtype({source, target});
  require(target.length == source.length, "copy: array lengths differ");
  dispatch(args, source, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.copy(source.as<T>(), target.as<T>(), source.length, args.threads(2));
  });
  return undefined(env);
}

// fill(x, value, threads)
napi_value fill_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 3);
  const FloatArray x = args.floats(0);
  dispatch(args, x, [&](const auto& kernels) {
    using T = ElementOf<decltype(kernels)>;
    kernels.fill(x.as<T>(), args.number(1), x.length, args.threads(2));
  });
  return undefined(env);
}

// A JavaScript array of `count` strings, name(i) for i = 0, 1, ….
template <typename Name>
napi_value string_array(napi_env env, std::size_t count, const Name& name) {
  napi_value result;
  napi_create_array_with_length(env, count, &result);
  for (std::size_t i = 0; i < count; ++i) {
    napi_value value;
    napi_create_string_utf8(env, name(i), NAPI_AUTO_LENGTH, &value);
    napi_set_element(env, result, static_cast<std::uint32_t>(i), value);
  }
  return result;
}

// supportedIsas() → the instruction sets whose kernels this CPU can run, best first.
napi_value supported_isas_binding(napi_env env, napi_callback_info) {
  const std::vector<const KernelTable*> tables = supported_tables();
  return string_array(env, tables.size(), [&](std::size_t i) { return tables[i]->isa; });
}

// activationKernels() → the fused activation names, in id order, that this addon was built with.
napi_value activation_kernels_binding(napi_env env, napi_callback_info) {
  return string_array(env, kActivationCount, [](std::size_t id) { return kActivationNames[id]; });
}

// expressionOperations() → the operation names of expression programs, in code order.
napi_value expression_operations_binding(napi_env env, napi_callback_info) {
  return string_array(env, kExpressionOperationCount, [](std::size_t code) { return kExpressionOperationNames[code]; });
}

// Reads the instruction set name of kernels(isa) and finds its table among the supported ones.
const KernelTable& requested_table(napi_env env, napi_callback_info info) {
  std::size_t count = 1;
  napi_value arg;
  napi_get_cb_info(env, info, &count, &arg, nullptr, nullptr);
  char name[16] = {};
  std::size_t length = 0;
  if (count < 1 || napi_get_value_string_utf8(env, arg, name, sizeof(name), &length) != napi_ok) {
    throw ArgumentError("kernels: argument 0 must be an instruction set name");
  }
  const std::vector<const KernelTable*> tables = supported_tables();
  for (const KernelTable* table : tables) {
    if (std::string(table->isa) == name) return *table;
  }
  std::string supported;
  for (const KernelTable* table : tables) supported += (supported.empty() ? "" : ", ") + std::string(table->isa);
  throw ArgumentError("kernels: this CPU cannot run the \"" + std::string(name) + "\" kernels; it supports " + supported);
}

// kernels(isa) → an object of bindings, each calling the kernels of that instruction set.
napi_value kernels_binding(napi_env env, napi_callback_info info) {
  void* table = const_cast<KernelTable*>(&requested_table(env, info));
  const auto property = [table](const char* name, napi_callback callback) {
    return napi_property_descriptor{name, nullptr, callback, nullptr, nullptr, nullptr, napi_enumerable, table};
  };
  const napi_property_descriptor properties[] = {
      property("matmul", guarded<matmul_binding>),
      property("linearForward", guarded<linear_forward_binding>),
      property("linearInputGradient", guarded<linear_input_gradient_binding>),
      property("linearWeightGradients", guarded<linear_weight_gradients_binding>),
      property("addRowVector", guarded<add_row_vector_binding>),
      property("sumRows", guarded<sum_rows_binding>),
      property("activate", guarded<activate_binding>),
      property("activateBackward", guarded<activate_backward_binding>),
      property("multiply", guarded<multiply_binding>),
      property("scale", guarded<scale_binding>),
      property("dropout", guarded<dropout_binding>),
      property("meanSquaredError", guarded<mean_squared_error_binding>),
      property("softmaxCrossEntropy", guarded<softmax_cross_entropy_binding>),
      property("sgdUpdate", guarded<sgd_update_binding>),
      property("adamUpdate", guarded<adam_update_binding>),
      property("argmaxRows", guarded<argmax_rows_binding>),
      property("allFinite", guarded<all_finite_binding>),
      property("gatherRows", guarded<gather_rows_binding>),
      property("copy", guarded<copy_binding>),
      property("fill", guarded<fill_binding>),
      property("evaluateExpression", guarded<evaluate_expression_binding>),
  };
  napi_value result;
  napi_create_object(env, &result);
  napi_define_properties(env, result, sizeof(properties) / sizeof(properties[0]), properties);
  return result;
}

}  // namespace
}  // namespace nabla

NAPI_MODULE_INIT() {
  using namespace nabla;
  const napi_property_descriptor properties[] = {
      {"supportedIsas", nullptr, supported_isas_binding, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"activationKernels", nullptr, activation_kernels_binding, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"kernels", nullptr, guarded<kernels_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"expressionOperations", nullptr, expression_operations_binding, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"compileExpression", nullptr, guarded<compile_expression_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
  };
  napi_define_properties(env, exports, sizeof(properties) / sizeof(properties[0]), properties);
  return exports;
}
