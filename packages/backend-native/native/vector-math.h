// exp, tanh and the sigmoid on whole SIMD vectors, accurate to a few ulp: the activation
// kernels' hot path. NaN inputs give NaN.
#pragma once

#include <limits>

#include "simd.h"

namespace nabla {
namespace NABLA_ISA {

template <typename T>
struct ExpConstants;

// Cephes expf: e^x = 2^n · e^r with r = x − n·ln2 (ln2 split in two parts for precision) and
// e^r = 1 + r + r²·P(r), P of degree 5.
template <>
struct ExpConstants<float> {
  static constexpr float kLow = -87.33654475f;  // ln 2^-126: the smallest normal result
  static constexpr float kHigh = 88.3762626647949f;
  static constexpr float kLn2High = 0.693359375f;
  static constexpr float kLn2Low = -2.12194440e-4f;
  static constexpr int kTerms = 6;
  static constexpr float kPoly[kTerms] = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f,
                                          4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f};
};

// The same reduction in double, P being the Taylor series of e^r up to r¹³ (|r| ≤ ln2/2 keeps its
// truncation error below 1e-17).
template <>
struct ExpConstants<double> {
  static constexpr double kLow = -708.0;
  static constexpr double kHigh = 709.0;
  static constexpr double kLn2High = 6.93145751953125e-1;
  static constexpr double kLn2Low = 1.42860682030941723212e-6;
  static constexpr int kTerms = 12;
  static constexpr double kPoly[kTerms] = {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0,
                                           1.0 / 3628800.0,    1.0 / 362880.0,    1.0 / 40320.0,
                                           1.0 / 5040.0,       1.0 / 720.0,       1.0 / 120.0,
                                           1.0 / 24.0,         1.0 / 6.0,         1.0 / 2.0};
};

template <typename T>
typename Simd<T>::Vec vexp(typename Simd<T>::Vec x) {
  using S = Simd<T>;
  using C = ExpConstants<T>;
  const auto low = S::set1(C::kLow), high = S::set1(C::kHigh);
  // max/min return their second operand for NaN, so NaN survives the clamp.
  const auto clamped = S::min(high, S::max(low, x));
  const auto n = S::round(S::mul(clamped, S::set1(T(1.4426950408889634))));
  auto r = S::fmadd(n, S::set1(-C::kLn2High), clamped);
  r = S::fmadd(n, S::set1(-C::kLn2Low), r);
  auto p = S::set1(C::kPoly[0]);
  for (int i = 1; i < C::kTerms; ++i) p = S::fmadd(p, r, S::set1(C::kPoly[i]));
  const auto y = S::mul(S::add(S::fmadd(S::mul(p, r), r, r), S::set1(T(1))), S::pow2(n));
  // Past the clamp, underflow to 0 and overflow to Infinity as exp does.
  const auto saturated = S::select(S::less(x, low), S::zero(), S::set1(std::numeric_limits<T>::infinity()));
  return S::select(S::bit_or(S::less(x, low), S::greater(x, high)), saturated, y);
}

template <typename T>
struct TanhConstants;

// Cephes tanhf: an odd polynomial below |x| = 0.625, where 1 − 2/(e^2|x| + 1) would cancel.
template <>
struct TanhConstants<float> {
  static typename Simd<float>::Vec small(typename Simd<float>::Vec x) {
    using S = Simd<float>;
    const auto z = S::mul(x, x);
    auto p = S::set1(-5.70498872745e-3f);
    p = S::fmadd(p, z, S::set1(2.06390887954e-2f));
    p = S::fmadd(p, z, S::set1(-5.37397155531e-2f));
    p = S::fmadd(p, z, S::set1(1.33314422036e-1f));
    p = S::fmadd(p, z, S::set1(-3.33332819422e-1f));
    return S::fmadd(S::mul(p, z), x, x);
  }
};

// Cephes tanh: x + x·z·P(z)/Q(z) with z = x² below |x| = 0.625.
template <>
struct TanhConstants<double> {
  using Vec = typename Simd<double>::Vec;

  // P(z) and Q(z) apart, for a caller that divides once by Q (the expression evaluator's tanh).
  static void rational(Vec z, Vec& p, Vec& q) {
    using S = Simd<double>;
    p = S::set1(-9.64399179425052238628e-1);
    p = S::fmadd(p, z, S::set1(-9.92877231001918586564e1));
    p = S::fmadd(p, z, S::set1(-1.61468768441708447952e3));
    q = S::add(z, S::set1(1.12811678491632931402e2));
    q = S::fmadd(q, z, S::set1(2.23548839060100448583e3));
    q = S::fmadd(q, z, S::set1(4.84406305325125486048e3));
  }

  static Vec small(Vec x) {
    using S = Simd<double>;
    const auto z = S::mul(x, x);
    Vec p, q;
    rational(z, p, q);
    return S::fmadd(S::mul(x, z), S::div(p, q), x);
  }
};

template <typename T>
typename Simd<T>::Vec vtanh(typename Simd<T>::Vec x) {
  using S = Simd<T>;
  const auto magnitude = S::abs(x);
  const auto e = vexp<T>(S::add(magnitude, magnitude));
  const auto large = S::sub(S::set1(T(1)), S::div(S::set1(T(2)), S::add(e, S::set1(T(1)))));
  const auto is_small = S::less(magnitude, S::set1(T(0.625)));
  return S::select(is_small, TanhConstants<T>::small(x), S::copysign(large, x));
}

// σ(x) and σ(−x) = 1 − σ(x), from e = e^−|x| so that exp never overflows:
// σ(|x|) = 1/(1 + e) and σ(−|x|) = e/(1 + e).
template <typename T>
void vsigmoid_pair(typename Simd<T>::Vec x, typename Simd<T>::Vec* positive, typename Simd<T>::Vec* negative) {
  using S = Simd<T>;
  const auto e = vexp<T>(S::sub(S::zero(), S::abs(x)));
  const auto large = S::div(S::set1(T(1)), S::add(S::set1(T(1)), e));
  const auto small = S::mul(e, large);
  const auto x_negative = S::less(x, S::zero());
  *positive = S::select(x_negative, small, large);
  *negative = S::select(x_negative, large, small);
}

// σ(x) = 1/(1 + e^−x) (9)
template <typename T>
typename Simd<T>::Vec vsigmoid(typename Simd<T>::Vec x) {
  typename Simd<T>::Vec positive, negative;
  vsigmoid_pair<T>(x, &positive, &negative);
  return positive;
}

}  // namespace NABLA_ISA
}  // namespace nabla
