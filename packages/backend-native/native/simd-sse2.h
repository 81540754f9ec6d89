// The generic flavour of Simd<T> (see simd.h): SSE2, which every x86-64 CPU has, with 4 floats or
// 2 doubles per XMM register. SSE2 has no fused multiply-add, no rounding instruction, no blend
// and no masked load; each is built from what it has, noted where the result can differ from
// the AVX flavours.
#pragma once

#include <emmintrin.h>

namespace nabla {
namespace NABLA_ISA {

template <typename T>
struct Simd;

template <>
struct Simd<float> {
  using Vec = __m128;
  // A partial vector's lane count: the masked load copies that many values.
  using Mask = int;
  static constexpr int kLanes = 4;
  static constexpr int kRegisters = 16;
  static Vec zero() { return _mm_setzero_ps(); }
  static Vec set1(float x) { return _mm_set1_ps(x); }
  static Vec load(const float* p) { return _mm_loadu_ps(p); }
  static Vec load_aligned(const float* p) { return _mm_load_ps(p); }
  static Vec broadcast(const float* p) { return _mm_load1_ps(p); }
  static void store(float* p, Vec v) { _mm_storeu_ps(p, v); }
  static Vec add(Vec a, Vec b) { return _mm_add_ps(a, b); }
  static Vec sub(Vec a, Vec b) { return _mm_sub_ps(a, b); }
  static Vec mul(Vec a, Vec b) { return _mm_mul_ps(a, b); }
  static Vec div(Vec a, Vec b) { return _mm_div_ps(a, b); }
  // The product is rounded before the add, so results may differ from the FMA paths in the last bit.
  static Vec fmadd(Vec a, Vec b, Vec c) { return _mm_add_ps(_mm_mul_ps(a, b), c); }
  static Vec max(Vec a, Vec b) { return _mm_max_ps(a, b); }
  static Vec min(Vec a, Vec b) { return _mm_min_ps(a, b); }
  static Vec abs(Vec a) { return _mm_andnot_ps(_mm_set1_ps(-0.0f), a); }
  static Vec copysign(Vec magnitude, Vec sign) {
    const Vec mask = _mm_set1_ps(-0.0f);
    return _mm_or_ps(_mm_andnot_ps(mask, magnitude), _mm_and_ps(mask, sign));
  }
  static Vec greater(Vec a, Vec b) { return _mm_cmpgt_ps(a, b); }
  static Vec less(Vec a, Vec b) { return _mm_cmplt_ps(a, b); }
  static Vec select(Vec mask, Vec yes, Vec no) { return _mm_or_ps(_mm_and_ps(mask, yes), _mm_andnot_ps(mask, no)); }
  // True where a > b or either is NaN.
  static Vec greater_or_nan(Vec a, Vec b) { return _mm_cmpnle_ps(a, b); }
  static Vec bit_and(Vec a, Vec b) { return _mm_and_ps(a, b); }
  static Vec bit_or(Vec a, Vec b) { return _mm_or_ps(a, b); }
  // To nearest, ties to even (the default rounding mode), through int32: callers round values
  // already clamped far inside its range.
  static Vec round(Vec a) { return _mm_cvtepi32_ps(_mm_cvtps_epi32(a)); }
  static Mask lane_mask(int count) { return count; }
  static Vec masked_load(const float* p, Mask count) {
    alignas(16) float lanes[kLanes] = {};
    for (int j = 0; j < count; ++j) lanes[j] = p[j];
    return _mm_load_ps(lanes);
  }
  // 2^n for integral n in the normal range, built in the exponent field.
  static Vec pow2(Vec n) {
    return _mm_castsi128_ps(_mm_slli_epi32(_mm_add_epi32(_mm_cvtps_epi32(n), _mm_set1_epi32(127)), 23));
  }
};

template <>
struct Simd<double> {
  using Vec = __m128d;
  using Mask = int;
  static constexpr int kLanes = 2;
  static constexpr int kRegisters = 16;
  static Vec zero() { return _mm_setzero_pd(); }
  static Vec set1(double x) { return _mm_set1_pd(x); }
  static Vec load(const double* p) { return _mm_loadu_pd(p); }
  static Vec load_aligned(const double* p) { return _mm_load_pd(p); }
  static Vec broadcast(const double* p) { return _mm_load1_pd(p); }
  static void store(double* p, Vec v) { _mm_storeu_pd(p, v); }
  // To float and back, rounding as static_cast<float> does; stored as floats; and floats loaded as doubles.
  static Vec round_to_float(Vec v) { return _mm_cvtps_pd(_mm_cvtpd_ps(v)); }
  static void store_as_float(float* p, Vec v) { _mm_storel_pi(reinterpret_cast<__m64*>(p), _mm_cvtpd_ps(v)); }
  static Vec load_float(const float* p) { return _mm_cvtps_pd(_mm_castsi128_ps(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)))); }
  static Vec add(Vec a, Vec b) { return _mm_add_pd(a, b); }
  static Vec sub(Vec a, Vec b) { return _mm_sub_pd(a, b); }
  static Vec mul(Vec a, Vec b) { return _mm_mul_pd(a, b); }
  static Vec div(Vec a, Vec b) { return _mm_div_pd(a, b); }
  static Vec fmadd(Vec a, Vec b, Vec c) { return _mm_add_pd(_mm_mul_pd(a, b), c); }
  static Vec max(Vec a, Vec b) { return _mm_max_pd(a, b); }
  static Vec min(Vec a, Vec b) { return _mm_min_pd(a, b); }
  static Vec abs(Vec a) { return _mm_andnot_pd(_mm_set1_pd(-0.0), a); }
  static Vec copysign(Vec magnitude, Vec sign) {
    const Vec mask = _mm_set1_pd(-0.0);
    return _mm_or_pd(_mm_andnot_pd(mask, magnitude), _mm_and_pd(mask, sign));
  }
  static Vec greater(Vec a, Vec b) { return _mm_cmpgt_pd(a, b); }
  static Vec less(Vec a, Vec b) { return _mm_cmplt_pd(a, b); }
  static Vec select(Vec mask, Vec yes, Vec no) { return _mm_or_pd(_mm_and_pd(mask, yes), _mm_andnot_pd(mask, no)); }
  static Vec greater_or_nan(Vec a, Vec b) { return _mm_cmpnle_pd(a, b); }
  static Vec bit_and(Vec a, Vec b) { return _mm_and_pd(a, b); }
  static Vec bit_or(Vec a, Vec b) { return _mm_or_pd(a, b); }
  // For the expression evaluator (expression-math.h): the remaining comparisons, JavaScript's
  // `!==` being true for NaN, and the integer view of the lanes that log needs.
  static Vec sqrt(Vec a) { return _mm_sqrt_pd(a); }
  static Vec equal(Vec a, Vec b) { return _mm_cmpeq_pd(a, b); }
  static Vec not_equal(Vec a, Vec b) { return _mm_cmpneq_pd(a, b); }
  static Vec less_equal(Vec a, Vec b) { return _mm_cmple_pd(a, b); }
  static Vec greater_equal(Vec a, Vec b) { return _mm_cmpge_pd(a, b); }
  static Vec unordered(Vec a, Vec b) { return _mm_cmpunord_pd(a, b); }
  static Vec bit_xor(Vec a, Vec b) { return _mm_xor_pd(a, b); }
  static Vec from_bits(long long bits) { return _mm_castsi128_pd(_mm_set1_epi64x(bits)); }
  static Vec add_bits(Vec a, Vec b) { return _mm_castsi128_pd(_mm_add_epi64(_mm_castpd_si128(a), _mm_castpd_si128(b))); }
  static Vec shift_bits_right(Vec a, int n) { return _mm_castsi128_pd(_mm_srli_epi64(_mm_castpd_si128(a), n)); }
  static Vec round(Vec a) { return _mm_cvtepi32_pd(_mm_cvtpd_epi32(a)); }
  static Mask lane_mask(int count) { return count; }
  static Vec masked_load(const double* p, Mask count) {
    alignas(16) double lanes[kLanes] = {};
    for (int j = 0; j < count; ++j) lanes[j] = p[j];
    return _mm_load_pd(lanes);
  }
  // The biased exponents n + 1023 are positive in the normal range, so widening them to 64 bits
  // is a zero extension.
  static Vec pow2(Vec n) {
    const __m128i biased = _mm_add_epi32(_mm_cvtpd_epi32(n), _mm_set1_epi32(1023));
    return _mm_castsi128_pd(_mm_slli_epi64(_mm_unpacklo_epi32(biased, _mm_setzero_si128()), 52));
  }
};

}  // namespace NABLA_ISA
}  // namespace nabla
