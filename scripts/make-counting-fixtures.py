#!/usr/bin/env python3
"""Writes the NumPy reference cases for TensorKit's counting and binning (Counting.swift,
Histogram.swift, UniqueFull.swift, Covariance.swift).

usage: python3 scripts/make-counting-fixtures.py   (writes Tests/TensorKitTests/Fixtures/counting.json)

Same case format as make-linalg-fixtures.py: {name, op, args, inputs, expected_list | error}.
`args.view` makes the test pass a view of the first input instead: "transpose" (its
transpose, non-contiguous) or "reverse" (reversed along axis 0, a negative stride); the
expected values are computed here from that same view.
"""

import numpy as np

from fixture_support import OUT, enc, write_fixture
rng = np.random.default_rng(10)




def view(a, kind):
    return {"transpose": lambda: a.T, "reverse": lambda: a[::-1], None: lambda: a}[kind]()


def case(cases, name, op, inputs, fn=None, error=None, **args):
    c = {"name": name, "op": op, "args": args, "inputs": [enc(x) for x in inputs]}
    if error:
        c["error"] = error
    else:
        shown = [view(inputs[0], args.get("view"))] + list(inputs[1:])
        result = fn(*shown)
        c["expected_list"] = [enc(r) for r in (result if isinstance(result, tuple) else (result,))]
    cases.append(c)


def ints(shape, high=6):
    return rng.integers(0, high, shape).astype(np.int64)


def floats(shape, dt=np.float32):
    return np.round(rng.standard_normal(shape) * 3, 1).astype(dt)


