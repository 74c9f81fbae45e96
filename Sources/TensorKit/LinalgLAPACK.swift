/// The LAPACK routines behind `Tensor.solve`, `inv`, `det`, ... as one generic face over the
/// float32 (`s`) and float64 (`d`) entry points, so every decomposition is written once.
/// Matrices are column-major `[T]` buffers of leading dimension = rows; `info` is returned
/// as LAPACK gives it (0 success, > 0 a numerical failure the caller names).
/// The C wrappers in CLAPACK hide the platform: OpenBLAS on Linux, Accelerate on macOS.

import CLAPACK

protocol LAPACKScalar: FloatElement {
    static func gesv(_ n: Int32, _ nrhs: Int32, _ a: inout [Self], _ ipiv: inout [Int32], _ b: inout [Self]) -> Int32
    static func getrf(_ n: Int32, _ a: inout [Self], _ ipiv: inout [Int32]) -> Int32
    static func potrf(_ n: Int32, _ a: inout [Self]) -> Int32
    /// Eigenvalues (ascending) into `w`, eigenvectors over `a` when `vectors`.
    static func syevd(vectors: Bool, _ n: Int32, _ a: inout [Self], _ w: inout [Self]) -> Int32
    /// `jobz` "A", "S" or "N" as LAPACK's gesdd.
    static func gesdd(_ jobz: UInt8, _ m: Int32, _ n: Int32, _ a: inout [Self], _ s: inout [Self],
                      _ u: inout [Self], _ ldu: Int32, _ vt: inout [Self], _ ldvt: Int32) -> Int32
    static func geqrf(_ m: Int32, _ n: Int32, _ a: inout [Self], _ tau: inout [Self]) -> Int32
    static func orgqr(_ m: Int32, _ n: Int32, _ k: Int32, _ a: inout [Self], _ tau: [Self]) -> Int32
    /// Eigenvalues (real parts `wr`, imaginary `wi`) of a general matrix, and the right
    /// eigenvectors into `vr` (n×n) when `vectors`. Overwrites `a`.
    static func geev(vectors: Bool, _ n: Int32, _ a: inout [Self], _ wr: inout [Self], _ wi: inout [Self], _ vr: inout [Self]) -> Int32
    /// Minimum-norm least squares by the SVD, divide and conquer: `b` (ldb × nrhs, ldb =
    /// max(m, n)) becomes the solution in its first n rows; singular values into `s`.
    static func gelsd(_ m: Int32, _ n: Int32, _ nrhs: Int32, _ a: inout [Self], _ b: inout [Self], _ ldb: Int32,
                      _ s: inout [Self], rcond: Self, rank: inout Int32) -> Int32
}

/// Runs a LAPACK routine twice: once with lwork = -1 to ask for the workspace size, then with it.
private func withWorkspace<T: BinaryFloatingPoint>(_ call: (inout [T], Int32) -> Int32) -> Int32 {
    var query = [T](repeating: 0, count: 1)
    let info = call(&query, -1)
    guard info == 0 else { return info }
    let size = max(1, Int(query[0]))
    var work = [T](repeating: 0, count: size)
    return call(&work, Int32(size))
}

