// Transcendental functions and sigmoid over arrays with SLEEF's AVX-512 and AVX2 functions.
// One macro writes the loop for each (function, width, type); the tail runs through a
// zero-padded vector, so every element gets the same vector function (results do not depend
// on an element's position).
#include "vector_math.h"

#if defined(__x86_64__) && defined(__linux__)
#include <immintrin.h>
#include <string.h>

// SLEEF's per-ISA functions (libsleef). sleef.h declares them only when the whole file is
// compiled for that ISA (-mavx512f), which would let the compiler use AVX-512 anywhere in
// it; declared here instead, they are called only from functions whose target allows them.
#define SLEEF_AVX512(NAME, V) extern V NAME(V) __attribute__((target("avx512f")));
#define SLEEF_AVX2(NAME, V) extern V NAME(V) __attribute__((target("avx2,fma")));

// The functions with a SLEEF kernel: the MNL_VEC_ constant and SLEEF's base name. All are
// SLEEF's u10 variants (within 1.0 ulp). Sigmoid is built from exp below. The hot three of
// training (exp, log, tanh) run float32 at float32 width; the others compute float32 input in
// double and round once, so their float32 results are the correctly rounded ones NumPy users
// see (SLEEF's float32 atan(1) is an ulp off pi/4) at half the width. sinh and cosh are not
// here: SLEEF's overflow to inf before the largest finite result (x = 89 in float32).
#define SLEEF_HOT_FUNCTIONS(X) X(MNL_VEC_EXP, exp) X(MNL_VEC_LOG, log) X(MNL_VEC_TANH, tanh)
#define SLEEF_WIDE_FUNCTIONS(X)                                                   \
    X(MNL_VEC_SIN, sin) X(MNL_VEC_COS, cos) X(MNL_VEC_TAN, tan)                    \
    X(MNL_VEC_ASIN, asin) X(MNL_VEC_ACOS, acos) X(MNL_VEC_ATAN, atan)              \
    X(MNL_VEC_LOG1P, log1p) X(MNL_VEC_EXPM1, expm1) X(MNL_VEC_LOG2, log2)          \
    X(MNL_VEC_LOG10, log10)
#define SLEEF_FUNCTIONS(X) SLEEF_HOT_FUNCTIONS(X) SLEEF_WIDE_FUNCTIONS(X)

