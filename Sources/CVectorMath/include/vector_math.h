#ifndef MNL_VECTOR_MATH_H
#define MNL_VECTOR_MATH_H

/// Elementwise kernels at the CPU's full vector width, chosen at run time: the binary targets
/// the portable x86-64 baseline (4 floats wide), while these run 8 (AVX2) or 16 (AVX-512)
/// wide. Transcendentals come from SLEEF (within 1 ulp). Each function takes the vector level
/// to use (3 = AVX-512, 2 = AVX2 with FMA; TensorKit passes the CPU's, tests pass each) and
/// returns 0, doing nothing, when it has no kernel for that level or function.

/// Unary functions.
enum {
    MNL_VEC_EXP = 0, MNL_VEC_LOG = 1, MNL_VEC_TANH = 2, MNL_VEC_SIGMOID = 3,
    MNL_VEC_SIN = 4, MNL_VEC_COS = 5, MNL_VEC_TAN = 6, MNL_VEC_ASIN = 7, MNL_VEC_ACOS = 8, MNL_VEC_ATAN = 9,
    MNL_VEC_LOG1P = 12, MNL_VEC_EXPM1 = 13, MNL_VEC_LOG2 = 14, MNL_VEC_LOG10 = 15
};
/// Binary arithmetic.
enum { MNL_VEC_ADD = 0, MNL_VEC_SUB = 1, MNL_VEC_MUL = 2, MNL_VEC_DIV = 3 };

/// y[i] = f(x[i]) for i < n; x and y contiguous (they may be the same array).
int mnl_vec_unary_f32(int level, int function, const float *x, float *y, long n);
int mnl_vec_unary_f64(int level, int function, const double *x, double *y, long n);

/// y[i] = a[i * sa] op b[i * sb] for i < n, where sa and sb are 1 (an array) or 0 (a scalar).
int mnl_vec_binary_f32(int level, int op, const float *a, long sa, const float *b, long sb, float *y, long n);
int mnl_vec_binary_f64(int level, int op, const double *a, long sa, const double *b, long sb, double *y, long n);

/// y[i] = x[i] truncated to int64, the minimum int64 for NaN and out-of-range values (convert.c).
int mnl_vec_f32_to_i64(int level, const float *x, long long *y, long n);
int mnl_vec_f64_to_i64(int level, const double *x, long long *y, long n);

/// The first position of the largest (want_max) or smallest of n > 0 contiguous values, or of
/// the first NaN (NumPy's argmax/argmin); -1 when there is no kernel for the level (argextreme.c).
long mnl_vec_argextreme_f32(int level, const float *x, long n, int want_max);
long mnl_vec_argextreme_f64(int level, const double *x, long n, int want_max);

/// Skinny products (skinny.c), rows [0, m) of X (row-major, leading dimension ldx):
/// c (m×n, row-major) = X @ W, with wt the n×k matrix Wᵀ, contiguous;
int mnl_skinny_nn_f32(int level, const float *x, long ldx, const float *wt, float *c, long m, long n, long k);
int mnl_skinny_nn_f64(int level, const double *x, long ldx, const double *wt, double *c, long m, long n, long k);
/// the same with X in float32 and W, c in float64: X is widened as it is read (NumPy's promotion
/// of float32 @ float64, without the float64 copy of X).
int mnl_skinny_nn_f32_f64(int level, const float *x, long ldx, const double *wt, double *c, long m, long n, long k);
/// ct (n×k, contiguous) += Gᵀ @ X, with G row-major (m×n, leading dimension ldg).
int mnl_skinny_tn_f32(int level, const float *x, long ldx, const float *g, long ldg, float *ct, long m, long n, long k);
int mnl_skinny_tn_f64(int level, const double *x, long ldx, const double *g, long ldg, double *ct, long m, long n, long k);


/// Input checks (rows.c), portable: 1 when none of x[0..<n] is NaN or infinite;
int mnl_all_finite_f32(int level, const float *x, long n);
int mnl_all_finite_f64(int level, const double *x, long n);
/// out[i] = Σ_p x[i, p]² in double for the m rows of X (row-major, leading dimension ldx).
int mnl_row_sumsq_f32(int level, const float *x, long ldx, double *out, long m, long k);
int mnl_row_sumsq_f64(int level, const double *x, long ldx, double *out, long m, long k);

#endif
