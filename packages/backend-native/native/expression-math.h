// The expression operators on vectors of doubles, with the reference evaluation's semantics
// (compileExpression in @nabla/core: JavaScript's Math on float64): NaN and signed zeros
// propagate as Math.min/max do, exp keeps its full range (subnormal results, overflow only past
// 709.78), log and log1p are fdlibm's, erf is the reference's own series and continued fraction.
// They differ from the reference only in the last bits of the transcendental functions.
#pragma once

#include <cstdint>
#include <cstring>
#include <limits>

#include "simd.h"
#include "vector-math.h"

namespace nabla {
namespace NABLA_ISA {

using ExpressionSimd = Simd<double>;
using ExpressionVec = ExpressionSimd::Vec;

// Math.min: NaN if either is NaN, −0 below +0.
inline ExpressionVec js_min(ExpressionVec a, ExpressionVec b) {
  using S = ExpressionSimd;
  // min returns b when the lanes are equal or unordered; equal zeros keep a −0 from either.
  const auto m = S::select(S::equal(a, b), S::bit_or(a, b), S::min(a, b));
  return S::select(S::unordered(a, b), S::add(a, b), m);
}

// Math.max: NaN if either is NaN, +0 above −0.
inline ExpressionVec js_max(ExpressionVec a, ExpressionVec b) {
  using S = ExpressionSimd;
  const auto m = S::select(S::equal(a, b), S::bit_and(a, b), S::max(a, b));
  return S::select(S::unordered(a, b), S::add(a, b), m);
}

// e^x over the whole double range: vexp's reduction and polynomial, with 2^n applied as two
// factors 2^⌊n/2⌉·2^(n−⌊n/2⌉) so that neither leaves the normal range while the result may.
inline ExpressionVec exp_full_range(ExpressionVec x) {
  using S = ExpressionSimd;
  using C = ExpConstants<double>;
  // max and min return their second operand for NaN, so NaN survives the clamp.
  const auto clamped = S::min(S::set1(710.0), S::max(S::set1(-746.0), x));
  const auto n = S::round(S::mul(clamped, S::set1(1.4426950408889634)));
  auto r = S::fmadd(n, S::set1(-C::kLn2High), clamped);
  r = S::fmadd(n, S::set1(-C::kLn2Low), r);
  auto p = S::set1(C::kPoly[0]);
  for (int i = 1; i < C::kTerms; ++i) p = S::fmadd(p, r, S::set1(C::kPoly[i]));
  const auto y = S::add(S::fmadd(S::mul(p, r), r, r), S::set1(1.0));
  const auto half = S::round(S::mul(n, S::set1(0.5)));
  return S::mul(S::mul(y, S::pow2(half)), S::pow2(S::sub(n, half)));
}

// tanh x with one division where vtanh has two: Cephes' x + x·z·P(z)/Q(z) (z = x²) below
// |x| = 0.625 as x·(Q + z·P)/Q, and 1 − 2/(e + 1) = (e − 1)/(e + 1) with e = e^{2|x|} above, |x|
// clamped to 20, past which tanh is ±1 in double. The result takes x's sign, −0 included.
inline ExpressionVec js_tanh(ExpressionVec x) {
  using S = ExpressionSimd;
  const auto ax = S::abs(x);
  // min returns 20 for NaN, which is selected away at the end.
  const auto e = vexp<double>(S::mul(S::set1(2.0), S::min(ax, S::set1(20.0))));
  const auto z = S::mul(x, x);
  ExpressionVec p, q;
  TanhConstants<double>::rational(z, p, q);
  const auto small = S::less(ax, S::set1(0.625));
  const auto numerator = S::select(small, S::mul(ax, S::fmadd(z, p, q)), S::sub(e, S::set1(1.0)));
  const auto denominator = S::select(small, q, S::add(e, S::set1(1.0)));
  return S::select(S::unordered(x, x), x, S::copysign(S::div(numerator, denominator), x));
}

// σ(x) as the reference's stableSigmoid: 1/(1 + e^−x) for x ≥ 0, e^x/(1 + e^x) below.
inline ExpressionVec js_sigmoid(ExpressionVec x) {
  using S = ExpressionSimd;
  const auto e = exp_full_range(S::sub(S::zero(), S::abs(x)));
  const auto numerator = S::select(S::greater_equal(x, S::zero()), S::set1(1.0), e);
  return S::div(numerator, S::add(S::set1(1.0), e));
}

// ln x, fdlibm's e_log.c: x = 2^k·m with m in [√2/2, √2), ln m from s = (m−1)/(m+1) by a
// polynomial in s²; 0, negatives, +∞ and NaN are selected at the end.
inline ExpressionVec js_log(ExpressionVec x) {
  using S = ExpressionSimd;
  constexpr double kLn2High = 6.93147180369123816490e-01, kLn2Low = 1.90821492927058770002e-10;
  constexpr double kLg[7] = {6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01,
                             2.222219843214978396e-01, 1.818357216161805012e-01, 1.531383769920937332e-01,
                             1.479819860511658591e-01};
  // Subnormals are scaled up by 2^54 first, and k lowered by 54.
  const auto subnormal = S::less(x, S::set1(std::numeric_limits<double>::min()));
  const auto scaled = S::select(subnormal, S::mul(x, S::set1(18014398509481984.0)), x);
  const auto bits = S::add_bits(scaled, S::from_bits((0x3ff00000LL - 0x3fe6a09eLL) << 32));
  // k = (bits >>> 52) − 1023, the shifted integer turned into a double through 2^52's exponent.
  const auto biased = S::sub(S::bit_or(S::shift_bits_right(bits, 52), S::from_bits(0x4330000000000000LL)), S::set1(4503599627370496.0));
  const auto k = S::add(S::sub(biased, S::set1(1023.0)), S::select(subnormal, S::set1(-54.0), S::zero()));
  const auto m = S::add_bits(S::bit_and(bits, S::from_bits(0x000fffffffffffffLL)), S::from_bits(0x3fe6a09eLL << 32));
  const auto f = S::sub(m, S::set1(1.0));
  const auto hfsq = S::mul(S::mul(S::set1(0.5), f), f);
  const auto s = S::div(f, S::add(S::set1(2.0), f));
  const auto z = S::mul(s, s);
  const auto w = S::mul(z, z);
  const auto t1 = S::mul(w, S::add(S::set1(kLg[1]), S::mul(w, S::add(S::set1(kLg[3]), S::mul(w, S::set1(kLg[5]))))));
  const auto t2 = S::mul(z, S::add(S::set1(kLg[0]), S::mul(w, S::add(S::set1(kLg[2]), S::mul(w, S::add(S::set1(kLg[4]), S::mul(w, S::set1(kLg[6]))))))));
  auto value = S::add(S::mul(s, S::add(hfsq, S::add(t2, t1))), S::mul(k, S::set1(kLn2Low)));
  value = S::add(S::add(S::sub(value, hfsq), f), S::mul(k, S::set1(kLn2High)));
  value = S::select(S::equal(x, S::zero()), S::set1(-std::numeric_limits<double>::infinity()), value);
  value = S::select(S::less(x, S::zero()), S::set1(std::numeric_limits<double>::quiet_NaN()), value);
  const auto pass_through = S::bit_or(S::equal(x, S::set1(std::numeric_limits<double>::infinity())), S::unordered(x, x));
  return S::select(pass_through, x, value);
}

// ln(1 + x) accurately near 0: ln(u)·x/(u − 1) with u = 1 + x (Goldberg), x itself where u
// rounds to 1 and for +∞.
inline ExpressionVec js_log1p(ExpressionVec x) {
  using S = ExpressionSimd;
  const auto u = S::add(S::set1(1.0), x);
  const auto u_minus_1 = S::sub(u, S::set1(1.0));
  const auto value = S::mul(js_log(u), S::div(x, u_minus_1));
  const auto exact = S::bit_or(S::equal(u_minus_1, S::zero()), S::equal(x, S::set1(std::numeric_limits<double>::infinity())));
  return S::select(exact, x, value);
}

// True when any lane of a comparison's result is set.
inline bool any_lane(ExpressionVec mask) {
  alignas(64) double lanes[ExpressionSimd::kLanes];
  ExpressionSimd::store(lanes, mask);
  for (double lane : lanes) {
    std::uint64_t bits;
    std::memcpy(&bits, &lane, sizeof bits);
    if (bits != 0) return true;
  }
  return false;
}

// erf x as the reference's erf (src/expression/erf.ts in @nabla/core), operation for operation:
// below |x| = 3 the series (2/√π)·e^{−x²}·Σ 2^n x^{2n+1}/(2n+1)!! (A&S 7.1.6), 60 terms; from 3
// to 6 one minus the continued fraction of erfc (A&S 7.1.14); ±1 beyond.
inline ExpressionVec js_erf(ExpressionVec x) {
  using S = ExpressionSimd;
  const auto ax = S::abs(x);
  const auto near = S::less(ax, S::set1(3.0));
  // min and max return 3 for NaN, which is selected away at the end.
  const auto xs = S::min(ax, S::set1(3.0));
  const auto two_x2 = S::mul(S::set1(2.0), S::mul(xs, xs));
  auto term = xs, sum = xs;
  for (int n = 1; n <= 60; ++n) {
    term = S::mul(term, S::div(two_x2, S::set1(2.0 * n + 1)));
    sum = S::add(sum, term);
  }
  auto magnitude = S::mul(S::mul(S::set1(1.1283791670955126), exp_full_range(S::sub(S::zero(), S::mul(xs, xs)))), sum);
  if (any_lane(S::bit_xor(near, S::from_bits(-1)))) {
    const auto xc = S::max(ax, S::set1(3.0));
    auto tail = xc;
    for (int n = 60; n >= 1; --n) tail = S::add(xc, S::div(S::set1(n / 2.0), tail));
    const auto erfc = S::div(S::mul(exp_full_range(S::mul(S::sub(S::zero(), xc), xc)), S::set1(0.5641895835477563)), tail);
    magnitude = S::select(near, magnitude, S::sub(S::set1(1.0), erfc));
  }
  magnitude = S::select(S::greater_equal(ax, S::set1(6.0)), S::set1(1.0), magnitude);
  return S::select(S::unordered(x, x), x, S::copysign(magnitude, x));
}

}  // namespace NABLA_ISA
}  // namespace nabla
