#!/usr/bin/env python3
"""Writes the NumPy reference cases for TensorKit's linear algebra (Linalg*.swift).

usage: python3 scripts/make-linalg-fixtures.py   (writes Tests/TensorKitTests/Fixtures/linalg.json)

Same case format as make-tensor-fixtures.py: {name, op, args, inputs, expected_list | error}.
`args.transpose` makes the test pass the input's transpose (a non-contiguous view), so the
expected values are computed from a.T here. Results whose signs LAPACK may choose (QR, eigh
vectors, SVD vectors) are compared up to sign by the test (|values| and reconstructions).
"""

import numpy as np

from fixture_support import OUT, enc, write_fixture
rng = np.random.default_rng(2024)
LA = np.linalg




def general(shape, dt):
    return np.round(rng.standard_normal(shape) * 2, 2).astype(dt)


def spd(n, dt, batch=()):
    m = rng.standard_normal(batch + (n, n))
    return (m @ np.swapaxes(m, -1, -2) + n * np.eye(n)).astype(dt)


def symmetric(n, dt):
    m = rng.standard_normal((n, n))
    return ((m + m.T) / 2).astype(dt)


def case(cases, name, op, inputs, expected=None, error=None, **args):
    c = {"name": name, "op": op, "args": args, "inputs": [enc(x) for x in inputs]}
    if error:
        c["error"] = error
    else:
        c["expected_list"] = [enc(e) for e in expected]
    cases.append(c)


def linalg_cases():
    cases = []
    for dt in (np.float32, np.float64):
        d = np.dtype(dt).name
        for shape in [(1, 1), (3, 3), (5, 5), (2, 4, 4)]:
            a = general(shape, dt) + 4 * np.eye(shape[-1], dtype=dt)
            case(cases, f"inv {shape} {d}", "inv", [a], [LA.inv(a)])
            case(cases, f"det {shape} {d}", "det", [a], [np.asarray(LA.det(a), dt)])
            s, l = LA.slogdet(a)
            case(cases, f"slogdet {shape} {d}", "slogdet", [a], [np.asarray(s, dt), np.asarray(l, dt)])
            b = general(shape[:-1] + (2,), dt)
            case(cases, f"solve {shape} {d}", "solve", [a, b], [LA.solve(a, b)])
        a = general((4, 4), dt) + 4 * np.eye(4, dtype=dt)
        case(cases, f"inv transposed view {d}", "inv", [a], [LA.inv(a.T)], transpose=True)
        v = general((4,), dt)
        case(cases, f"solve vector {d}", "solve", [a, v], [LA.solve(a, v)])
        ab = general((3, 4, 4), dt) + 4 * np.eye(4, dtype=dt)
        shared = general((4, 2), dt)
        case(cases, f"solve batched with shared b {d}", "solve", [ab, shared], [LA.solve(ab, shared)])
        for n in (1, 3, 6):
            p = spd(n, dt)
            case(cases, f"cholesky {n} {d}", "cholesky", [p], [LA.cholesky(p)])
            h = symmetric(n, dt)
            w, vec = LA.eigh(h)
            case(cases, f"eigh {n} {d}", "eigh", [h], [w, vec])
            case(cases, f"eigvalsh {n} {d}", "eigvalsh", [h], [LA.eigvalsh(h)])
        pb = spd(3, dt, (2,))
        case(cases, f"cholesky batched {d}", "cholesky", [pb], [LA.cholesky(pb)])
        for shape in [(4, 3), (3, 5), (1, 1), (2, 3, 2)]:
            a = general(shape, dt)
            for mode in ("reduced", "complete"):
                q, r = LA.qr(a, mode=mode)
                case(cases, f"qr {shape} {mode} {d}", "qr", [a], [q, r], mode=mode)
            for full in (True, False):
                u, s, vh = LA.svd(a, full_matrices=full)
                case(cases, f"svd {shape} full={full} {d}", "svd", [a], [u, s, vh], full=full)
            case(cases, f"svd values {shape} {d}", "svdvals", [a], [LA.svd(a, compute_uv=False)])
            case(cases, f"pinv {shape} {d}", "pinv", [a], [LA.pinv(a)])
            case(cases, f"matrix_rank {shape} {d}", "matrix_rank", [a], [np.asarray(LA.matrix_rank(a), np.int64)])
            case(cases, f"cond {shape} {d}", "cond", [a], [np.asarray(LA.cond(a), dt)])
        low = (general((5, 1), dt) @ general((1, 4), dt)).astype(dt)
        case(cases, f"matrix_rank rank 1 {d}", "matrix_rank", [low], [np.asarray(LA.matrix_rank(low), np.int64)])
        a, b = general((6, 3), dt), general((6,), dt)
        x, res, rank, s = LA.lstsq(a, b)
        case(cases, f"lstsq vector {d}", "lstsq", [a, b], [x, res, np.asarray(rank, np.int64), s])
        b2 = general((6, 2), dt)
        x, res, rank, s = LA.lstsq(a, b2)
        case(cases, f"lstsq matrix {d}", "lstsq", [a, b2], [x, res, np.asarray(rank, np.int64), s])
        if dt == np.float32:
            continue  # a rank-deficient float32 lstsq depends on roundoff below the cut-off
        lb = general((5,), dt)
        x, res, rank, s = LA.lstsq(low, lb)
        case(cases, f"lstsq rank deficient {d}", "lstsq", [low, lb], [x, res, np.asarray(rank, np.int64), s])
    # empty and integer input (NumPy computes integers in float64)
    case(cases, "det empty", "det", [np.zeros((0, 0))], [np.asarray(LA.det(np.zeros((0, 0))))])
    case(cases, "inv empty", "inv", [np.zeros((0, 0))], [LA.inv(np.zeros((0, 0)))])
    case(cases, "inv empty batch", "inv", [np.zeros((0, 2, 2))], [LA.inv(np.zeros((0, 2, 2)))])
    ints = np.array([[2, 1], [1, 3]], np.int64)
    case(cases, "inv int64 computes in float64", "inv", [ints], [LA.inv(ints)])
    case(cases, "det singular is 0", "det", [np.array([[1., 2.], [2., 4.]])], [np.asarray(0.0)])
    s, l = LA.slogdet(np.array([[1., 2.], [2., 4.]]))
    case(cases, "slogdet singular", "slogdet", [np.array([[1., 2.], [2., 4.]])], [np.asarray(s), np.asarray(l)])
    # errors NumPy raises LinAlgError for
    sing = np.array([[1., 2.], [2., 4.]])
    case(cases, "inv singular", "inv", [sing], error="singular")
    case(cases, "inv singular in a batch", "inv", [np.stack([np.eye(2), sing])], error="singular")
    case(cases, "solve singular", "solve", [sing, np.ones(2)], error="singular")
    case(cases, "cholesky not positive definite", "cholesky", [np.array([[1., 2.], [2., 1.]])], error="notPositiveDefinite")
    case(cases, "inv not square", "inv", [np.ones((2, 3))], error="notSquare")
    case(cases, "det not square", "det", [np.ones((3, 2))], error="notSquare")
    case(cases, "eigh not square", "eigh", [np.ones((3, 2))], error="notSquare")
    case(cases, "inv vector", "inv", [np.ones(3)], error="notAMatrix")
    case(cases, "svd vector", "svd", [np.ones(3)], error="notAMatrix", full=True)
    case(cases, "solve wrong b", "solve", [np.eye(2), np.ones(3)], error="shapeMismatch")
    return cases


def main():
    write_fixture("linalg", linalg_cases())


if __name__ == "__main__":
    main()
