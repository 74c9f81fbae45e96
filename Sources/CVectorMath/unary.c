// exp, log, tanh and sigmoid over arrays with SLEEF's AVX-512 and AVX2 functions. One macro
// writes the loop for each (width, type); the tail runs through a zero-padded vector, so every
// element gets the same vector function (results do not depend on an element's position).
#include "vector_math.h"

#if defined(__x86_64__) && defined(__linux__)
#include <immintrin.h>
#include <string.h>

// SLEEF's per-ISA functions (libsleef). sleef.h declares them only when the whole file is
// compiled for that ISA (-mavx512f), which would let the compiler use AVX-512 anywhere in
// it; declared here instead, they are called only from functions whose target allows them.
#define SLEEF_AVX512(NAME, V) extern V NAME(V) __attribute__((target("avx512f")));
#define SLEEF_AVX2(NAME, V) extern V NAME(V) __attribute__((target("avx2,fma")));
SLEEF_AVX512(Sleef_expf16_u10avx512f, __m512)
SLEEF_AVX512(Sleef_logf16_u10avx512f, __m512)
SLEEF_AVX512(Sleef_tanhf16_u10avx512f, __m512)
SLEEF_AVX512(Sleef_expd8_u10avx512f, __m512d)
SLEEF_AVX512(Sleef_logd8_u10avx512f, __m512d)
SLEEF_AVX512(Sleef_tanhd8_u10avx512f, __m512d)
SLEEF_AVX2(Sleef_expf8_u10avx2, __m256)
SLEEF_AVX2(Sleef_logf8_u10avx2, __m256)
SLEEF_AVX2(Sleef_tanhf8_u10avx2, __m256)
SLEEF_AVX2(Sleef_expd4_u10avx2, __m256d)
SLEEF_AVX2(Sleef_logd4_u10avx2, __m256d)
SLEEF_AVX2(Sleef_tanhd4_u10avx2, __m256d)

#define UNARY_LOOP(T, W, VT, LOAD, STORE, F)                       \
    long i = 0;                                                    \
    for (; i + W <= n; i += W) STORE(y + i, F(LOAD(x + i)));       \
    if (i < n) {                                                   \
        T buf[W];                                                  \
        memset(buf, 0, sizeof buf);                                \
        memcpy(buf, x + i, (size_t)(n - i) * sizeof(T));           \
        STORE(buf, F(LOAD(buf)));                                  \
        memcpy(y + i, buf, (size_t)(n - i) * sizeof(T));           \
    }

#define DEFINE_UNARY(NAME, TARGET, T, W, VT, LOAD, STORE, EXP, LOG, TANH, SIGMOID) \
    __attribute__((target(TARGET))) static int NAME(int function, const T *x, T *y, long n) { \
        switch (function) {                                                      \
        case MNL_VEC_EXP: { UNARY_LOOP(T, W, VT, LOAD, STORE, EXP) return 1; }   \
        case MNL_VEC_LOG: { UNARY_LOOP(T, W, VT, LOAD, STORE, LOG) return 1; }   \
        case MNL_VEC_TANH: { UNARY_LOOP(T, W, VT, LOAD, STORE, TANH) return 1; } \
        case MNL_VEC_SIGMOID: { UNARY_LOOP(T, W, VT, LOAD, STORE, SIGMOID) return 1; } \
        default: return 0;                                                       \
        }                                                                        \
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

DEFINE_UNARY(unary_f32_avx512, "avx512f", float, 16, __m512, _mm512_loadu_ps, _mm512_storeu_ps,
             Sleef_expf16_u10avx512f, Sleef_logf16_u10avx512f, Sleef_tanhf16_u10avx512f, sigmoid_f32x16)
DEFINE_UNARY(unary_f64_avx512, "avx512f", double, 8, __m512d, _mm512_loadu_pd, _mm512_storeu_pd,
             Sleef_expd8_u10avx512f, Sleef_logd8_u10avx512f, Sleef_tanhd8_u10avx512f, sigmoid_f64x8)
DEFINE_UNARY(unary_f32_avx2, "avx2,fma", float, 8, __m256, _mm256_loadu_ps, _mm256_storeu_ps,
             Sleef_expf8_u10avx2, Sleef_logf8_u10avx2, Sleef_tanhf8_u10avx2, sigmoid_f32x8)
DEFINE_UNARY(unary_f64_avx2, "avx2,fma", double, 4, __m256d, _mm256_loadu_pd, _mm256_storeu_pd,
             Sleef_expd4_u10avx2, Sleef_logd4_u10avx2, Sleef_tanhd4_u10avx2, sigmoid_f64x4)

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
