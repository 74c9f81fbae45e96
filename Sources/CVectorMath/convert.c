// float32/float64 to int64 with truncation at AVX-512 width. The instructions give exactly
// TensorKit's rule for values out of range and NaN (the minimum int64, as NumPy on x86), so
// results are the same as the element-by-element conversion. AVX2 has no such instruction.
#include "vector_math.h"

#if defined(__x86_64__) && defined(__linux__)
#include <immintrin.h>

#define AVX512DQ "avx512f,avx512dq,avx512vl"

__attribute__((target(AVX512DQ))) static void f32_to_i64(const float *x, long long *y, long n) {
    for (long i = 0; i < n; i += 8) {
        __mmask8 live = n - i >= 8 ? 0xFF : (__mmask8)((1u << (n - i)) - 1);
        _mm512_mask_storeu_epi64(y + i, live, _mm512_cvttps_epi64(_mm256_maskz_loadu_ps(live, x + i)));
    }
}

__attribute__((target(AVX512DQ))) static void f64_to_i64(const double *x, long long *y, long n) {
    for (long i = 0; i < n; i += 8) {
        __mmask8 live = n - i >= 8 ? 0xFF : (__mmask8)((1u << (n - i)) - 1);
        _mm512_mask_storeu_epi64(y + i, live, _mm512_cvttpd_epi64(_mm512_maskz_loadu_pd(live, x + i)));
    }
}

int mnl_vec_f32_to_i64(int level, const float *x, long long *y, long n) {
    if (level < 3) return 0;
    f32_to_i64(x, y, n);
    return 1;
}

int mnl_vec_f64_to_i64(int level, const double *x, long long *y, long n) {
    if (level < 3) return 0;
    f64_to_i64(x, y, n);
    return 1;
}

#else

int mnl_vec_f32_to_i64(int level, const float *x, long long *y, long n) { return 0; }
int mnl_vec_f64_to_i64(int level, const double *x, long long *y, long n) { return 0; }

#endif
