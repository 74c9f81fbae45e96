// Products with a handful of output columns against many rows (X @ W and Xᵀ @ G with W, G of
// at most 16 columns, as in softmax regression on 60000×784 images). General BLAS packs the
// whole of X for these, and that copy is 30-40 % of their time; these loops stream X once
// instead, with W (or the n×k result) small enough to stay in L1.
#include "vector_math.h"

#if defined(__x86_64__) && defined(__linux__)

// c[i, j] = Σ_p x[i, p] · wt[j, p]: dot products of each row of X with the n rows of Wᵀ. The sums
// are reassociated into vector lanes, as BLAS kernels also do.
#define DEFINE_NN(NAME, TARGET, T)                                                              \
    __attribute__((target(TARGET))) static void NAME(const T *x, long ldx, const T *wt, T *c,    \
                                                     long m, long n, long k) {                  \
        _Pragma("clang fp reassociate(on) contract(fast)")                                       \
        for (long i = 0; i < m; i++) {                                                           \
            const T *row = x + i * ldx;                                                          \
            for (long j = 0; j < n; j++) {                                                       \
                const T *w = wt + j * k;                                                         \
                T acc = 0;                                                                       \
                for (long p = 0; p < k; p++) acc += row[p] * w[p];                               \
                c[i * n + j] = acc;                                                              \
            }                                                                                    \
        }                                                                                        \
    }

// ct[j, p] += Σ_i g[i, j] · x[i, p]: each row of X is added, scaled, into the n rows of Cᵀ
// (no reassociation: the order over i is the plain one).
#define DEFINE_TN(NAME, TARGET, T)                                                              \
    __attribute__((target(TARGET))) static void NAME(const T *x, long ldx, const T *g, long ldg, \
                                                     T *ct, long m, long n, long k) {           \
        _Pragma("clang fp contract(fast)")                                                       \
        for (long i = 0; i < m; i++) {                                                           \
            const T *row = x + i * ldx;                                                          \
            for (long j = 0; j < n; j++) {                                                       \
                T s = g[i * ldg + j];                                                            \
                T *out = ct + j * k;                                                             \
                _Pragma("clang loop vectorize(assume_safety)")                                   \
                for (long p = 0; p < k; p++) out[p] += s * row[p];                               \
            }                                                                                    \
        }                                                                                        \
    }

DEFINE_NN(nn_f32_avx512, "avx512f", float)
DEFINE_NN(nn_f64_avx512, "avx512f", double)
DEFINE_NN(nn_f32_avx2, "avx2,fma", float)
DEFINE_NN(nn_f64_avx2, "avx2,fma", double)
DEFINE_TN(tn_f32_avx512, "avx512f", float)
DEFINE_TN(tn_f64_avx512, "avx512f", double)
DEFINE_TN(tn_f32_avx2, "avx2,fma", float)
DEFINE_TN(tn_f64_avx2, "avx2,fma", double)

// The exported entry points pick the function for the level (0 when there is none).
#define DISPATCH(LEVEL, AVX512, AVX2, ...)                \
    if ((LEVEL) >= 3) AVX512(__VA_ARGS__);                \
    else if ((LEVEL) == 2) AVX2(__VA_ARGS__);             \
    else return 0;                                        \
    return 1;

int mnl_skinny_nn_f32(int level, const float *x, long ldx, const float *wt, float *c, long m, long n, long k) {
    DISPATCH(level, nn_f32_avx512, nn_f32_avx2, x, ldx, wt, c, m, n, k)
}
int mnl_skinny_nn_f64(int level, const double *x, long ldx, const double *wt, double *c, long m, long n, long k) {
    DISPATCH(level, nn_f64_avx512, nn_f64_avx2, x, ldx, wt, c, m, n, k)
}
int mnl_skinny_tn_f32(int level, const float *x, long ldx, const float *g, long ldg, float *ct, long m, long n, long k) {
    DISPATCH(level, tn_f32_avx512, tn_f32_avx2, x, ldx, g, ldg, ct, m, n, k)
}
int mnl_skinny_tn_f64(int level, const double *x, long ldx, const double *g, long ldg, double *ct, long m, long n, long k) {
    DISPATCH(level, tn_f64_avx512, tn_f64_avx2, x, ldx, g, ldg, ct, m, n, k)
}

#else

int mnl_skinny_nn_f32(int level, const float *x, long ldx, const float *wt, float *c, long m, long n, long k) { return 0; }
int mnl_skinny_nn_f64(int level, const double *x, long ldx, const double *wt, double *c, long m, long n, long k) { return 0; }
int mnl_skinny_tn_f32(int level, const float *x, long ldx, const float *g, long ldg, float *ct, long m, long n, long k) { return 0; }
int mnl_skinny_tn_f64(int level, const double *x, long ldx, const double *g, long ldg, double *ct, long m, long n, long k) { return 0; }

#endif
