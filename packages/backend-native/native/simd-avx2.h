// The AVX2/FMA flavour of Simd<T> (see simd.h): 8 floats or 4 doubles per YMM register, 16 of them.
#pragma once

#include <immintrin.h>

namespace nabla {
namespace NABLA_ISA {

template <typename T>
struct Simd;

template <>
struct Simd<float> {
  using Vec = __m256;
  using Mask = __m256i;
  static constexpr int kLanes = 8;
  static constexpr int kRegisters = 16;
  static Vec zero() { return _mm256_setzero_ps(); }
  static Vec set1(float x) { return _mm256_set1_ps(x); }
  static Vec load(const float* p) { return _mm256_loadu_ps(p); }
  static Vec load_aligned(const float* p) { return _mm256_load_ps(p); }
  static Vec broadcast(const float* p) { return _mm256_broadcast_ss(p); }
  static void store(float* p, Vec v) { _mm256_storeu_ps(p, v); }
  static Vec add(Vec a, Vec b) { return _mm256_add_ps(a, b); }
  static Vec sub(Vec a, Vec b) { return _mm256_sub_ps(a, b); }
  static Vec mul(Vec a, Vec b) { return _mm256_mul_ps(a, b); }
  static Vec div(Vec a, Vec b) { return _mm256_div_ps(a, b); }
  static Vec fmadd(Vec a, Vec b, Vec c) { return _mm256_fmadd_ps(a, b, c); }
  static Vec max(Vec a, Vec b) { return _mm256_max_ps(a, b); }
  static Vec min(Vec a, Vec b) { return _mm256_min_ps(a, b); }
  static Vec abs(Vec a) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), a); }
  static Vec copysign(Vec magnitude, Vec sign) {
    const Vec mask = _mm256_set1_ps(-0.0f);
    return _mm256_or_ps(_mm256_andnot_ps(mask, magnitude), _mm256_and_ps(mask, sign));
  }
  static Vec greater(Vec a, Vec b) { return _mm256_cmp_ps(a, b, _CMP_GT_OQ); }
  static Vec less(Vec a, Vec b) { return _mm256_cmp_ps(a, b, _CMP_LT_OQ); }
  static Vec select(Vec mask, Vec yes, Vec no) { return _mm256_blendv_ps(no, yes, mask); }
  // True where a > b or either is NaN.
  static Vec greater_or_nan(Vec a, Vec b) { return _mm256_cmp_ps(a, b, _CMP_NLE_UQ); }
  static Vec bit_and(Vec a, Vec b) { return _mm256_and_ps(a, b); }
  static Vec bit_or(Vec a, Vec b) { return _mm256_or_ps(a, b); }
  static Vec round(Vec a) { return _mm256_round_ps(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
  // Lanes [0, count) set, for the last partial vector of a row.
  static Mask lane_mask(int count) {
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(count), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
  }
  static Vec masked_load(const float* p, Mask mask) { return _mm256_maskload_ps(p, mask); }
  // 2^n for integral n in the normal range, built in the exponent field.
  static Vec pow2(Vec n) {
    const __m256i bits = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_castsi256_ps(bits);
  }
};

template <>
struct Simd<double> {
  using Vec = __m256d;
  using Mask = __m256i;
  static constexpr int kLanes = 4;
  static constexpr int kRegisters = 16;
  static Vec zero() { return _mm256_setzero_pd(); }
  static Vec set1(double x) { return _mm256_set1_pd(x); }
  static Vec load(const double* p) { return _mm256_loadu_pd(p); }
  static Vec load_aligned(const double* p) { return _mm256_load_pd(p); }
  static Vec broadcast(const double* p) { return _mm256_broadcast_sd(p); }
  static void store(double* p, Vec v) { _mm256_storeu_pd(p, v); }
  // To float and back, rounding as static_cast<float> does; stored as floats; and floats loaded as doubles.
  static Vec round_to_float(Vec v) { return _mm256_cvtps_pd(_mm256_cvtpd_ps(v)); }
  static void store_as_float(float* p, Vec v) { _mm_storeu_ps(p, _mm256_cvtpd_ps(v)); }
  static Vec load_float(const float* p) { return _mm256_cvtps_pd(_mm_loadu_ps(p)); }
  static Vec add(Vec a, Vec b) { return _mm256_add_pd(a, b); }
  static Vec sub(Vec a, Vec b) { return _mm256_sub_pd(a, b); }
  static Vec mul(Vec a, Vec b) { return _mm256_mul_pd(a, b); }
  static Vec div(Vec a, Vec b) { return _mm256_div_pd(a, b); }
  static Vec fmadd(Vec a, Vec b, Vec c) { return _mm256_fmadd_pd(a, b, c); }
  static Vec max(Vec a, Vec b) { return _mm256_max_pd(a, b); }
  static Vec min(Vec a, Vec b) { return _mm256_min_pd(a, b); }
  static Vec abs(Vec a) { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), a); }
  static Vec copysign(Vec magnitude, Vec sign) {
    const Vec mask = _mm256_set1_pd(-0.0);
    return _mm256_or_pd(_mm256_andnot_pd(mask, magnitude), _mm256_and_pd(mask, sign));
  }
  static Vec greater(Vec a, Vec b) { return _mm256_cmp_pd(a, b, _CMP_GT_OQ); }
  static Vec less(Vec a, Vec b) { return _mm256_cmp_pd(a, b, _CMP_LT_OQ); }
  static Vec select(Vec mask, Vec yes, Vec no) { return _mm256_blendv_pd(no, yes, mask); }
  static Vec greater_or_nan(Vec a, Vec b) { return _mm256_cmp_pd(a, b, _CMP_NLE_UQ); }
  static Vec bit_and(Vec a, Vec b) { return _mm256_and_pd(a, b); }
  static Vec bit_or(Vec a, Vec b) { return _mm256_or_pd(a, b); }
  // For the expression evaluator (expression-math.h): the remaining comparisons, JavaScript's
  // `!==` being true for NaN, and the integer view of the lanes that log needs.
  static Vec sqrt(Vec a) { return _mm256_sqrt_pd(a); }
  static Vec equal(Vec a, Vec b) { return _mm256_cmp_pd(a, b, _CMP_EQ_OQ); }
  static Vec not_equal(Vec a, Vec b) { return _mm256_cmp_pd(a, b, _CMP_NEQ_UQ); }
  static Vec less_equal(Vec a, Vec b) { return _mm256_cmp_pd(a, b, _CMP_LE_OQ); }
  static Vec greater_equal(Vec a, Vec b) { return _mm256_cmp_pd(a, b, _CMP_GE_OQ); }
  static Vec unordered(Vec a, Vec b) { return _mm256_cmp_pd(a, b, _CMP_UNORD_Q); }
  static Vec bit_xor(Vec a, Vec b) { return _mm256_xor_pd(a, b); }
  static Vec from_bits(long long bits) { return _mm256_castsi256_pd(_mm256_set1_epi64x(bits)); }
  static Vec add_bits(Vec a, Vec b) { return _mm256_castsi256_pd(_mm256_add_epi64(_mm256_castpd_si256(a), _mm256_castpd_si256(b))); }
  static Vec shift_bits_right(Vec a, int n) { return _mm256_castsi256_pd(_mm256_srli_epi64(_mm256_castpd_si256(a), n)); }
  static Vec round(Vec a) { return _mm256_round_pd(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
  static Mask lane_mask(int count) {
    return _mm256_cmpgt_epi64(_mm256_set1_epi64x(count), _mm256_setr_epi64x(0, 1, 2, 3));
  }
  static Vec masked_load(const double* p, Mask mask) { return _mm256_maskload_pd(p, mask); }
  static Vec pow2(Vec n) {
    const __m256i n64 = _mm256_cvtepi32_epi64(_mm256_cvtpd_epi32(n));
    return _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_add_epi64(n64, _mm256_set1_epi64x(1023)), 52));
  }
};

}  // namespace NABLA_ISA
}  // namespace nabla
