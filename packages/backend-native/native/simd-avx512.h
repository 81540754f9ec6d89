// The AVX-512 flavour of Simd<T> (see simd.h): 16 floats or 8 doubles per ZMM register, 32 of
// them. Comparisons give vectors of all-ones lanes, as in the AVX2 flavour, so the kernels can
// combine them with bit_and; AVX512DQ's movm/movepi turn them into and out of mask registers.
#pragma once

#include <immintrin.h>

#include <cstdint>

namespace nabla {
namespace NABLA_ISA {

template <typename T>
struct Simd;

template <>
struct Simd<float> {
  using Vec = __m512;
  using Mask = __mmask16;
  static constexpr int kLanes = 16;
  static constexpr int kRegisters = 32;
  static Vec zero() { return _mm512_setzero_ps(); }
  static Vec set1(float x) { return _mm512_set1_ps(x); }
  static Vec load(const float* p) { return _mm512_loadu_ps(p); }
  static Vec load_aligned(const float* p) { return _mm512_load_ps(p); }
  static Vec broadcast(const float* p) { return _mm512_set1_ps(*p); }
  static void store(float* p, Vec v) { _mm512_storeu_ps(p, v); }
  static Vec add(Vec a, Vec b) { return _mm512_add_ps(a, b); }
  static Vec sub(Vec a, Vec b) { return _mm512_sub_ps(a, b); }
  static Vec mul(Vec a, Vec b) { return _mm512_mul_ps(a, b); }
  static Vec div(Vec a, Vec b) { return _mm512_div_ps(a, b); }
  static Vec fmadd(Vec a, Vec b, Vec c) { return _mm512_fmadd_ps(a, b, c); }
  static Vec max(Vec a, Vec b) { return _mm512_max_ps(a, b); }
  static Vec min(Vec a, Vec b) { return _mm512_min_ps(a, b); }
  static Vec abs(Vec a) { return _mm512_andnot_ps(_mm512_set1_ps(-0.0f), a); }
  static Vec copysign(Vec magnitude, Vec sign) {
    const Vec mask = _mm512_set1_ps(-0.0f);
    return _mm512_or_ps(_mm512_andnot_ps(mask, magnitude), _mm512_and_ps(mask, sign));
  }
  static Vec greater(Vec a, Vec b) { return lanes(_mm512_cmp_ps_mask(a, b, _CMP_GT_OQ)); }
  static Vec less(Vec a, Vec b) { return lanes(_mm512_cmp_ps_mask(a, b, _CMP_LT_OQ)); }
  static Vec select(Vec mask, Vec yes, Vec no) {
    return _mm512_mask_blend_ps(_mm512_movepi32_mask(_mm512_castps_si512(mask)), no, yes);
  }
  // True where a > b or either is NaN.
  static Vec greater_or_nan(Vec a, Vec b) { return lanes(_mm512_cmp_ps_mask(a, b, _CMP_NLE_UQ)); }
  static Vec bit_and(Vec a, Vec b) { return _mm512_and_ps(a, b); }
  static Vec bit_or(Vec a, Vec b) { return _mm512_or_ps(a, b); }
  static Vec round(Vec a) { return _mm512_roundscale_ps(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
  // Lanes [0, count) set, for the last partial vector of a row.
  static Mask lane_mask(int count) { return static_cast<Mask>((1u << count) - 1); }
  static Vec masked_load(const float* p, Mask mask) { return _mm512_maskz_loadu_ps(mask, p); }
  // 2^n for integral n in the normal range, built in the exponent field.
  static Vec pow2(Vec n) {
    return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_add_epi32(_mm512_cvtps_epi32(n), _mm512_set1_epi32(127)), 23));
  }

