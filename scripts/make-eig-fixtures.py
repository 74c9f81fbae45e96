#!/usr/bin/env python3
"""Writes the NumPy reference cases for TensorKit's eig and eigvals (LinalgEig.swift).

usage: python3 scripts/make-eig-fixtures.py   (writes Tests/TensorKitTests/Fixtures/eig.json)

Case format as make-linalg-fixtures.py. The order of eigenvalues and the signs of
eigenvectors are LAPACK's choice, so each case stores NumPy's eigenvalues sorted, and the
test compares sorted values and checks a @ v == v * w for the vectors it computes.
Matrices are built with real spectra (P @ diag(d) @ inv(P), triangular, symmetric), since
tensors have no complex dtype; a rotation checks the error for complex eigenvalues.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from importlib import import_module

linalg_fixtures = import_module("make-linalg-fixtures")
case = linalg_fixtures.case
from fixture_support import enc, write_fixture
rng = np.random.default_rng(77)


def real_spectrum(n, batch=()):
    p = rng.standard_normal(batch + (n, n)) + 2 * np.eye(n)
    d = rng.permutation(np.arange(1, n + 1) * 1.5 - n)
    return p @ (d[..., :, None] * np.linalg.inv(p))


def sorted_values(a):
    w = np.linalg.eigvals(a)
    assert np.all(w.imag == 0), "fixture matrix with a complex spectrum"
    return np.sort(w.real, axis=-1)


def eig_cases():
    cases = []
    for dt in (np.float32, np.float64):
        d = np.dtype(dt).name
        for n in (1, 2, 4, 6):
            a = real_spectrum(n).astype(dt)
            case(cases, f"eig {n} {d}", "eig", [a], [sorted_values(a).astype(dt)])
            case(cases, f"eigvals {n} {d}", "eigvals", [a], [sorted_values(a).astype(dt)])
        b = real_spectrum(3, (2,)).astype(dt)
        case(cases, f"eig batched {d}", "eig", [b], [sorted_values(b).astype(dt)])
        t = np.triu(np.round(rng.standard_normal((4, 4)), 1)).astype(dt)
        case(cases, f"eig upper triangular {d}", "eig", [t], [sorted_values(t).astype(dt)])
        case(cases, f"eig transposed view {d}", "eig", [t], [sorted_values(t.T).astype(dt)], transpose=True)
        s = rng.standard_normal((5, 5))
        s = ((s + s.T) / 2).astype(dt)
        case(cases, f"eig symmetric {d}", "eig", [s], [sorted_values(s).astype(dt)])
    ints = np.array([[2, 1], [0, 3]], np.int64)
    case(cases, "eig int64 computes in float64", "eig", [ints], [sorted_values(ints)])
    case(cases, "eig empty", "eig", [np.zeros((0, 0))], [np.zeros(0)])
    case(cases, "eig empty batch", "eig", [np.zeros((0, 3, 3))], [np.zeros((0, 3))])
    rotation = np.array([[0., -1], [1, 0]])
    case(cases, "eig rotation has complex eigenvalues", "eig", [rotation], error="complexEigenvalues(count: 2)")
    mixed = np.array([[1., 0, 0], [0, 0, -1], [0, 1, 0]])
    case(cases, "eigvals one real, two complex", "eigvals", [mixed], error="complexEigenvalues(count: 2)")
    case(cases, "eig not square", "eig", [np.ones((2, 3))], error="notSquare")
    case(cases, "eig vector", "eig", [np.ones(3)], error="notAMatrix")
    case(cases, "eig nan", "eig", [np.array([[1., np.nan], [0, 1]])], error="notFinite")
    case(cases, "eigvals inf", "eigvals", [np.array([[1., np.inf], [0, 1]])], error="notFinite")
    return cases


def main():
    write_fixture("eig", eig_cases())


if __name__ == "__main__":
    main()
