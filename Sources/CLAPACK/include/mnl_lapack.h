// The LAPACK routines TensorKit calls, as one set of C functions on every platform.
// `mnl_<routine>` takes the arguments of the Fortran routine `<routine>_` (every argument by
// pointer, column-major matrices) except the hidden CHARACTER lengths, which the wrapper
// supplies (every CHARACTER argument here is one letter), and calls the platform's LAPACK:
// OpenBLAS's on Linux (Debian ships no lapacke.h), Accelerate's on macOS (CLAPACK, whose
// prototypes take no hidden lengths and no const). Swift calls only these wrappers, so the
// ABI difference lives in lapack.c.
#ifndef MNL_LAPACK_H
#define MNL_LAPACK_H
#include <stddef.h>

void mnl_sgesv(const int *n, const int *nrhs, float *a, const int *lda, int *ipiv, float *b, const int *ldb, int *info);
void mnl_dgesv(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b, const int *ldb, int *info);
void mnl_sgetrf(const int *m, const int *n, float *a, const int *lda, int *ipiv, int *info);
void mnl_dgetrf(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);
void mnl_spotrf(const char *uplo, const int *n, float *a, const int *lda, int *info);
void mnl_dpotrf(const char *uplo, const int *n, double *a, const int *lda, int *info);
void mnl_ssyevd(const char *jobz, const char *uplo, const int *n, float *a, const int *lda, float *w, float *work, const int *lwork, int *iwork, const int *liwork, int *info);
void mnl_dsyevd(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w, double *work, const int *lwork, int *iwork, const int *liwork, int *info);
void mnl_sgesdd(const char *jobz, const int *m, const int *n, float *a, const int *lda, float *s, float *u, const int *ldu, float *vt, const int *ldvt, float *work, const int *lwork, int *iwork, int *info);
void mnl_dgesdd(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s, double *u, const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork, int *iwork, int *info);
void mnl_sgeqrf(const int *m, const int *n, float *a, const int *lda, float *tau, float *work, const int *lwork, int *info);
void mnl_dgeqrf(const int *m, const int *n, double *a, const int *lda, double *tau, double *work, const int *lwork, int *info);
void mnl_sorgqr(const int *m, const int *n, const int *k, float *a, const int *lda, const float *tau, float *work, const int *lwork, int *info);
void mnl_dorgqr(const int *m, const int *n, const int *k, double *a, const int *lda, const double *tau, double *work, const int *lwork, int *info);
void mnl_sgeev(const char *jobvl, const char *jobvr, const int *n, float *a, const int *lda, float *wr, float *wi, float *vl, const int *ldvl, float *vr, const int *ldvr, float *work, const int *lwork, int *info);
void mnl_dgeev(const char *jobvl, const char *jobvr, const int *n, double *a, const int *lda, double *wr, double *wi, double *vl, const int *ldvl, double *vr, const int *ldvr, double *work, const int *lwork, int *info);
void mnl_sgelsd(const int *m, const int *n, const int *nrhs, float *a, const int *lda, float *b, const int *ldb, float *s, const float *rcond, int *rank, float *work, const int *lwork, int *iwork, int *info);
void mnl_dgelsd(const int *m, const int *n, const int *nrhs, double *a, const int *lda, double *b, const int *ldb, double *s, const double *rcond, int *rank, double *work, const int *lwork, int *iwork, int *info);

#endif