extension Float: LAPACKScalar {
    static func gesv(_ n: Int32, _ nrhs: Int32, _ a: inout [Float], _ ipiv: inout [Int32], _ b: inout [Float]) -> Int32 {
        var n = n, nrhs = nrhs, lda = max(1, n), info: Int32 = 0
        mnl_sgesv(&n, &nrhs, &a, &lda, &ipiv, &b, &lda, &info)
        return info
    }
    static func getrf(_ n: Int32, _ a: inout [Float], _ ipiv: inout [Int32]) -> Int32 {
        var n = n, lda = max(1, n), info: Int32 = 0
        mnl_sgetrf(&n, &n, &a, &lda, &ipiv, &info)
        return info
    }
    static func potrf(_ n: Int32, _ a: inout [Float]) -> Int32 {
        var n = n, lda = max(1, n), info: Int32 = 0, uplo = CChar(UInt8(ascii: "L"))
        mnl_spotrf(&uplo, &n, &a, &lda, &info)
        return info
    }
    static func syevd(vectors: Bool, _ n: Int32, _ a: inout [Float], _ w: inout [Float]) -> Int32 {
        var n = n, lda = max(1, n), info: Int32 = 0
        var jobz = CChar(UInt8(ascii: vectors ? "V" : "N")), uplo = CChar(UInt8(ascii: "L"))
        var iquery: Int32 = 0, liwork: Int32 = -1, fquery: Float = 0, lwork: Int32 = -1
        mnl_ssyevd(&jobz, &uplo, &n, &a, &lda, &w, &fquery, &lwork, &iquery, &liwork, &info)
        guard info == 0 else { return info }
        lwork = Int32(max(1, Int(fquery))); liwork = max(1, iquery)
        var work = [Float](repeating: 0, count: Int(lwork)), iwork = [Int32](repeating: 0, count: Int(liwork))
        mnl_ssyevd(&jobz, &uplo, &n, &a, &lda, &w, &work, &lwork, &iwork, &liwork, &info)
        return info
    }
    static func gesdd(_ jobz: UInt8, _ m: Int32, _ n: Int32, _ a: inout [Float], _ s: inout [Float],
                      _ u: inout [Float], _ ldu: Int32, _ vt: inout [Float], _ ldvt: Int32) -> Int32 {
        var m = m, n = n, lda = max(1, m), ldu = ldu, ldvt = ldvt, info: Int32 = 0, job = CChar(jobz)
        var iwork = [Int32](repeating: 0, count: 8 * Int(max(1, min(m, n))))
        return withWorkspace { (work: inout [Float], lwork: Int32) in
            var lwork = lwork
            mnl_sgesdd(&job, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info)
            return info
        }
    }
    static func geqrf(_ m: Int32, _ n: Int32, _ a: inout [Float], _ tau: inout [Float]) -> Int32 {
        var m = m, n = n, lda = max(1, m), info: Int32 = 0
        return withWorkspace { (work: inout [Float], lwork: Int32) in
            var lwork = lwork
            mnl_sgeqrf(&m, &n, &a, &lda, &tau, &work, &lwork, &info)
            return info
        }
    }
    static func orgqr(_ m: Int32, _ n: Int32, _ k: Int32, _ a: inout [Float], _ tau: [Float]) -> Int32 {
        var m = m, n = n, k = k, lda = max(1, m), info: Int32 = 0
        return withWorkspace { (work: inout [Float], lwork: Int32) in
            var lwork = lwork
            mnl_sorgqr(&m, &n, &k, &a, &lda, tau, &work, &lwork, &info)
            return info
        }
    }
    static func geev(vectors: Bool, _ n: Int32, _ a: inout [Float], _ wr: inout [Float], _ wi: inout [Float], _ vr: inout [Float]) -> Int32 {
        var n = n, lda = max(1, n), ldvl: Int32 = 1, ldvr = max(1, n), info: Int32 = 0, vl: Float = 0
        var jobvl = CChar(UInt8(ascii: "N")), jobvr = CChar(UInt8(ascii: vectors ? "V" : "N"))
        return withWorkspace { (work: inout [Float], lwork: Int32) in
            var lwork = lwork
            mnl_sgeev(&jobvl, &jobvr, &n, &a, &lda, &wr, &wi, &vl, &ldvl, &vr, &ldvr, &work, &lwork, &info)
            return info
        }
    }
    static func gelsd(_ m: Int32, _ n: Int32, _ nrhs: Int32, _ a: inout [Float], _ b: inout [Float], _ ldb: Int32,
                      _ s: inout [Float], rcond: Float, rank: inout Int32) -> Int32 {
        var m = m, n = n, nrhs = nrhs, lda = max(1, m), ldb = ldb, rcond = rcond, info: Int32 = 0
        var iquery: Int32 = 0
        return withWorkspace { (work: inout [Float], lwork: Int32) in
            var lwork = lwork
            // The workspace query also sizes iwork, which the real call needs.
            var iwork = [Int32](repeating: 0, count: lwork == -1 ? 1 : Int(max(1, iquery)))
            mnl_sgelsd(&m, &n, &nrhs, &a, &lda, &b, &ldb, &s, &rcond, &rank, &work, &lwork, &iwork, &info)
            if lwork == -1 { iquery = iwork[0] }
            return info
        }
    }
}

