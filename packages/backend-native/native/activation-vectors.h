// Each fused activation on one vector, forward and backward, written once for the elementwise
// kernels and for the Linear kernels that apply an activation before storing their result.
#pragma once

#include <type_traits>

#include "kernels.h"
#include "simd.h"
#include "vector-math.h"

namespace nabla {
namespace NABLA_ISA {

template <Activation F>
using ActivationTag = std::integral_constant<Activation, F>;

// Calls body(ActivationTag<fn>{}), so that the activation is a compile-time constant inside it.
template <typename Body>
void with_activation(Activation fn, const Body& body) {
#define NABLA_ACTIVATION_CASE(Name) \
  case Activation::Name:            \
    return body(ActivationTag<Activation::Name>{});
  switch (fn) { NABLA_FOR_EACH_ACTIVATION(NABLA_ACTIVATION_CASE) }
#undef NABLA_ACTIVATION_CASE
}

// An activation added to the list without a branch below stops the build here.
template <Activation F>
constexpr bool kUnhandledActivation = false;

// #region value
// a = g(z)
template <typename T, Activation F>
typename Simd<T>::Vec activation_value(typename Simd<T>::Vec z) {
  using S = Simd<T>;
  if constexpr (F == Activation::Relu) {
    return S::bit_and(S::greater_or_nan(z, S::zero()), z);  // (5) max(0, z), letting NaN through
  } else if constexpr (F == Activation::Silu) {
    return S::mul(z, vsigmoid<T>(z));  // (7) z·σ(z)
  } else if constexpr (F == Activation::Sigmoid) {
    return vsigmoid<T>(z);  // (9)
  } else if constexpr (F == Activation::Tanh) {
    return vtanh<T>(z);  // (11)
  } else {
    static_assert(kUnhandledActivation<F>, "activation_value has no branch for this activation");
  }
}
// #endregion value

// #region gradient
// ∂L/∂z = ∂L/∂a ⊙ g'(z), given z and a = g(z)
template <typename T, Activation F>
typename Simd<T>::Vec activation_gradient(typename Simd<T>::Vec z, typename Simd<T>::Vec a, typename Simd<T>::Vec grad_a) {
  using S = Simd<T>;
  const auto one = S::set1(T(1));
  if constexpr (F == Activation::Relu) {
    return S::bit_and(S::greater(z, S::zero()), grad_a);  // (6) g'(z) = 1 for z > 0, else 0
  } else if constexpr (F == Activation::Silu) {
    // (8) g'(z) = σ(z) + σ(z)·z·(1 − σ(z)) = σ(z)·(1 + z·σ(−z))
    typename S::Vec s, s_negative;
    vsigmoid_pair<T>(z, &s, &s_negative);
    return S::mul(grad_a, S::mul(s, S::fmadd(z, s_negative, one)));
  } else if constexpr (F == Activation::Sigmoid) {
    return S::mul(grad_a, S::mul(a, S::sub(one, a)));  // (10) g'(z) = a·(1 − a)
  } else if constexpr (F == Activation::Tanh) {
    return S::mul(grad_a, S::sub(one, S::mul(a, a)));  // (12) g'(z) = 1 − a²
  } else {
    static_assert(kUnhandledActivation<F>, "activation_gradient has no branch for this activation");
  }
}
// #endregion gradient

}  // namespace NABLA_ISA
}  // namespace nabla