def counting_cases():
    cases = []
    # bincount
    for x in [ints(12), np.array([5], np.int64), np.zeros(0, np.int64), np.array([0, 0, 2], np.uint8)]:
        case(cases, f"bincount {x.shape} {x.dtype}", "bincount", [x], lambda x: np.bincount(x))
        case(cases, f"bincount minlength {x.shape}", "bincount", [x], lambda x: np.bincount(x, minlength=8), minlength=8)
    x = ints(10)
    w = floats(10)
    case(cases, "bincount weights", "bincount", [x, w], lambda x, w: np.bincount(x, weights=w))
    case(cases, "bincount reversed", "bincount", [x], lambda x: np.bincount(x), view="reverse")
    case(cases, "bincount negative", "bincount", [np.array([1, -3], np.int64)], error="negativeCount")
    case(cases, "bincount float", "bincount", [np.array([1.0], np.float32)], error="unsupportedDType")
    case(cases, "bincount 2-D", "bincount", [np.zeros((2, 2), np.int64)], error="invalidArgument")

    # histogram
    for dt in (np.float32, np.float64):
        d = np.dtype(dt).name
        a = floats((4, 5), dt)
        case(cases, f"histogram default {d}", "histogram", [a], lambda a: np.histogram(a))
        case(cases, f"histogram 7 bins {d}", "histogram", [a], lambda a: np.histogram(a, bins=7), bins=7)
        case(cases, f"histogram range {d}", "histogram", [a], lambda a: np.histogram(a, bins=4, range=(-2, 2)), bins=4, range=[-2, 2])
        case(cases, f"histogram density {d}", "histogram", [a], lambda a: np.histogram(a, bins=5, density=True), bins=5, density=True)
        case(cases, f"histogram transposed {d}", "histogram", [a], lambda a: np.histogram(a, bins=3), bins=3, view="transpose")
        edges = np.array([-3, -1, 0, 0.5, 4], dt)
        case(cases, f"histogram edges {d}", "histogram", [a, edges], lambda a, e: np.histogram(a, bins=e), edges=True)
        case(cases, f"histogram edges density {d}", "histogram", [a, edges], lambda a, e: np.histogram(a, bins=e, density=True),
             edges=True, density=True)
        w = floats((4, 5), dt)
        case(cases, f"histogram weights {d}", "histogram", [a, w], lambda a, w: np.histogram(a, bins=4, weights=w), bins=4, weights=True)
    ia = ints(15, 10)
    case(cases, "histogram int64", "histogram", [ia], lambda a: np.histogram(a, bins=5), bins=5)
    case(cases, "histogram right edge closed", "histogram", [np.array([0., 1, 2, 3])], lambda a: np.histogram(a, bins=3), bins=3)
    case(cases, "histogram constant", "histogram", [np.array([2., 2, 2])], lambda a: np.histogram(a, bins=4), bins=4)
    case(cases, "histogram size 1", "histogram", [np.array([7.5])], lambda a: np.histogram(a, bins=2), bins=2)
    case(cases, "histogram empty", "histogram", [np.zeros(0)], lambda a: np.histogram(a, bins=3), bins=3)
    case(cases, "histogram reversed", "histogram", [floats(9, np.float64)], lambda a: np.histogram(a, bins=4), bins=4, view="reverse")
    on_edges = np.linspace(0, 1, 101).astype(np.float32)
    case(cases, "histogram values on the edges float32", "histogram", [on_edges], lambda a: np.histogram(a, bins=10), bins=10)
    case(cases, "histogram values on the edges float64", "histogram", [on_edges.astype(np.float64) * 3 - 1],
         lambda a: np.histogram(a, bins=30), bins=30)
    case(cases, "histogram 1000 values 37 bins", "histogram", [floats(1000)], lambda a: np.histogram(a, bins=37), bins=37)
    case(cases, "histogram bool", "histogram", [np.array([True, False])], error="unsupportedDType")
    case(cases, "histogram range too wide", "histogram", [np.array([0., 1])], error="invalidArgument", bins=2, range=[-1e308, 1e308])
    case(cases, "histogram tiny range", "histogram", [np.array([0., 1e-320])], lambda a: np.histogram(a, bins=2, range=(0, 1e-320)),
         bins=2, range=[0, 1e-320])
    case(cases, "histogram bins 0", "histogram", [np.ones(3)], error="invalidArgument", bins=0)
    case(cases, "histogram decreasing edges", "histogram", [np.ones(3), np.array([2., 1])], error="notMonotonic", edges=True)
    case(cases, "histogram nan data", "histogram", [np.array([1., np.nan])], error="invalidArgument")
    case(cases, "histogram inverted range", "histogram", [np.ones(3)], error="invalidArgument", bins=2, range=[2, 1])

    # searchsorted and digitize
    for dt in (np.float32, np.float64, np.int64):
        d = np.dtype(dt).name
        s = np.sort(ints(9, 5)).astype(dt)
        v = np.array([[-1, 0, 2], [2.5, 4, 9]]).astype(dt)
        for side in ("left", "right"):
            case(cases, f"searchsorted {side} {d}", "searchsorted", [s, v], lambda s, v: np.searchsorted(s, v, side=side), side=side)
        case(cases, f"searchsorted scalar {d}", "searchsorted", [s, np.asarray(2, dt)], lambda s, v: np.asarray(np.searchsorted(s, v)))
    nan_sorted = np.array([1., 2, np.nan, np.nan])
    case(cases, "searchsorted nan", "searchsorted", [nan_sorted, np.array([np.nan, 3., 0])],
         lambda s, v: np.searchsorted(s, v, side="left"), side="left")
    case(cases, "searchsorted empty", "searchsorted", [np.zeros(0), np.array([1., 2])], lambda s, v: np.searchsorted(s, v))
    case(cases, "searchsorted empty values", "searchsorted", [np.array([1., 2]), np.zeros(0)], lambda s, v: np.searchsorted(s, v))
    case(cases, "searchsorted 2-D", "searchsorted", [np.zeros((2, 2)), np.ones(1)], error="invalidArgument")
    x = floats((3, 4), np.float64)
    for right in (False, True):
        for bins in (np.array([-2., 0, 0, 1.5, 3]), np.array([3., 1.5, 0, 0, -2])):
            kind = "increasing" if bins[0] < bins[-1] else "decreasing"
            case(cases, f"digitize {kind} right={right}", "digitize", [x, bins], lambda x, b: np.digitize(x, b, right=right), right=right)
    whole = np.array([0., 1.5, 3, -2])
    case(cases, "digitize on edges", "digitize", [whole, np.array([-2., 0, 1.5, 3])], lambda x, b: np.digitize(x, b))
    case(cases, "digitize transposed", "digitize", [x, np.array([-1., 1])], lambda x, b: np.digitize(x, b), view="transpose")
    case(cases, "digitize empty bins", "digitize", [whole, np.zeros(0)], lambda x, b: np.digitize(x, b))
    case(cases, "digitize not monotonic", "digitize", [whole, np.array([1., 3, 2])], error="notMonotonic")

    # unique
    flags = dict(return_index=True, return_inverse=True, return_counts=True)
    for x in [ints((3, 4)), floats(8, np.float64), np.array([np.nan, 1, np.nan, 0.5]), np.zeros(0), np.array([4.0]),
              np.array([True, False, True])]:
        case(cases, f"unique {x.shape} {x.dtype}", "unique", [x], lambda x: np.unique(x, **flags))
    rows = np.array([[1, 2, 0], [0, 5, 1], [1, 2, 0], [0, 5, 0]], np.int64)
    case(cases, "unique axis 0", "unique", [rows], lambda x: np.unique(x, axis=0, **flags), axis=0)
    case(cases, "unique axis 1", "unique", [rows], lambda x: np.unique(x, axis=1, **flags), axis=1)
    case(cases, "unique axis -1 float", "unique", [rows.astype(np.float32)], lambda x: np.unique(x, axis=-1, **flags), axis=-1)
    case(cases, "unique transposed", "unique", [rows], lambda x: np.unique(x, axis=0, **flags), axis=0, view="transpose")
    case(cases, "unique reversed", "unique", [rows], lambda x: np.unique(x, **flags), view="reverse")
    case(cases, "unique axis out of range", "unique", [rows], error="axisOutOfRange", axis=2)

    # cov and corrcoef
    for dt in (np.float32, np.float64, np.int64):
        d = np.dtype(dt).name
        m = (floats((3, 6), np.float64) * (4 if dt == np.int64 else 1)).astype(dt)
        case(cases, f"cov {d}", "cov", [m], lambda m: np.cov(m))
        case(cases, f"corrcoef {d}", "corrcoef", [m], lambda m: np.corrcoef(m))
    m = floats((5, 3), np.float64)
    case(cases, "cov rowvar=false", "cov", [m], lambda m: np.cov(m, rowvar=False), rowvar=False)
    case(cases, "cov bias", "cov", [m], lambda m: np.cov(m, bias=True), bias=True)
    case(cases, "cov ddof=2", "cov", [m], lambda m: np.cov(m, ddof=2), ddof=2)
    case(cases, "cov transposed", "cov", [m], lambda m: np.cov(m), view="transpose")
    case(cases, "cov reversed", "cov", [m], lambda m: np.cov(m), view="reverse")
    y = floats((2, 3), np.float64)
    case(cases, "cov with y", "cov", [m, y], lambda m, y: np.cov(m, y))
    case(cases, "corrcoef with y", "corrcoef", [m, y], lambda m, y: np.corrcoef(m, y))
    case(cases, "corrcoef rowvar=false", "corrcoef", [m], lambda m: np.corrcoef(m, rowvar=False), rowvar=False)
    v = floats(7, np.float64)
    case(cases, "cov vector", "cov", [v], lambda v: np.asarray(np.cov(v)))
    case(cases, "corrcoef vector", "corrcoef", [v], lambda v: np.asarray(np.corrcoef(v)))
    case(cases, "cov one observation", "cov", [np.ones((2, 1))], lambda m: np.cov(m, bias=True), bias=True)
    case(cases, "corrcoef constant row", "corrcoef", [np.array([[1., 1, 1], [1, 2, 4]])],
         lambda m: np.corrcoef(m))
    case(cases, "cov empty", "cov", [np.zeros((0, 3))], lambda m: np.cov(m))
    case(cases, "cov 3-D", "cov", [np.zeros((2, 2, 2))], error="invalidArgument")
    case(cases, "cov y mismatch", "cov", [np.zeros((2, 3)), np.zeros((2, 4))], error="shapeMismatch")
    return cases


def main():
    with np.errstate(all="ignore"):
        write_fixture("counting", counting_cases())


if __name__ == "__main__":
    main()
