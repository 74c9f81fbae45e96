#include "mnl_lapack.h"

#ifdef __APPLE__
#include <Accelerate/Accelerate.h>
// Accelerate's CLAPACK: int-returning, non-const pointers, no hidden CHARACTER lengths.
#define NC(p) ((void *)(p))
#else
// OpenBLAS's Fortran symbols, declared here because Debian ships no lapacke.h.

void sgesv_(const int *n, const int *nrhs, float *a, const int *lda, int *ipiv, float *b, const int *ldb, int *info);
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b, const int *ldb, int *info);
void sgetrf_(const int *m, const int *n, float *a, const int *lda, int *ipiv, int *info);
void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);
void spotrf_(const char *uplo, const int *n, float *a, const int *lda, int *info, size_t);
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t);
void ssyevd_(const char *jobz, const char *uplo, const int *n, float *a, const int *lda, float *w, float *work, const int *lwork, int *iwork, const int *liwork, int *info, size_t, size_t);
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w, double *work, const int *lwork, int *iwork, const int *liwork, int *info, size_t, size_t);
void sgesdd_(const char *jobz, const int *m, const int *n, float *a, const int *lda, float *s, float *u, const int *ldu, float *vt, const int *ldvt, float *work, const int *lwork, int *iwork, int *info, size_t);
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s, double *u, const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork, int *iwork, int *info, size_t);
void sgeqrf_(const int *m, const int *n, float *a, const int *lda, float *tau, float *work, const int *lwork, int *info);
void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau, double *work, const int *lwork, int *info);
void sorgqr_(const int *m, const int *n, const int *k, float *a, const int *lda, const float *tau, float *work, const int *lwork, int *info);
void dorgqr_(const int *m, const int *n, const int *k, double *a, const int *lda, const double *tau, double *work, const int *lwork, int *info);
void sgeev_(const char *jobvl, const char *jobvr, const int *n, float *a, const int *lda, float *wr, float *wi, float *vl, const int *ldvl, float *vr, const int *ldvr, float *work, const int *lwork, int *info, size_t, size_t);
void dgeev_(const char *jobvl, const char *jobvr, const int *n, double *a, const int *lda, double *wr, double *wi, double *vl, const int *ldvl, double *vr, const int *ldvr, double *work, const int *lwork, int *info, size_t, size_t);
void sgelsd_(const int *m, const int *n, const int *nrhs, float *a, const int *lda, float *b, const int *ldb, float *s, const float *rcond, int *rank, float *work, const int *lwork, int *iwork, int *info);
void dgelsd_(const int *m, const int *n, const int *nrhs, double *a, const int *lda, double *b, const int *ldb, double *s, const double *rcond, int *rank, double *work, const int *lwork, int *iwork, int *info);
#endif

void mnl_sgesv(const int *n, const int *nrhs, float *a, const int *lda, int *ipiv, float *b, const int *ldb, int *info) {
#ifdef __APPLE__
    sgesv_(NC(n), NC(nrhs), NC(a), NC(lda), NC(ipiv), NC(b), NC(ldb), NC(info));
#else
    sgesv_(n, nrhs, a, lda, ipiv, b, ldb, info);
#endif
}

void mnl_dgesv(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b, const int *ldb, int *info) {
#ifdef __APPLE__
    dgesv_(NC(n), NC(nrhs), NC(a), NC(lda), NC(ipiv), NC(b), NC(ldb), NC(info));
#else
    dgesv_(n, nrhs, a, lda, ipiv, b, ldb, info);
#endif
}

void mnl_sgetrf(const int *m, const int *n, float *a, const int *lda, int *ipiv, int *info) {
#ifdef __APPLE__
    sgetrf_(NC(m), NC(n), NC(a), NC(lda), NC(ipiv), NC(info));
#else
    sgetrf_(m, n, a, lda, ipiv, info);
#endif
}

void mnl_dgetrf(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info) {
#ifdef __APPLE__
    dgetrf_(NC(m), NC(n), NC(a), NC(lda), NC(ipiv), NC(info));
#else
    dgetrf_(m, n, a, lda, ipiv, info);
#endif
}

void mnl_spotrf(const char *uplo, const int *n, float *a, const int *lda, int *info) {
#ifdef __APPLE__
    (void)uplo_len;
    spotrf_(NC(uplo), NC(n), NC(a), NC(lda), NC(info));
#else
    spotrf_(uplo, n, a, lda, info, 1);
#endif
}

void mnl_dpotrf(const char *uplo, const int *n, double *a, const int *lda, int *info) {
#ifdef __APPLE__
    (void)uplo_len;
    dpotrf_(NC(uplo), NC(n), NC(a), NC(lda), NC(info));
#else
    dpotrf_(uplo, n, a, lda, info, 1);
#endif
}

void mnl_ssyevd(const char *jobz, const char *uplo, const int *n, float *a, const int *lda, float *w, float *work, const int *lwork, int *iwork, const int *liwork, int *info) {
#ifdef __APPLE__
    (void)jobz_len;
    (void)uplo_len;
    ssyevd_(NC(jobz), NC(uplo), NC(n), NC(a), NC(lda), NC(w), NC(work), NC(lwork), NC(iwork), NC(liwork), NC(info));
#else
    ssyevd_(jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork, info, 1, 1);
#endif
}

