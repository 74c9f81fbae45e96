// argmax and argmin of one contiguous line at AVX-512 and AVX2 width: the extreme first (with
// a note of any NaN), then the first position that equals it. NumPy's rules: the first
// occurrence wins and a NaN counts as the extreme (its first position is the answer).
#include "vector_math.h"

#if defined(__x86_64__) && defined(__linux__)
#include <immintrin.h>
#include <math.h>

static long first_nan_f32(const float *x, long n) { for (long j = 0; j < n; j++) if (x[j] != x[j]) return j; return 0; }
static long first_nan_f64(const double *x, long n) { for (long j = 0; j < n; j++) if (x[j] != x[j]) return j; return 0; }

// One function per (ISA, type): V vector type, W lanes, the mask type and its intrinsics.
#define DEFINE_ARG_AVX512(NAME, T, V, W, SUFFIX, MASK)                                              \
    __attribute__((target("avx512f"))) static long NAME(const T *x, long n, int want_max) {      \
        V fill = _mm512_set1_##SUFFIX(want_max ? -INFINITY : INFINITY), best = fill;              \
        MASK nan = 0;                                                                             \
        long i = 0;                                                                               \
        for (; i < n; i += W) {                                                                   \
            MASK live = n - i >= W ? (MASK)~0 : (MASK)((1u << (n - i)) - 1);                      \
            V v = _mm512_mask_loadu_##SUFFIX(fill, live, x + i);                                  \
            nan |= _mm512_cmp_##SUFFIX##_mask(v, v, _CMP_UNORD_Q);                                \
            best = want_max ? _mm512_max_##SUFFIX(best, v) : _mm512_min_##SUFFIX(best, v);        \
        }                                                                                         \
        if (nan) return first_nan_##T##_(x, n);                                                   \
        T m = want_max ? _mm512_reduce_max_##SUFFIX(best) : _mm512_reduce_min_##SUFFIX(best);     \
        V target = _mm512_set1_##SUFFIX(m);                                                       \
        for (i = 0; i < n; i += W) {                                                              \
            MASK live = n - i >= W ? (MASK)~0 : (MASK)((1u << (n - i)) - 1);                      \
            MASK hit = _mm512_mask_cmp_##SUFFIX##_mask(live, _mm512_mask_loadu_##SUFFIX(fill, live, x + i), \
                                                       target, _CMP_EQ_OQ);                       \
            if (hit) return i + __builtin_ctz(hit);                                               \
        }                                                                                         \
        return 0;                                                                                 \
    }

#define first_nan_float_ first_nan_f32
#define first_nan_double_ first_nan_f64
DEFINE_ARG_AVX512(arg_f32_avx512, float, __m512, 16, ps, __mmask16)
DEFINE_ARG_AVX512(arg_f64_avx512, double, __m512d, 8, pd, __mmask8)

// AVX2: whole vectors only, the tail element by element.
#define DEFINE_ARG_AVX2(NAME, T, V, W, SUFFIX, CAST)                                                 \
    __attribute__((target("avx2,fma"))) static long NAME(const T *x, long n, int want_max) {     \
        V best = _mm256_set1_##SUFFIX(want_max ? -INFINITY : INFINITY);                           \
        V nan = _mm256_setzero_##SUFFIX();                                                        \
        long i = 0;                                                                               \
        for (; i + W <= n; i += W) {                                                              \
            V v = _mm256_loadu_##SUFFIX(x + i);                                                   \
            nan = _mm256_or_##SUFFIX(nan, _mm256_cmp_##SUFFIX(v, v, _CMP_UNORD_Q));               \
            best = want_max ? _mm256_max_##SUFFIX(best, v) : _mm256_min_##SUFFIX(best, v);        \
        }                                                                                         \
        T lanes[W], m = want_max ? -INFINITY : INFINITY;                                          \
        _mm256_storeu_##SUFFIX(lanes, best);                                                      \
        int any_nan = _mm256_movemask_##SUFFIX(nan) != 0;                                         \
        for (int l = 0; l < W; l++) m = want_max ? (lanes[l] > m ? lanes[l] : m) : (lanes[l] < m ? lanes[l] : m); \
        for (; i < n; i++) {                                                                      \
            if (x[i] != x[i]) any_nan = 1;                                                        \
            else m = want_max ? (x[i] > m ? x[i] : m) : (x[i] < m ? x[i] : m);                    \
        }                                                                                         \
        if (any_nan) return first_nan_##CAST(x, n);                                               \
        V target = _mm256_set1_##SUFFIX(m);                                                       \
        for (i = 0; i + W <= n; i += W) {                                                         \
            int hit = _mm256_movemask_##SUFFIX(_mm256_cmp_##SUFFIX(_mm256_loadu_##SUFFIX(x + i), target, _CMP_EQ_OQ)); \
            if (hit) return i + __builtin_ctz((unsigned)hit);                                     \
        }                                                                                         \
        for (; i < n; i++) if (x[i] == m) return i;                                               \
        return 0;                                                                                 \
    }

DEFINE_ARG_AVX2(arg_f32_avx2, float, __m256, 8, ps, f32)
DEFINE_ARG_AVX2(arg_f64_avx2, double, __m256d, 4, pd, f64)

long mnl_vec_argextreme_f32(int level, const float *x, long n, int want_max) {
    if (n <= 0) return -1;
    if (level >= 3) return arg_f32_avx512(x, n, want_max);
    if (level == 2) return arg_f32_avx2(x, n, want_max);
    return -1;
}

long mnl_vec_argextreme_f64(int level, const double *x, long n, int want_max) {
    if (n <= 0) return -1;
    if (level >= 3) return arg_f64_avx512(x, n, want_max);
    if (level == 2) return arg_f64_avx2(x, n, want_max);
    return -1;
}

#else

long mnl_vec_argextreme_f32(int level, const float *x, long n, int want_max) { return -1; }
long mnl_vec_argextreme_f64(int level, const double *x, long n, int want_max) { return -1; }

#endif