extension Double: LAPACKScalar {
    static func gesv(_ n: Int32, _ nrhs: Int32, _ a: inout [Double], _ ipiv: inout [Int32], _ b: inout [Double]) -> Int32 {
        var n = n, nrhs = nrhs, lda = max(1, n), info: Int32 = 0
        mnl_dgesv(&n, &nrhs, &a, &lda, &ipiv, &b, &lda, &info)
        return info
    }
    static func getrf(_ n: Int32, _ a: inout [Double], _ ipiv: inout [Int32]) -> Int32 {
        var n = n, lda = max(1, n), info: Int32 = 0
        mnl_dgetrf(&n, &n, &a, &lda, &ipiv, &info)
        return info
    }
    static func potrf(_ n: Int32, _ a: inout [Double]) -> Int32 {
        var n = n, lda = max(1, n), info: Int32 = 0, uplo = CChar(UInt8(ascii: "L"))
        mnl_dpotrf(&uplo, &n, &a, &lda, &info)
        return info
    }
    static func syevd(vectors: Bool, _ n: Int32, _ a: inout [Double], _ w: inout [Double]) -> Int32 {
        var n = n, lda = max(1, n), info: Int32 = 0
        var jobz = CChar(UInt8(ascii: vectors ? "V" : "N")), uplo = CChar(UInt8(ascii: "L"))
        var iquery: Int32 = 0, liwork: Int32 = -1, fquery: Double = 0, lwork: Int32 = -1
        mnl_dsyevd(&jobz, &uplo, &n, &a, &lda, &w, &fquery, &lwork, &iquery, &liwork, &info)
        guard info == 0 else { return info }
        lwork = Int32(max(1, Int(fquery))); liwork = max(1, iquery)
        var work = [Double](repeating: 0, count: Int(lwork)), iwork = [Int32](repeating: 0, count: Int(liwork))
        mnl_dsyevd(&jobz, &uplo, &n, &a, &lda, &w, &work, &lwork, &iwork, &liwork, &info)
        return info
    }
    static func gesdd(_ jobz: UInt8, _ m: Int32, _ n: Int32, _ a: inout [Double], _ s: inout [Double],
                      _ u: inout [Double], _ ldu: Int32, _ vt: inout [Double], _ ldvt: Int32) -> Int32 {
        var m = m, n = n, lda = max(1, m), ldu = ldu, ldvt = ldvt, info: Int32 = 0, job = CChar(jobz)
        var iwork = [Int32](repeating: 0, count: 8 * Int(max(1, min(m, n))))
        return withWorkspace { (work: inout [Double], lwork: Int32) in
            var lwork = lwork
            mnl_dgesdd(&job, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info)
            return info
        }
    }
    static func geqrf(_ m: Int32, _ n: Int32, _ a: inout [Double], _ tau: inout [Double]) -> Int32 {
        var m = m, n = n, lda = max(1, m), info: Int32 = 0
        return withWorkspace { (work: inout [Double], lwork: Int32) in
            var lwork = lwork
            mnl_dgeqrf(&m, &n, &a, &lda, &tau, &work, &lwork, &info)
            return info
        }
    }
    static func orgqr(_ m: Int32, _ n: Int32, _ k: Int32, _ a: inout [Double], _ tau: [Double]) -> Int32 {
        var m = m, n = n, k = k, lda = max(1, m), info: Int32 = 0
        return withWorkspace { (work: inout [Double], lwork: Int32) in
            var lwork = lwork
            mnl_dorgqr(&m, &n, &k, &a, &lda, tau, &work, &lwork, &info)
            return info
        }
    }
    static func geev(vectors: Bool, _ n: Int32, _ a: inout [Double], _ wr: inout [Double], _ wi: inout [Double], _ vr: inout [Double]) -> Int32 {
        var n = n, lda = max(1, n), ldvl: Int32 = 1, ldvr = max(1, n), info: Int32 = 0, vl: Double = 0
        var jobvl = CChar(UInt8(ascii: "N")), jobvr = CChar(UInt8(ascii: vectors ? "V" : "N"))
        return withWorkspace { (work: inout [Double], lwork: Int32) in
            var lwork = lwork
            mnl_dgeev(&jobvl, &jobvr, &n, &a, &lda, &wr, &wi, &vl, &ldvl, &vr, &ldvr, &work, &lwork, &info)
            return info
        }
    }
    static func gelsd(_ m: Int32, _ n: Int32, _ nrhs: Int32, _ a: inout [Double], _ b: inout [Double], _ ldb: Int32,
                      _ s: inout [Double], rcond: Double, rank: inout Int32) -> Int32 {
        var m = m, n = n, nrhs = nrhs, lda = max(1, m), ldb = ldb, rcond = rcond, info: Int32 = 0
        var iquery: Int32 = 0
        return withWorkspace { (work: inout [Double], lwork: Int32) in
            var lwork = lwork
            // The workspace query also sizes iwork, which the real call needs.
            var iwork = [Int32](repeating: 0, count: lwork == -1 ? 1 : Int(max(1, iquery)))
            mnl_dgelsd(&m, &n, &nrhs, &a, &lda, &b, &ldb, &s, &rcond, &rank, &work, &lwork, &iwork, &info)
            if lwork == -1 { iquery = iwork[0] }
            return info
        }
    }
}
