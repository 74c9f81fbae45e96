// Binary arithmetic over contiguous arrays (or an array and a scalar) at AVX-512 and AVX2
// width. The loops are plain C: the compiler vectorises each one at the width its function's
// target allows. IEEE arithmetic gives the same results at every width. The output may be
// exactly an input (x += y): `assume_safety` lets the loops vectorise anyway, which is sound
// for elementwise loops; partial overlaps are sent back to the caller's loop.
#include "vector_math.h"

#if defined(__x86_64__) && defined(__linux__)

#define VECTORISE _Pragma("clang loop vectorize(assume_safety)")
#define LOOPS(T, EXPR)                                                                           \
    if (sa == 1 && sb == 1) { VECTORISE for (long i = 0; i < n; i++) { T x = a[i], z = b[i]; y[i] = EXPR; } } \
    else if (sa == 1) { T z = b[0]; VECTORISE for (long i = 0; i < n; i++) { T x = a[i]; y[i] = EXPR; } }     \
    else if (sb == 1) { T x = a[0]; VECTORISE for (long i = 0; i < n; i++) { T z = b[i]; y[i] = EXPR; } }     \
    else return 0;                                                                               \
    return 1;

#define DEFINE_BINARY(NAME, TARGET, T)                                                              \
    __attribute__((target(TARGET))) static int NAME(int op, const T *a, long sa, const T *b, long sb, \
                                                    T *y, long n) {                                 \
        switch (op) {                                                                               \
        case MNL_VEC_ADD: { LOOPS(T, x + z) }                                                       \
        case MNL_VEC_SUB: { LOOPS(T, x - z) }                                                       \
        case MNL_VEC_MUL: { LOOPS(T, x * z) }                                                       \
        case MNL_VEC_DIV: { LOOPS(T, x / z) }                                                       \
        default: return 0;                                                                          \
        }                                                                                           \
    }

DEFINE_BINARY(binary_f32_avx512, "avx512f", float)
DEFINE_BINARY(binary_f64_avx512, "avx512f", double)
DEFINE_BINARY(binary_f32_avx2, "avx2,fma", float)
DEFINE_BINARY(binary_f64_avx2, "avx2,fma", double)

/// Whether two byte ranges overlap without being the same array.
static int overlaps(const void *p, long bytesP, const void *q, long bytesQ) {
    const char *a = p, *b = q;
    return a < b + bytesQ && b < a + bytesP && a != b;
}

int mnl_vec_binary_f32(int level, int op, const float *a, long sa, const float *b, long sb, float *y, long n) {
    long bytes = n * (long)sizeof(float);
    if (overlaps(a, sa ? bytes : 4, y, bytes) || overlaps(b, sb ? bytes : 4, y, bytes)) return 0;
    if (level >= 3) return binary_f32_avx512(op, a, sa, b, sb, y, n);
    if (level == 2) return binary_f32_avx2(op, a, sa, b, sb, y, n);
    return 0;
}

int mnl_vec_binary_f64(int level, int op, const double *a, long sa, const double *b, long sb, double *y, long n) {
    long bytes = n * (long)sizeof(double);
    if (overlaps(a, sa ? bytes : 8, y, bytes) || overlaps(b, sb ? bytes : 8, y, bytes)) return 0;
    if (level >= 3) return binary_f64_avx512(op, a, sa, b, sb, y, n);
    if (level == 2) return binary_f64_avx2(op, a, sa, b, sb, y, n);
    return 0;
}

#else

int mnl_vec_binary_f32(int level, int op, const float *a, long sa, const float *b, long sb, float *y, long n) { return 0; }
int mnl_vec_binary_f64(int level, int op, const double *a, long sa, const double *b, long sb, double *y, long n) { return 0; }

#endif