void mnl_dsyevd(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w, double *work, const int *lwork, int *iwork, const int *liwork, int *info) {
#ifdef __APPLE__
    (void)jobz_len;
    (void)uplo_len;
    dsyevd_(NC(jobz), NC(uplo), NC(n), NC(a), NC(lda), NC(w), NC(work), NC(lwork), NC(iwork), NC(liwork), NC(info));
#else
    dsyevd_(jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork, info, 1, 1);
#endif
}

void mnl_sgesdd(const char *jobz, const int *m, const int *n, float *a, const int *lda, float *s, float *u, const int *ldu, float *vt, const int *ldvt, float *work, const int *lwork, int *iwork, int *info) {
#ifdef __APPLE__
    (void)jobz_len;
    sgesdd_(NC(jobz), NC(m), NC(n), NC(a), NC(lda), NC(s), NC(u), NC(ldu), NC(vt), NC(ldvt), NC(work), NC(lwork), NC(iwork), NC(info));
#else
    sgesdd_(jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, iwork, info, 1);
#endif
}

void mnl_dgesdd(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s, double *u, const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork, int *iwork, int *info) {
#ifdef __APPLE__
    (void)jobz_len;
    dgesdd_(NC(jobz), NC(m), NC(n), NC(a), NC(lda), NC(s), NC(u), NC(ldu), NC(vt), NC(ldvt), NC(work), NC(lwork), NC(iwork), NC(info));
#else
    dgesdd_(jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, iwork, info, 1);
#endif
}

void mnl_sgeqrf(const int *m, const int *n, float *a, const int *lda, float *tau, float *work, const int *lwork, int *info) {
#ifdef __APPLE__
    sgeqrf_(NC(m), NC(n), NC(a), NC(lda), NC(tau), NC(work), NC(lwork), NC(info));
#else
    sgeqrf_(m, n, a, lda, tau, work, lwork, info);
#endif
}

void mnl_dgeqrf(const int *m, const int *n, double *a, const int *lda, double *tau, double *work, const int *lwork, int *info) {
#ifdef __APPLE__
    dgeqrf_(NC(m), NC(n), NC(a), NC(lda), NC(tau), NC(work), NC(lwork), NC(info));
#else
    dgeqrf_(m, n, a, lda, tau, work, lwork, info);
#endif
}

void mnl_sorgqr(const int *m, const int *n, const int *k, float *a, const int *lda, const float *tau, float *work, const int *lwork, int *info) {
#ifdef __APPLE__
    sorgqr_(NC(m), NC(n), NC(k), NC(a), NC(lda), NC(tau), NC(work), NC(lwork), NC(info));
#else
    sorgqr_(m, n, k, a, lda, tau, work, lwork, info);
#endif
}

void mnl_dorgqr(const int *m, const int *n, const int *k, double *a, const int *lda, const double *tau, double *work, const int *lwork, int *info) {
#ifdef __APPLE__
    dorgqr_(NC(m), NC(n), NC(k), NC(a), NC(lda), NC(tau), NC(work), NC(lwork), NC(info));
#else
    dorgqr_(m, n, k, a, lda, tau, work, lwork, info);
#endif
}

void mnl_sgeev(const char *jobvl, const char *jobvr, const int *n, float *a, const int *lda, float *wr, float *wi, float *vl, const int *ldvl, float *vr, const int *ldvr, float *work, const int *lwork, int *info) {
#ifdef __APPLE__
    (void)jobvl_len;
    (void)jobvr_len;
    sgeev_(NC(jobvl), NC(jobvr), NC(n), NC(a), NC(lda), NC(wr), NC(wi), NC(vl), NC(ldvl), NC(vr), NC(ldvr), NC(work), NC(lwork), NC(info));
#else
    sgeev_(jobvl, jobvr, n, a, lda, wr, wi, vl, ldvl, vr, ldvr, work, lwork, info, 1, 1);
#endif
}

void mnl_dgeev(const char *jobvl, const char *jobvr, const int *n, double *a, const int *lda, double *wr, double *wi, double *vl, const int *ldvl, double *vr, const int *ldvr, double *work, const int *lwork, int *info) {
#ifdef __APPLE__
    (void)jobvl_len;
    (void)jobvr_len;
    dgeev_(NC(jobvl), NC(jobvr), NC(n), NC(a), NC(lda), NC(wr), NC(wi), NC(vl), NC(ldvl), NC(vr), NC(ldvr), NC(work), NC(lwork), NC(info));
#else
    dgeev_(jobvl, jobvr, n, a, lda, wr, wi, vl, ldvl, vr, ldvr, work, lwork, info, 1, 1);
#endif
}

void mnl_sgelsd(const int *m, const int *n, const int *nrhs, float *a, const int *lda, float *b, const int *ldb, float *s, const float *rcond, int *rank, float *work, const int *lwork, int *iwork, int *info) {
#ifdef __APPLE__
    sgelsd_(NC(m), NC(n), NC(nrhs), NC(a), NC(lda), NC(b), NC(ldb), NC(s), NC(rcond), NC(rank), NC(work), NC(lwork), NC(iwork), NC(info));
#else
    sgelsd_(m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, iwork, info);
#endif
}

void mnl_dgelsd(const int *m, const int *n, const int *nrhs, double *a, const int *lda, double *b, const int *ldb, double *s, const double *rcond, int *rank, double *work, const int *lwork, int *iwork, int *info) {
#ifdef __APPLE__
    dgelsd_(NC(m), NC(n), NC(nrhs), NC(a), NC(lda), NC(b), NC(ldb), NC(s), NC(rcond), NC(rank), NC(work), NC(lwork), NC(iwork), NC(info));
#else
    dgelsd_(m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, iwork, info);
#endif
}