#define DECLARE_SLEEF(CODE, F)                      \
    SLEEF_AVX512(Sleef_##F##f16_u10avx512f, __m512) \
    SLEEF_AVX512(Sleef_##F##d8_u10avx512f, __m512d) \
    SLEEF_AVX2(Sleef_##F##f8_u10avx2, __m256)       \
    SLEEF_AVX2(Sleef_##F##d4_u10avx2, __m256d)
SLEEF_FUNCTIONS(DECLARE_SLEEF)

#define UNARY_LOOP(T, W, LOAD, STORE, F)                           \
    long i = 0;                                                    \
    for (; i + W <= n; i += W) STORE(y + i, F(LOAD(x + i)));       \
    if (i < n) {                                                   \
        T buf[W];                                                  \
        memset(buf, 0, sizeof buf);                                \
        memcpy(buf, x + i, (size_t)(n - i) * sizeof(T));           \
        STORE(buf, F(LOAD(buf)));                                  \
        memcpy(y + i, buf, (size_t)(n - i) * sizeof(T));           \
    }

// sigmoid(x) = 1 / (1 + exp(-x)): exp overflows to inf for very negative x, giving exactly 0.
__attribute__((target("avx512f"))) static inline __m512 sigmoid_f32x16(__m512 v) {
    __m512 one = _mm512_set1_ps(1.0f);
    return _mm512_div_ps(one, _mm512_add_ps(one, Sleef_expf16_u10avx512f(_mm512_sub_ps(_mm512_setzero_ps(), v))));
}
__attribute__((target("avx512f"))) static inline __m512d sigmoid_f64x8(__m512d v) {
    __m512d one = _mm512_set1_pd(1.0);
    return _mm512_div_pd(one, _mm512_add_pd(one, Sleef_expd8_u10avx512f(_mm512_sub_pd(_mm512_setzero_pd(), v))));
}
__attribute__((target("avx2,fma"))) static inline __m256 sigmoid_f32x8(__m256 v) {
    __m256 one = _mm256_set1_ps(1.0f);
    return _mm256_div_ps(one, _mm256_add_ps(one, Sleef_expf8_u10avx2(_mm256_sub_ps(_mm256_setzero_ps(), v))));
}
__attribute__((target("avx2,fma"))) static inline __m256d sigmoid_f64x4(__m256d v) {
    __m256d one = _mm256_set1_pd(1.0);
    return _mm256_div_pd(one, _mm256_add_pd(one, Sleef_expd4_u10avx2(_mm256_sub_pd(_mm256_setzero_pd(), v))));
}

// A float32 vector through a double-precision function: widened in two halves, computed,
// and rounded back once.
#define DEFINE_WIDENED(CODE, F)                                                                    \
    __attribute__((target("avx512f"))) static inline __m512 F##_widened_f32x16(__m512 v) {        \
        __m256 lo = _mm512_castps512_ps256(v);                                                      \
        __m256 hi = _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1));              \
        __m256 rlo = _mm512_cvtpd_ps(Sleef_##F##d8_u10avx512f(_mm512_cvtps_pd(lo)));               \
        __m256 rhi = _mm512_cvtpd_ps(Sleef_##F##d8_u10avx512f(_mm512_cvtps_pd(hi)));               \
        return _mm512_castpd_ps(_mm512_insertf64x4(_mm512_castps_pd(_mm512_castps256_ps512(rlo)),  \
                                                   _mm256_castps_pd(rhi), 1));                      \
    }                                                                                              \
    __attribute__((target("avx2,fma"))) static inline __m256 F##_widened_f32x8(__m256 v) {        \
        __m128 rlo = _mm256_cvtpd_ps(Sleef_##F##d4_u10avx2(_mm256_cvtps_pd(_mm256_castps256_ps128(v)))); \
        __m128 rhi = _mm256_cvtpd_ps(Sleef_##F##d4_u10avx2(_mm256_cvtps_pd(_mm256_extractf128_ps(v, 1)))); \
        return _mm256_insertf128_ps(_mm256_castps128_ps256(rlo), rhi, 1);                          \
    }
SLEEF_WIDE_FUNCTIONS(DEFINE_WIDENED)

// One kernel per (ISA, type): a switch over the functions, each case one loop.
#define DEFINE_UNARY(NAME, TARGET, T, CASE, SIGMOID_CASE)                                      \
    __attribute__((target(TARGET))) static int NAME(int function, const T *x, T *y, long n) { \
        switch (function) {                                                                   \
        SLEEF_HOT_FUNCTIONS(CASE)                                                             \
        SLEEF_WIDE_FUNCTIONS(CASE##_WIDE)                                                     \
        SIGMOID_CASE                                                                          \
        default: return 0;                                                                    \
        }                                                                                     \
    }
#define F32X16(CODE, F) case CODE: { UNARY_LOOP(float, 16, _mm512_loadu_ps, _mm512_storeu_ps, Sleef_##F##f16_u10avx512f) return 1; }
#define F32X16_WIDE(CODE, F) case CODE: { UNARY_LOOP(float, 16, _mm512_loadu_ps, _mm512_storeu_ps, F##_widened_f32x16) return 1; }
#define F64X8(CODE, F) case CODE: { UNARY_LOOP(double, 8, _mm512_loadu_pd, _mm512_storeu_pd, Sleef_##F##d8_u10avx512f) return 1; }
#define F64X8_WIDE F64X8
#define F32X8(CODE, F) case CODE: { UNARY_LOOP(float, 8, _mm256_loadu_ps, _mm256_storeu_ps, Sleef_##F##f8_u10avx2) return 1; }
#define F32X8_WIDE(CODE, F) case CODE: { UNARY_LOOP(float, 8, _mm256_loadu_ps, _mm256_storeu_ps, F##_widened_f32x8) return 1; }
#define F64X4(CODE, F) case CODE: { UNARY_LOOP(double, 4, _mm256_loadu_pd, _mm256_storeu_pd, Sleef_##F##d4_u10avx2) return 1; }
#define F64X4_WIDE F64X4
#define SIGMOID(T, W, LOAD, STORE, F) case MNL_VEC_SIGMOID: { UNARY_LOOP(T, W, LOAD, STORE, F) return 1; }

DEFINE_UNARY(unary_f32_avx512, "avx512f", float, F32X16, SIGMOID(float, 16, _mm512_loadu_ps, _mm512_storeu_ps, sigmoid_f32x16))
DEFINE_UNARY(unary_f64_avx512, "avx512f", double, F64X8, SIGMOID(double, 8, _mm512_loadu_pd, _mm512_storeu_pd, sigmoid_f64x8))
DEFINE_UNARY(unary_f32_avx2, "avx2,fma", float, F32X8, SIGMOID(float, 8, _mm256_loadu_ps, _mm256_storeu_ps, sigmoid_f32x8))
DEFINE_UNARY(unary_f64_avx2, "avx2,fma", double, F64X4, SIGMOID(double, 4, _mm256_loadu_pd, _mm256_storeu_pd, sigmoid_f64x4))

int mnl_vec_unary_f32(int level, int function, const float *x, float *y, long n) {
    if (level >= 3) return unary_f32_avx512(function, x, y, n);
    if (level == 2) return unary_f32_avx2(function, x, y, n);
    return 0;
}

int mnl_vec_unary_f64(int level, int function, const double *x, double *y, long n) {
    if (level >= 3) return unary_f64_avx512(function, x, y, n);
    if (level == 2) return unary_f64_avx2(function, x, y, n);
    return 0;
}

#else

int mnl_vec_unary_f32(int level, int function, const float *x, float *y, long n) { return 0; }
int mnl_vec_unary_f64(int level, int function, const double *x, double *y, long n) { return 0; }

#endif