  // Writes the 16 × 16 square of rows src, src + src_stride, … to dst transposed: column j of the
  // square becomes row j, dst + j·dst_stride. Pairs of rows, pairs of pairs, then quarters and
  // halves of the registers trade places, 64 shuffles in all.
  static void transpose_square(const float* src, std::int64_t src_stride, float* dst, std::int64_t dst_stride) {
    Vec r[16], t[16];
    for (int i = 0; i < 16; ++i) r[i] = _mm512_loadu_ps(src + i * src_stride);
    for (int i = 0; i < 16; i += 2) {
      t[i] = _mm512_unpacklo_ps(r[i], r[i + 1]);
      t[i + 1] = _mm512_unpackhi_ps(r[i], r[i + 1]);
    }
    for (int i = 0; i < 16; i += 4) {
      r[i] = pairs_low(t[i], t[i + 2]);
      r[i + 1] = pairs_high(t[i], t[i + 2]);
      r[i + 2] = pairs_low(t[i + 1], t[i + 3]);
      r[i + 3] = pairs_high(t[i + 1], t[i + 3]);
    }
    for (int h = 0; h < 16; h += 8)
      for (int i = 0; i < 4; ++i) {
        t[h + i] = _mm512_shuffle_f32x4(r[h + i], r[h + i + 4], 0x88);
        t[h + i + 4] = _mm512_shuffle_f32x4(r[h + i], r[h + i + 4], 0xdd);
      }
    for (int i = 0; i < 8; ++i) {
      _mm512_storeu_ps(dst + i * dst_stride, _mm512_shuffle_f32x4(t[i], t[i + 8], 0x88));
      _mm512_storeu_ps(dst + (i + 8) * dst_stride, _mm512_shuffle_f32x4(t[i], t[i + 8], 0xdd));
    }
  }

