// The Node-API surface: unpacks typed arrays and numbers, checks lengths so a wrong call throws
// instead of touching memory it does not own, and dispatches on float32/float64. This file is
// compiled without AVX so that loading the addon and asking cpuSupportsKernels() is safe on any
// x86-64 CPU; the kernels are only reached after that check.
#include <node_api.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "kernels.h"

namespace nabla {
namespace {

using Index = std::int64_t;

bool cpu_supports_kernels() {
  static const bool supported = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return supported;
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
    napi_get_cb_info(env, info, &count, argv_, nullptr, nullptr);
    if (count < expected) throw ArgumentError("expected " + std::to_string(expected) + " arguments");
  }

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

  int threads(std::size_t i) const { return static_cast<int>(std::max<Index>(1, size(i))); }

 private:
  static constexpr std::size_t kMaxArgs = 12;

  bool typed_array(std::size_t i, napi_typedarray_type* type, std::size_t* length, void** data) const {
    bool is_typed_array = false;
    napi_is_typedarray(env_, argv_[i], &is_typed_array);
    if (!is_typed_array) return false;
    return napi_get_typedarray_info(env_, argv_[i], type, length, data, nullptr, nullptr) == napi_ok;
  }

  napi_env env_;
  napi_value argv_[kMaxArgs] = {};
};

void require(bool condition, const char* message) {
  if (!condition) throw ArgumentError(message);
}

void require_same_dtype(std::initializer_list<FloatArray> arrays) {
  for (const FloatArray& array : arrays) {
    require(array.dtype == arrays.begin()->dtype, "operands mix Float32Array and Float64Array");
  }
}

// Calls body(T{}) with T = float or double, as the array's dtype says.
template <typename Body>
auto dispatch(const FloatArray& like, const Body& body) {
  if (like.dtype == DType::Float32) return body(float{});
  return body(double{});
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
    if (!cpu_supports_kernels()) throw std::runtime_error("this CPU lacks AVX2 or FMA");
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
  dispatch(a, [&](auto t) {
    using T = decltype(t);
    gemm<T>(a.as<T>(), b.as<T>(), out.as<T>(), m, k, n, args.boolean(6), args.boolean(7), args.threads(8));
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
  dispatch(x, [&](auto t) {
    using T = decltype(t);
    add_row_vector<T>(x.as<T>(), row.as<T>(), out.as<T>(), rows, cols, args.threads(4));
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
  dispatch(x, [&](auto t) {
    using T = decltype(t);
    sum_rows<T>(x.as<T>(), out.as<T>(), rows, cols, args.threads(3));
  });
  return undefined(env);
}

Activation activation(const Args& args, std::size_t i) {
  const Index code = args.size(i);
  require(code <= static_cast<Index>(Activation::Tanh), "unknown activation kernel code");
  return static_cast<Activation>(code);
}

// activate(kernel, z, out, threads)
napi_value activate_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 4);
  const Activation fn = activation(args, 0);
  const FloatArray z = args.floats(1), out = args.floats(2);
  require_same_dtype({z, out});
  require(out.length == z.length, "activate: array lengths differ");
  dispatch(z, [&](auto t) {
    using T = decltype(t);
    activate<T>(fn, z.as<T>(), out.as<T>(), z.length, args.threads(3));
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
  dispatch(z, [&](auto t) {
    using T = decltype(t);
    activate_backward<T>(fn, z.as<T>(), a.as<T>(), grad_a.as<T>(), grad_z.as<T>(), z.length, args.threads(5));
  });
  return undefined(env);
}

// A kernel code, or null for none.
bool optional_activation(const Args& args, std::size_t i, Activation* fn) {
  if (args.is_null(i)) return false;
  *fn = activation(args, i);
  return true;
}

// linearForward(x, weight, bias, z, a, kernel, rows, inputs, outputs, threads); a and kernel may be null.
napi_value linear_forward_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 10);
  const FloatArray x = args.floats(0), weight = args.floats(1), bias = args.floats(2), z = args.floats(3);
  const Index rows = args.size(6), inputs = args.size(7), outputs = args.size(8);
  Activation fn;
  const bool activated = optional_activation(args, 5, &fn);
  require(activated != args.is_null(4), "linearForward: give both the activation output and its kernel, or neither");
  const FloatArray a = activated ? args.floats(4) : z;
  require_same_dtype({x, weight, bias, z, a});
  require(x.length == rows * inputs && weight.length == inputs * outputs && bias.length == outputs &&
              z.length == rows * outputs && a.length == z.length,
          "linearForward: array lengths do not match rows, inputs, outputs");
  dispatch(x, [&](auto t) {
    using T = decltype(t);
    linear_forward<T>(x.as<T>(), weight.as<T>(), bias.as<T>(), z.as<T>(), activated ? a.as<T>() : nullptr,
                      activated ? &fn : nullptr, rows, inputs, outputs, args.threads(9));
  });
  return undefined(env);
}

// linearInputGradient(g, weight, z, a, out, kernel, rows, inputs, outputs, threads); z, a and kernel may be null.
napi_value linear_input_gradient_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 10);
  const FloatArray g = args.floats(0), weight = args.floats(1), out = args.floats(4);
  const Index rows = args.size(6), inputs = args.size(7), outputs = args.size(8);
  Activation fn;
  const bool activated = optional_activation(args, 5, &fn);
  require(activated != args.is_null(2) && activated != args.is_null(3),
          "linearInputGradient: give z, a and the kernel of the activation below, or none of them");
  const FloatArray z = activated ? args.floats(2) : out, a = activated ? args.floats(3) : out;
  require_same_dtype({g, weight, z, a, out});
  require(g.length == rows * outputs && weight.length == inputs * outputs && out.length == rows * inputs &&
              z.length == out.length && a.length == out.length,
          "linearInputGradient: array lengths do not match rows, inputs, outputs");
  // Empty arrays may share a null data pointer.
  require(out.length == 0 || g.length == 0 || g.data != out.data, "linearInputGradient: out must not be g");
  dispatch(g, [&](auto t) {
    using T = decltype(t);
    linear_input_gradient<T>(g.as<T>(), weight.as<T>(), activated ? z.as<T>() : nullptr, activated ? a.as<T>() : nullptr,
                             out.as<T>(), activated ? &fn : nullptr, rows, inputs, outputs, args.threads(9));
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
  dispatch(x, [&](auto t) {
    using T = decltype(t);
    linear_weight_gradients<T>(x.as<T>(), g.as<T>(), grad_w.as<T>(), grad_b.as<T>(), rows, inputs, outputs, args.threads(7));
  });
  return undefined(env);
}

// multiply(a, b, out, threads)
napi_value multiply_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 4);
  const FloatArray a = args.floats(0), b = args.floats(1), out = args.floats(2);
  require_same_dtype({a, b, out});
  require(b.length == a.length && out.length == a.length, "multiply: array lengths differ");
  dispatch(a, [&](auto t) {
    using T = decltype(t);
    multiply<T>(a.as<T>(), b.as<T>(), out.as<T>(), a.length, args.threads(3));
  });
  return undefined(env);
}

// scale(x, alpha, out, threads)
napi_value scale_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 4);
  const FloatArray x = args.floats(0), out = args.floats(2);
  require_same_dtype({x, out});
  require(out.length == x.length, "scale: array lengths differ");
  dispatch(x, [&](auto t) {
    using T = decltype(t);
    scale<T>(x.as<T>(), args.number(1), out.as<T>(), x.length, args.threads(3));
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
  const double loss = dispatch(pred, [&](auto t) {
    using T = decltype(t);
    return mean_squared_error<T>(pred.as<T>(), target.as<T>(), has_grad ? grad.as<T>() : nullptr, pred.length,
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
  const double loss = dispatch(logits, [&](auto t) {
    using T = decltype(t);
    return softmax_cross_entropy<T>(logits.as<T>(), labels, has_grad ? grad.as<T>() : nullptr, label_count, cols,
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
  dispatch(param, [&](auto t) {
    using T = decltype(t);
    sgd_update<T>(param.as<T>(), grad.as<T>(), args.number(2), param.length, args.threads(3));
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
  dispatch(param, [&](auto t) {
    using T = decltype(t);
    adam_update<T>(param.as<T>(), grad.as<T>(), m.as<T>(), v.as<T>(), step, param.length, args.threads(10));
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
  dispatch(x, [&](auto t) {
    using T = decltype(t);
    argmax_rows<T>(x.as<T>(), out, rows, cols);
  });
  return undefined(env);
}

// allFinite(x, threads) → boolean
napi_value all_finite_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 2);
  const FloatArray x = args.floats(0);
  const bool finite = dispatch(x, [&](auto t) {
    using T = decltype(t);
    return all_finite<T>(x.as<T>(), x.length, args.threads(1));
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
  dispatch(x, [&](auto t) {
    using T = decltype(t);
    gather_rows<T>(x.as<T>(), indices, out.as<T>(), count, cols, args.threads(4));
  });
  return undefined(env);
}

// copy(source, target, threads)
napi_value copy_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 3);
  const FloatArray source = args.floats(0), target = args.floats(1);
  require_same_dtype({source, target});
  require(target.length == source.length, "copy: array lengths differ");
  dispatch(source, [&](auto t) {
    using T = decltype(t);
    copy<T>(source.as<T>(), target.as<T>(), source.length, args.threads(2));
  });
  return undefined(env);
}

// fill(x, value, threads)
napi_value fill_binding(napi_env env, napi_callback_info info) {
  const Args args(env, info, 3);
  const FloatArray x = args.floats(0);
  dispatch(x, [&](auto t) {
    using T = decltype(t);
    fill<T>(x.as<T>(), args.number(1), x.length, args.threads(2));
  });
  return undefined(env);
}

napi_value cpu_supports_kernels_binding(napi_env env, napi_callback_info) {
  return boolean(env, cpu_supports_kernels());
}

}  // namespace
}  // namespace nabla

NAPI_MODULE_INIT() {
  using namespace nabla;
  const napi_property_descriptor properties[] = {
      {"cpuSupportsKernels", nullptr, cpu_supports_kernels_binding, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"matmul", nullptr, guarded<matmul_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"linearForward", nullptr, guarded<linear_forward_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"linearInputGradient", nullptr, guarded<linear_input_gradient_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"linearWeightGradients", nullptr, guarded<linear_weight_gradients_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"addRowVector", nullptr, guarded<add_row_vector_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"sumRows", nullptr, guarded<sum_rows_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"activate", nullptr, guarded<activate_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"activateBackward", nullptr, guarded<activate_backward_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"multiply", nullptr, guarded<multiply_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"scale", nullptr, guarded<scale_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"meanSquaredError", nullptr, guarded<mean_squared_error_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"softmaxCrossEntropy", nullptr, guarded<softmax_cross_entropy_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"sgdUpdate", nullptr, guarded<sgd_update_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"adamUpdate", nullptr, guarded<adam_update_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"argmaxRows", nullptr, guarded<argmax_rows_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"allFinite", nullptr, guarded<all_finite_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"gatherRows", nullptr, guarded<gather_rows_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"copy", nullptr, guarded<copy_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"fill", nullptr, guarded<fill_binding>, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
  };
  napi_define_properties(env, exports, sizeof(properties) / sizeof(properties[0]), properties);
  return exports;
}
