// Products with a handful of output columns against many rows (X @ W and Xᵀ @ G with W, G of
// at most 16 columns, as in softmax regression on 60000×784 images). General BLAS packs the
// whole of X for these, and that copy is 30-40 % of their time; these loops stream X once
// instead, with W (or the n×k result) small enough to stay in L1.
#include "vector_math.h"

#if defined(__x86_64__) && defined(__linux__)

// c[i, j] = Σ_p x[i, p] · wt[j, p]: dot products of each row of X with the n rows of Wᵀ. The sums
// are reassociated into vector lanes, as BLAS kernels also do. Two rows by four columns are
// done at once (eight sums in registers), so each element of X and Wᵀ that is loaded (and
// widened, when X is float32 and W float64) serves several products: one dot product at a time
// was bound by its two loads per multiply-add. The rest of the rows and columns go one or two
// at a time.
#define DEFINE_NN(NAME, TARGET, TX, T)                                                          \
    __attribute__((target(TARGET))) static void NAME(const TX *x, long ldx, const T *wt, T *c,   \
                                                     long m, long n, long k) {                  \
        _Pragma("clang fp reassociate(on) contract(fast)")                                       \
        long i = 0;                                                                              \
        for (; i + 2 <= m; i += 2) {                                                             \
            const TX *r0 = x + i * ldx, *r1 = r0 + ldx;                                          \
            long j = 0;                                                                          \
            for (; j + 4 <= n; j += 4) {                                                         \
                const T *w0 = wt + j * k, *w1 = w0 + k, *w2 = w1 + k, *w3 = w2 + k;              \
                T a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;                \
                for (long p = 0; p < k; p++) {                                                   \
                    T u = (T)r0[p], v = (T)r1[p];                                                \
                    a0 += u * w0[p]; a1 += u * w1[p]; a2 += u * w2[p]; a3 += u * w3[p];          \
                    b0 += v * w0[p]; b1 += v * w1[p]; b2 += v * w2[p]; b3 += v * w3[p];          \
                }                                                                                \
                T *c0 = c + i * n + j, *c1 = c0 + n;                                             \
                c0[0] = a0; c0[1] = a1; c0[2] = a2; c0[3] = a3;                                  \
                c1[0] = b0; c1[1] = b1; c1[2] = b2; c1[3] = b3;                                  \
            }                                                                                    \
            for (; j < n; j++) {                                                                 \
                const T *w = wt + j * k;                                                         \
                T a = 0, b = 0;                                                                  \
                for (long p = 0; p < k; p++) { a += (T)r0[p] * w[p]; b += (T)r1[p] * w[p]; }     \
                c[i * n + j] = a;                                                                \
                c[(i + 1) * n + j] = b;                                                          \
            }                                                                                    \
        }                                                                                        \
        for (; i < m; i++) {                                                                     \
            const TX *row = x + i * ldx;                                                         \
            for (long j = 0; j < n; j++) {                                                       \
                const T *w = wt + j * k;                                                         \
                T acc = 0;                                                                       \
                for (long p = 0; p < k; p++) acc += (T)row[p] * w[p];                            \
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

DEFINE_NN(nn_f32_avx512, "avx512f", float, float)
DEFINE_NN(nn_f64_avx512, "avx512f", double, double)
DEFINE_NN(nn_f32_f64_avx512, "avx512f", float, double)
DEFINE_NN(nn_f32_avx2, "avx2,fma", float, float)
DEFINE_NN(nn_f64_avx2, "avx2,fma", double, double)
DEFINE_NN(nn_f32_f64_avx2, "avx2,fma", float, double)
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
int mnl_skinny_nn_f32_f64(int level, const float *x, long ldx, const double *wt, double *c, long m, long n, long k) {
    DISPATCH(level, nn_f32_f64_avx512, nn_f32_f64_avx2, x, ldx, wt, c, m, n, k)
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
int mnl_skinny_nn_f32_f64(int level, const float *x, long ldx, const double *wt, double *c, long m, long n, long k) { return 0; }
int mnl_skinny_tn_f32(int level, const float *x, long ldx, const float *g, long ldg, float *ct, long m, long n, long k) { return 0; }
int mnl_skinny_tn_f64(int level, const double *x, long ldx, const double *g, long ldg, double *ct, long m, long n, long k) { return 0; }

#endif