 private:
  static Vec lanes(Mask mask) { return _mm512_castsi512_ps(_mm512_movm_epi32(mask)); }
  static Vec pairs_low(Vec a, Vec b) { return _mm512_castpd_ps(_mm512_unpacklo_pd(_mm512_castps_pd(a), _mm512_castps_pd(b))); }
  static Vec pairs_high(Vec a, Vec b) { return _mm512_castpd_ps(_mm512_unpackhi_pd(_mm512_castps_pd(a), _mm512_castps_pd(b))); }
};

template <>
struct Simd<double> {
  using Vec = __m512d;
  using Mask = __mmask8;
  static constexpr int kLanes = 8;
  static constexpr int kRegisters = 32;
  static Vec zero() { return _mm512_setzero_pd(); }
  static Vec set1(double x) { return _mm512_set1_pd(x); }
  static Vec load(const double* p) { return _mm512_loadu_pd(p); }
  static Vec load_aligned(const double* p) { return _mm512_load_pd(p); }
  static Vec broadcast(const double* p) { return _mm512_set1_pd(*p); }
  static void store(double* p, Vec v) { _mm512_storeu_pd(p, v); }
  // To float and back, rounding as static_cast<float> does; stored as floats; and floats loaded as doubles.
  static Vec round_to_float(Vec v) { return _mm512_cvtps_pd(_mm512_cvtpd_ps(v)); }
  static void store_as_float(float* p, Vec v) { _mm256_storeu_ps(p, _mm512_cvtpd_ps(v)); }
  static Vec load_float(const float* p) { return _mm512_cvtps_pd(_mm256_loadu_ps(p)); }
  static Vec add(Vec a, Vec b) { return _mm512_add_pd(a, b); }
  static Vec sub(Vec a, Vec b) { return _mm512_sub_pd(a, b); }
  static Vec mul(Vec a, Vec b) { return _mm512_mul_pd(a, b); }
  static Vec div(Vec a, Vec b) { return _mm512_div_pd(a, b); }
  static Vec fmadd(Vec a, Vec b, Vec c) { return _mm512_fmadd_pd(a, b, c); }
  static Vec max(Vec a, Vec b) { return _mm512_max_pd(a, b); }
  static Vec min(Vec a, Vec b) { return _mm512_min_pd(a, b); }
  static Vec abs(Vec a) { return _mm512_andnot_pd(_mm512_set1_pd(-0.0), a); }
  static Vec copysign(Vec magnitude, Vec sign) {
    const Vec mask = _mm512_set1_pd(-0.0);
    return _mm512_or_pd(_mm512_andnot_pd(mask, magnitude), _mm512_and_pd(mask, sign));
  }
  static Vec greater(Vec a, Vec b) { return lanes(_mm512_cmp_pd_mask(a, b, _CMP_GT_OQ)); }
  static Vec less(Vec a, Vec b) { return lanes(_mm512_cmp_pd_mask(a, b, _CMP_LT_OQ)); }
  static Vec select(Vec mask, Vec yes, Vec no) {
    return _mm512_mask_blend_pd(_mm512_movepi64_mask(_mm512_castpd_si512(mask)), no, yes);
  }
  static Vec greater_or_nan(Vec a, Vec b) { return lanes(_mm512_cmp_pd_mask(a, b, _CMP_NLE_UQ)); }
  static Vec bit_and(Vec a, Vec b) { return _mm512_and_pd(a, b); }
  static Vec bit_or(Vec a, Vec b) { return _mm512_or_pd(a, b); }
  // For the expression evaluator (expression-math.h): the remaining comparisons, JavaScript's
  // `!==` being true for NaN, and the integer view of the lanes that log needs.
  static Vec sqrt(Vec a) { return _mm512_sqrt_pd(a); }
  static Vec equal(Vec a, Vec b) { return lanes(_mm512_cmp_pd_mask(a, b, _CMP_EQ_OQ)); }
  static Vec not_equal(Vec a, Vec b) { return lanes(_mm512_cmp_pd_mask(a, b, _CMP_NEQ_UQ)); }
  static Vec less_equal(Vec a, Vec b) { return lanes(_mm512_cmp_pd_mask(a, b, _CMP_LE_OQ)); }
  static Vec greater_equal(Vec a, Vec b) { return lanes(_mm512_cmp_pd_mask(a, b, _CMP_GE_OQ)); }
  static Vec unordered(Vec a, Vec b) { return lanes(_mm512_cmp_pd_mask(a, b, _CMP_UNORD_Q)); }
  static Vec bit_xor(Vec a, Vec b) { return _mm512_xor_pd(a, b); }
  static Vec from_bits(long long bits) { return _mm512_castsi512_pd(_mm512_set1_epi64(bits)); }
  static Vec add_bits(Vec a, Vec b) { return _mm512_castsi512_pd(_mm512_add_epi64(_mm512_castpd_si512(a), _mm512_castpd_si512(b))); }
  static Vec shift_bits_right(Vec a, int n) { return _mm512_castsi512_pd(_mm512_srli_epi64(_mm512_castpd_si512(a), n)); }
  static Vec round(Vec a) { return _mm512_roundscale_pd(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
  static Mask lane_mask(int count) { return static_cast<Mask>((1u << count) - 1); }
  static Vec masked_load(const double* p, Mask mask) { return _mm512_maskz_loadu_pd(mask, p); }
  static Vec pow2(Vec n) {
    const __m512i n64 = _mm512_cvtepi32_epi64(_mm512_cvtpd_epi32(n));
    return _mm512_castsi512_pd(_mm512_slli_epi64(_mm512_add_epi64(n64, _mm512_set1_epi64(1023)), 52));
  }

  // The 8 × 8 square of rows at src, transposed to rows at dst (see the float version).
  static void transpose_square(const double* src, std::int64_t src_stride, double* dst, std::int64_t dst_stride) {
    Vec r[8], t[8];
    for (int i = 0; i < 8; ++i) r[i] = _mm512_loadu_pd(src + i * src_stride);
    for (int i = 0; i < 8; i += 2) {
      t[i] = _mm512_unpacklo_pd(r[i], r[i + 1]);
      t[i + 1] = _mm512_unpackhi_pd(r[i], r[i + 1]);
    }
    for (int h = 0; h < 8; h += 4)
      for (int i = 0; i < 2; ++i) {
        r[h + i] = _mm512_shuffle_f64x2(t[h + i], t[h + i + 2], 0x88);
        r[h + i + 2] = _mm512_shuffle_f64x2(t[h + i], t[h + i + 2], 0xdd);
      }
    for (int i = 0; i < 4; ++i) {
      _mm512_storeu_pd(dst + i * dst_stride, _mm512_shuffle_f64x2(r[i], r[i + 4], 0x88));
      _mm512_storeu_pd(dst + (i + 4) * dst_stride, _mm512_shuffle_f64x2(r[i], r[i + 4], 0xdd));
    }
  }

 private:
  static Vec lanes(Mask mask) { return _mm512_castsi512_pd(_mm512_movm_epi64(mask)); }
};

}  // namespace NABLA_ISA
}  // namespace nabla
