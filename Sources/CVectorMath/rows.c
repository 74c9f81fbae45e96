// Whole-matrix passes the classic models make over their input before predicting: is every
// element finite, and each row's squared norm. Both are reductions, so the sums are
// reassociated into vector lanes; each is compiled for AVX-512, AVX2 and the baseline, and
// the baseline version is portable (it is what runs off x86).
#include "vector_math.h"

// 1 when no element of x[0..<n] is NaN or infinite. v - v is 0 for a finite v and NaN
// otherwise, and NaN survives any sum, so the test is one vectorised sum per block (blocks
// let a bad element stop the scan early).
#define DEFINE_FINITE(NAME, TARGET_ATTR, T)                                                     \
    TARGET_ATTR static int NAME(const T *x, long n) {                                           \
        _Pragma("clang fp reassociate(on)")                                                     \
        for (long start = 0; start < n; start += 4096) {                                        \
            long end = start + 4096 < n ? start + 4096 : n;                                     \
            T acc = 0;                                                                          \
            for (long p = start; p < end; p++) acc += x[p] - x[p];                              \
            if (acc != acc) return 0;                                                           \
        }                                                                                       \
        return 1;                                                                               \
    }

// out[i] = Σ_p x[i, p]², accumulated in double whatever T is.
#define DEFINE_SUMSQ(NAME, TARGET_ATTR, T)                                                      \
    TARGET_ATTR static int NAME(const T *x, long ldx, double *out, long m, long k) {           \
        _Pragma("clang fp reassociate(on) contract(fast)")                                      \
        for (long i = 0; i < m; i++) {                                                          \
            const T *row = x + i * ldx;                                                         \
            double acc = 0;                                                                     \
            for (long p = 0; p < k; p++) { double v = row[p]; acc += v * v; }                   \
            out[i] = acc;                                                                       \
        }                                                                                       \
        return 1;                                                                               \
    }

#define BASELINE
#if defined(__x86_64__)
#define AVX512 __attribute__((target("avx512f")))
#define AVX2 __attribute__((target("avx2,fma")))
DEFINE_FINITE(finite_f32_avx512, AVX512, float)
DEFINE_FINITE(finite_f64_avx512, AVX512, double)
DEFINE_FINITE(finite_f32_avx2, AVX2, float)
DEFINE_FINITE(finite_f64_avx2, AVX2, double)
DEFINE_SUMSQ(sumsq_f32_avx512, AVX512, float)
DEFINE_SUMSQ(sumsq_f64_avx512, AVX512, double)
DEFINE_SUMSQ(sumsq_f32_avx2, AVX2, float)
DEFINE_SUMSQ(sumsq_f64_avx2, AVX2, double)
#define PICK(LEVEL, STEM, ...)                                         \
    if ((LEVEL) >= 3) return STEM##_avx512(__VA_ARGS__);               \
    if ((LEVEL) == 2) return STEM##_avx2(__VA_ARGS__);                 \
    return STEM##_base(__VA_ARGS__);
#else
#define PICK(LEVEL, STEM, ...) return STEM##_base(__VA_ARGS__);
#endif
DEFINE_FINITE(finite_f32_base, BASELINE, float)
DEFINE_FINITE(finite_f64_base, BASELINE, double)
DEFINE_SUMSQ(sumsq_f32_base, BASELINE, float)
DEFINE_SUMSQ(sumsq_f64_base, BASELINE, double)

int mnl_all_finite_f32(int level, const float *x, long n) { PICK(level, finite_f32, x, n) }
int mnl_all_finite_f64(int level, const double *x, long n) { PICK(level, finite_f64, x, n) }
int mnl_row_sumsq_f32(int level, const float *x, long ldx, double *out, long m, long k) { PICK(level, sumsq_f32, x, ldx, out, m, k) }
int mnl_row_sumsq_f64(int level, const double *x, long ldx, double *out, long m, long k) { PICK(level, sumsq_f64, x, ldx, out, m, k) }
