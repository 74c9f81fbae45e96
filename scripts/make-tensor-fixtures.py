#!/usr/bin/env python3
"""Writes the NumPy reference cases that Tests/TensorKitTests check TensorKit against.

usage: python3 scripts/make-tensor-fixtures.py   (writes Tests/TensorKitTests/Fixtures/*.json)

Each file holds a list of cases {name, op, args, inputs, expected | error}. A tensor is
{shape, dtype, data} with data flattened row-major; NaN and infinities are the strings
"nan", "inf", "-inf". Values come from NumPy; result dtypes follow TensorKit's documented
promotion (NumPy 2 with float32 as the default float), so inputs are cast to TensorKit's
compute dtype before NumPy computes.
"""
import itertools
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "TensorKitTests", "Fixtures")
rng = np.random.default_rng(1234)
DT = {"float32": np.float32, "float64": np.float64, "int64": np.int64, "uint8": np.uint8, "bool": np.bool_}
RANK = ["bool", "uint8", "int64", "float32", "float64"]


def enc(a):
    a = np.asarray(a)
    name = str(a.dtype)
    assert name in DT, name
    data = []
    for v in a.reshape(-1).tolist():
        if isinstance(v, float) and not math.isfinite(v):
            data.append("nan" if math.isnan(v) else ("inf" if v > 0 else "-inf"))
        elif isinstance(v, bool):
            data.append(1 if v else 0)
        else:
            data.append(v)
    return {"shape": list(a.shape), "dtype": name, "data": data}


def promote(a, b):
    return a if RANK.index(a) >= RANK.index(b) else b


def floatres(d):
    return d if d in ("float32", "float64") else "float32"


def sample(shape, dtype, lo=-5, hi=6):
    if dtype == "bool":
        return rng.integers(0, 2, shape).astype(bool)
    if dtype == "uint8":
        return rng.integers(0, 12, shape).astype(np.uint8)
    if dtype == "int64":
        return rng.integers(lo, hi, shape).astype(np.int64)
    return np.round(rng.standard_normal(shape) * 3, 2).astype(DT[dtype])


BIN = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "//": np.floor_divide,
       "%": np.mod, "**": np.power, "maximum": np.maximum, "minimum": np.minimum,
       "==": np.equal, "!=": np.not_equal, "<": np.less, "<=": np.less_equal, ">": np.greater,
       ">=": np.greater_equal, "and": np.logical_and, "or": np.logical_or}
CMP = {"==", "!=", "<", "<=", ">", ">="}


def plan(op, da, db):
    if op in ("and", "or"):
        return "bool", "bool"
    c = promote(da, db)
    if op in CMP:
        return c, "bool"
    if op == "/":
        return floatres(c), floatres(c)
    if c == "bool":
        return ("bool", "bool") if op in ("+", "*", "maximum", "minimum") else ("int64", "int64")
    return c, c


def binary_cases():
    cases = []
    shapes = [((2, 3), (3,)), ((4, 1), (1, 5)), ((2, 1, 3), (4, 1)), ((), (3,)), ((0, 3), (1, 3)),
              ((3, 1), (3,)), ((2, 3), (2, 3))]
    dtypes = [("float32", "float32"), ("int64", "float32"), ("uint8", "int64"), ("float64", "float32"),
              ("int64", "int64"), ("bool", "bool"), ("uint8", "uint8"), ("bool", "float32")]
    with np.errstate(all="ignore"):
        for (sa, sb), (da, db), op in itertools.product(shapes, dtypes, BIN):
            if da == db == "bool" and op == "-":
                continue
            a, b = sample(sa, da), sample(sb, db)
            if op == "**":
                if RANK.index(promote(da, db)) <= 2:
                    b = np.abs(b) % 4
                else:
                    a = np.abs(a)
            c, r = plan(op, da, db)
            ca, cb = a.astype(DT[c]), b.astype(DT[c])
            if c == "bool" and op == "+":
                e = np.logical_or(ca, cb)
            elif c == "bool" and op == "*":
                e = np.logical_and(ca, cb)
            else:
                e = BIN[op](ca, cb)
            e = np.asarray(e).astype(DT[r])
            cases.append({"name": f"{sa}{da} {op} {sb}{db}", "op": "binary", "args": {"op": op},
                          "inputs": [enc(a), enc(b)], "expected": enc(e)})
        # weak scalars, on either side
        for da, s, op, side in itertools.product(["float32", "float64", "int64", "uint8", "bool"], [2.0, 0.5, -3.0],
                                                 ["+", "-", "*", "/", "<", "%"], ["right", "left"]):
            if da == "uint8" and s < 0:
                continue
            a = sample((2, 3), da)
            integral = float(s).is_integer()
            sd = da if da in ("float32", "float64") else (("int64" if da == "bool" else da) if integral else "float32")
            sv = np.asarray(s).astype(DT[sd])
            c, r = plan(op, da, sd) if da != "bool" or not integral else plan(op, "int64", "int64")
            if da == "bool" and not integral:
                c, r = plan(op, "float32", "float32")
            x, y = (a.astype(DT[c]), sv.astype(DT[c])) if side == "right" else (sv.astype(DT[c]), a.astype(DT[c]))
            e = np.asarray(BIN[op](x, y)).astype(DT[r])
            cases.append({"name": f"{da} {op} scalar {s} on {side}", "op": "binary_scalar",
                          "args": {"op": op, "scalar": s, "side": side}, "inputs": [enc(a)], "expected": enc(e)})
        # IEEE specials
        a = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1.0], np.float32)
        b = np.array([0.0, 1.0, np.inf, 2.0, 1.0, np.nan], np.float32)
        for op in ["+", "*", "/", "maximum", "minimum", "<", "==", "%"]:
            cases.append({"name": f"ieee {op}", "op": "binary", "args": {"op": op}, "inputs": [enc(a), enc(b)],
                          "expected": enc(np.asarray(BIN[op](a, b)))})
    return cases


def unary_cases():
    cases = []
    fns = {"neg": np.negative, "exp": np.exp, "log": np.log, "sqrt": np.sqrt, "abs": np.abs, "tanh": np.tanh,
           "sigmoid": lambda x: 1 / (1 + np.exp(-x)), "relu": lambda x: np.maximum(x, 0).astype(x.dtype),
           "sign": np.sign, "floor": np.floor, "ceil": np.ceil, "round": np.round, "square": np.square,
           "isnan": np.isnan}
    floatmath = {"exp", "log", "sqrt", "tanh", "sigmoid"}
    with np.errstate(all="ignore"):
        for dt, (name, f) in itertools.product(["float32", "float64", "int64"], fns.items()):
            a = sample((3, 4), dt)
            if dt == "float32":
                a = np.concatenate([a.reshape(-1), np.array([np.nan, np.inf, -np.inf, 2.5, -2.5, 0.5], np.float32)])
            x = a.astype(DT[floatres(dt)]) if name in floatmath else a
            e = np.asarray(f(x))
            if name in ("floor", "ceil", "round") and dt == "int64":
                e = a.copy()
            cases.append({"name": f"{name} {dt}", "op": "unary", "args": {"op": name}, "inputs": [enc(a)],
                          "expected": enc(e)})
        a = sample((4, 5), "float32")
        for lo, hi in [(-1.0, 1.0), (None, 0.5), (-0.5, None), (2.0, -2.0)]:
            cases.append({"name": f"clip {lo} {hi}", "op": "clip", "args": {"min": lo, "max": hi}, "inputs": [enc(a)],
                          "expected": enc(np.clip(a, lo, hi))})
        c = rng.integers(0, 2, (3, 1)).astype(bool)
        x, y = sample((1, 4), "float32"), sample((3, 4), "int64")
        cases.append({"name": "where broadcast", "op": "where", "args": {}, "inputs": [enc(c), enc(x), enc(y)],
                      "expected": enc(np.where(c, x, y.astype(np.float32)))})
        for src, dst in itertools.product(["float32", "float64", "int64", "uint8", "bool"], repeat=2):
            a = sample((2, 5), src) if src not in ("float32", "float64") else np.array(
                [[-2.7, -0.5, 0.0, 0.5, 2.7], [100.2, 3.99, -3.99, 7.0, 1e-3]], DT[src])
            if dst == "uint8" and src in ("float32", "float64", "int64"):
                a = np.abs(a)
            cases.append({"name": f"cast {src}->{dst}", "op": "cast", "args": {"dtype": dst}, "inputs": [enc(a)],
                          "expected": enc(a.astype(DT[dst]))})
    return cases


def reduction_cases():
    cases = []
    red = {"sum": np.sum, "mean": np.mean, "max": np.max, "min": np.min, "prod": np.prod,
           "std": np.std, "var": np.var, "all": np.all, "any": np.any}
    axes_list = [None, [0], [1], [2], [-1], [0, 1], [0, 2], [1, 2], [-3, -1], [0, 1, 2]]
    for dt in ["float32", "int64", "bool", "float64"]:
        a = sample((2, 3, 4), dt, -3, 4)
        for (name, f), axes, keep in itertools.product(red.items(), axes_list, [False, True]):
            if dt == "bool" and name in ("std", "var", "prod"):
                continue
            x = a.astype(DT[floatres(dt)]) if name in ("mean", "std", "var") else a
            if name in ("sum", "prod") and dt in ("bool", "uint8"):
                x = a.astype(np.int64)
            e = np.asarray(f(x, axis=None if axes is None else tuple(axes), keepdims=keep))
            cases.append({"name": f"{name} {dt} axes={axes} keep={keep}", "op": "reduce",
                          "args": {"op": name, "axes": axes, "keepdims": keep}, "inputs": [enc(a)], "expected": enc(e)})
        for name, axis, keep in itertools.product(["argmax", "argmin"], [None, 0, 1, 2, -1], [False, True]):
            if axis is None and keep:
                continue
            e = getattr(np, name)(a, axis=axis, keepdims=keep)
            cases.append({"name": f"{name} {dt} axis={axis} keep={keep}", "op": name,
                          "args": {"axis": axis, "keepdims": keep}, "inputs": [enc(a)], "expected": enc(np.asarray(e))})
        for axis in [None, 0, 1, 2]:
            x = a.astype(np.int64) if dt in ("bool", "uint8") else a
            cases.append({"name": f"cumsum {dt} axis={axis}", "op": "cumsum", "args": {"axis": axis},
                          "inputs": [enc(a)], "expected": enc(np.cumsum(x, axis=axis))})
    # larger: pairwise paths and parallel chunks
    # {"gen": "mod1000"} inputs hold ((i * 7919) % 1000) / 1000 at flat index i (keeps the files small).
    for shape, axes in [((3, 70000), None), ((3, 70000), [1]), ((70000, 3), [0]), ((2, 40000, 3), [1])]:
        big = ((np.arange(math.prod(shape)) * 7919 % 1000) / 1000).astype(np.float32).reshape(shape)
        cases.append({"name": f"big sum {shape} axes={axes}", "op": "reduce", "args": {"op": "sum", "axes": axes, "keepdims": False},
                      "inputs": [{"shape": list(shape), "dtype": "float32", "gen": "mod1000"}], "expected": enc(np.asarray(big.astype(np.float64).sum(axis=None if axes is None else tuple(axes))).astype(np.float32))})
    # empty and special
    e = np.zeros((0, 3), np.float32)
    cases.append({"name": "sum empty axis 0", "op": "reduce", "args": {"op": "sum", "axes": [0], "keepdims": False},
                  "inputs": [enc(e)], "expected": enc(e.sum(axis=0))})
    cases.append({"name": "sum empty all", "op": "reduce", "args": {"op": "sum", "axes": None, "keepdims": False},
                  "inputs": [enc(e)], "expected": enc(np.asarray(e.sum()))})
    cases.append({"name": "prod empty", "op": "reduce", "args": {"op": "prod", "axes": None, "keepdims": False},
                  "inputs": [enc(e)], "expected": enc(np.asarray(e.prod()))})
    cases.append({"name": "max empty", "op": "reduce", "args": {"op": "max", "axes": [0], "keepdims": False},
                  "inputs": [enc(e)], "error": "invalidArgument"})
    cases.append({"name": "max over size-0 kept axis", "op": "reduce", "args": {"op": "max", "axes": [1], "keepdims": False},
                  "inputs": [enc(e)], "expected": enc(e.max(axis=1))})
    n = np.array([[1.0, np.nan, 3.0], [4.0, 5.0, -1.0]], np.float32)
    for name in ["max", "min", "sum"]:
        cases.append({"name": f"{name} with nan", "op": "reduce", "args": {"op": name, "axes": [1], "keepdims": False},
                      "inputs": [enc(n)], "expected": enc(getattr(np, name)(n, axis=1))})
    cases.append({"name": "argmax with nan", "op": "argmax", "args": {"axis": 1, "keepdims": False},
                  "inputs": [enc(n)], "expected": enc(np.argmax(n, axis=1))})
    return cases


def idx_enc(parts, tensors, base=0):
    """Index components; tensor k refers to the case's inputs[base + k] (inputs[0] is x)."""
    out = []
    for p in parts:
        if p is None:
            out.append("newaxis")
        elif p is Ellipsis:
            out.append("ellipsis")
        elif isinstance(p, slice):
            if p == slice(None):
                out.append("all")
            else:
                out.append({"slice": [p.start, p.stop, p.step]})
        elif isinstance(p, int):
            out.append({"int": p})
        else:
            tensors.append(enc(p))
            out.append({"tensor": base + len(tensors)})
    return out


def indexing_cases():
    cases = []
    x = np.arange(60, dtype=np.float32).reshape(3, 4, 5)
    mask0 = np.array([True, False, True])
    mask2 = rng.integers(0, 2, (3, 4)).astype(bool)
    full = x % 7 > 3
    i0 = np.array([2, 0, -1, 2])
    i1 = np.array([[0, 3], [1, -4]])
    S = slice
    indices = [
        (1,), (-1,), (1, 2), (1, 2, 3), (-1, -1, -1), (S(None),), (S(1, None),), (S(None, None, -1),),
        (S(None), S(1, 3)), (Ellipsis, 0), (Ellipsis, S(None, None, 2)), (0, Ellipsis, -1), (None,), (S(None), None, 1),
        (S(-2, None), S(None, None, -2), S(4, 0, -2)), (S(10, 20),), (S(None, None, -3),), (S(-100, 100),),
        (S(3, 1),), (S(None), S(None), S(-1, -6, -1)),
        (i0,), (i0, S(None)), (S(None), i1), (i0, np.array([0, 1, 2, 3])), (i0, np.array([0, 1, 2, 3]), 2),
        (S(None), np.array([0, 2]), np.array([1, 3])), (np.array([0, 2]), S(None), np.array([1, 3])),
        (1, S(None), np.array([4, 0])), (np.array([0, 1]), 1), (mask0,), (mask0, S(1, 3)), (mask2,), (full,),
        (S(None), S(None), np.array(2)), (np.array([], dtype=np.int64),), (np.array([[0, 2], [1, -3]]),), (Ellipsis, i0),
        (np.array([0, 2]), None, np.array([1, 2])),
    ]
    for idx in indices:
        tensors = []
        comps = idx_enc(idx, tensors)
        e = x[idx]
        cases.append({"name": f"get {idx!r}", "op": "get", "args": {"index": comps}, "inputs": [enc(x)] + tensors,
                      "expected": enc(np.asarray(e))})
    # assignment: (index, value)
    sets = [
        ((S(None), 0), 0.0), ((1,), np.arange(20, dtype=np.float32).reshape(4, 5) * -1), ((1,), np.array([9.0, 8, 7, 6, 5], np.float32)),
        ((i0,), 0.5), ((mask0,), -1.0), ((full,), 0.0), ((mask2,), np.arange(5, dtype=np.float32)),
        ((S(None, None, -1), S(None), 4), np.array([1.0, 2, 3, 4], np.float32)), ((np.array([0, 0]), 1, 1), np.array([5.0, 6.0], np.float32)),
        ((Ellipsis, np.array([1, 3])), np.array([[-1.0], [-2.0], [-3.0], [-4.0]], np.float32)),
        ((i0, np.array([0, 1, 2, 3])), np.array([10.0, 20, 30, 40, 50], np.float32)),
        ((0, 0, S(None)), np.array([7], np.int64)),
    ]
    for idx, v in sets:
        tensors = []
        comps = idx_enc(idx, tensors, base=1)  # inputs are [x, value, index tensors...]
        y = x.copy()
        y[idx] = v
        cases.append({"name": f"set {idx!r}", "op": "set", "args": {"index": comps},
                      "inputs": [enc(x), enc(np.asarray(v, dtype=np.asarray(v).dtype if np.asarray(v).dtype != np.float64 else np.float32))] + tensors,
                      "expected": enc(y)})
    # errors
    for idx, kind in [((3,), "indexOutOfRange"), ((0, -5), "indexOutOfRange"), ((np.array([0, 3]),), "indexOutOfRange"),
                      ((0, 0, 0, 0), "invalidArgument"), ((np.array([True, False]),), "shapeMismatch"),
                      ((np.array([0, 1]), np.array([0, 1, 2])), "shapeMismatch"), ((S(None, None, 0),), "invalidArgument"),
                      ((Ellipsis, Ellipsis), "invalidArgument"), ((np.array([0.5]),), "invalidArgument")]:
        tensors = []
        comps = idx_enc(idx, tensors)
        cases.append({"name": f"get error {idx!r}", "op": "get", "args": {"index": comps}, "inputs": [enc(x)] + tensors, "error": kind})
    cases.append({"name": "set shape error", "op": "set", "args": {"index": [{"int": 0}]},
                  "inputs": [enc(x), enc(np.ones(3, np.float32))], "error": "shapeMismatch"})
    return cases


def matmul_cases():
    cases = []
    specs = [((3, 4), (4, 5), False, False), ((3, 4), (4, 5), True, False), ((3, 4), (4, 5), False, True),
             ((3, 4), (4, 5), True, True), ((4,), (4, 5), False, False), ((3, 4), (4,), False, False),
             ((4,), (4,), False, False), ((2, 3, 4), (2, 4, 5), False, False), ((2, 3, 4), (4, 5), False, False),
             ((3, 4), (2, 4, 5), False, False), ((1, 3, 4), (2, 4, 1), False, False), ((0, 4), (4, 5), False, False),
             ((3, 0), (0, 5), False, False), ((2, 3, 4), (4,), False, False)]
    for dt in ["float32", "float64", "int64"]:
        for sa, sb, ta, tb in specs:
            a, b = sample(sa, dt), sample(sb, dt)
            sa_ = a.T.copy() if ta else a  # stored transposed; the test takes .T
            sb_ = b.T.copy() if tb else b
            e = np.matmul(a, b)  # int64 products stay exact int64, as NumPy's
            cases.append({"name": f"matmul {sa}{'T' if ta else ''} @ {sb}{'T' if tb else ''} {dt}", "op": "matmul",
                          "args": {"ta": ta, "tb": tb}, "inputs": [enc(sa_), enc(sb_)], "expected": enc(np.asarray(e))})
    a = sample((6, 8), "float32")
    cases.append({"name": "matmul strided slice view", "op": "matmul_slices", "args": {},
                  "inputs": [enc(a)], "expected": enc(a[1:4, ::2] @ a[2:6, 1:7:2])})
    for sa, sb in [((3, 4), (5, 6)), ((4,), (5,)), ((2, 3, 4), (3, 4, 5))]:
        cases.append({"name": f"matmul error {sa} {sb}", "op": "matmul", "args": {"ta": False, "tb": False},
                      "inputs": [enc(sample(sa, "float32")), enc(sample(sb, "float32"))], "error": "shapeMismatch"})
    u, v = sample((3,), "float32"), sample((4,), "float32")
    cases.append({"name": "outer", "op": "outer", "args": {}, "inputs": [enc(u), enc(v)], "expected": enc(np.outer(u, v))})
    m = sample((3, 4), "float32")
    cases.append({"name": "norm", "op": "norm", "args": {"axes": None}, "inputs": [enc(m)], "expected": enc(np.asarray(np.linalg.norm(m)))})
    cases.append({"name": "norm axis 1", "op": "norm", "args": {"axes": [1]}, "inputs": [enc(m)], "expected": enc(np.linalg.norm(m, axis=1))})
    return cases


def shape_cases():
    cases = []
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    def add(name, op, args, inputs, expected):
        cases.append({"name": name, "op": op, "args": args, "inputs": [enc(i) for i in inputs], "expected": enc(expected)})
    add("reshape -1", "reshape", {"shape": [4, -1]}, [x], x.reshape(4, -1))
    add("reshape of transpose", "reshape_t", {"shape": [6, 4]}, [x], x.T.reshape(6, 4))
    add("transpose perm", "transpose", {"perm": [1, 2, 0]}, [x], x.transpose(1, 2, 0))
    add("transpose T", "transpose", {"perm": None}, [x], x.T)
    add("squeeze", "squeeze", {"axes": None}, [x.reshape(1, 2, 1, 12)], x.reshape(2, 12))
    add("expand_dims -1", "expand_dims", {"axis": -1}, [x], x[..., None])
    add("concat 1", "concat", {"axis": 1}, [x, x[:, :2] * 2], np.concatenate([x, x[:, :2] * 2], 1))
    add("concat promote", "concat", {"axis": 0}, [x[0], np.ones((1, 4), np.int64)], np.concatenate([x[0], np.ones((1, 4), np.float32)], 0))
    add("stack -1", "stack", {"axis": -1}, [x, x + 1], np.stack([x, x + 1], -1))
    add("repeat axis 1", "repeat", {"n": 2, "axis": 1}, [x], np.repeat(x, 2, axis=1))
    add("repeat flat", "repeat", {"n": 3, "axis": None}, [x[0]], np.repeat(x[0], 3))
    add("tile", "tile", {"reps": [2, 1, 3]}, [x[0]], np.tile(x[0], (2, 1, 3)))
    for parts in [np.split(x, 2, axis=2), np.split(x, [1, 5], axis=1)]:
        pass
    cases.append({"name": "split sections", "op": "split", "args": {"sections": 2, "axis": 2}, "inputs": [enc(x)],
                  "expected_list": [enc(p) for p in np.split(x, 2, axis=2)]})
    cases.append({"name": "split indices", "op": "split", "args": {"indices": [1, 5], "axis": 1}, "inputs": [enc(x)],
                  "expected_list": [enc(p) for p in np.split(x, [1, 5], axis=1)]})
    s = np.array([[3.0, 1.0, np.nan, 2.0], [0.5, -1.0, 0.5, 9.0]], np.float32)
    add("sort axis -1", "sort", {"axis": -1}, [s], np.sort(s, axis=-1))
    add("sort axis 0", "sort", {"axis": 0}, [s], np.sort(s, axis=0))
    add("argsort axis -1", "argsort", {"axis": -1}, [s], np.argsort(s, axis=-1, kind="stable"))
    add("argsort flat", "argsort", {"axis": None}, [s], np.argsort(s, axis=None, kind="stable"))
    lab = np.array([3, 1, 3, 0, 1, 3], np.int64)
    vals, counts = np.unique(lab, return_counts=True)
    cases.append({"name": "unique counts", "op": "unique", "args": {}, "inputs": [enc(lab)], "expected_list": [enc(vals), enc(counts)]})
    add("one_hot", "one_hot", {"k": 4}, [lab], np.eye(4, dtype=np.float32)[lab])
    add("arange int", "arange", {"start": 2, "stop": 11, "step": 3}, [], np.arange(2, 11, 3))
    add("arange float", "arange", {"start": 0, "stop": 1, "step": 0.25}, [], np.arange(0, 1, 0.25, dtype=np.float32))
    add("arange negative step", "arange", {"start": 5, "stop": 0, "step": -2}, [], np.arange(5, 0, -2))
    add("linspace", "linspace", {"start": 0, "stop": 1, "count": 5}, [], np.linspace(0, 1, 5, dtype=np.float32))
    add("eye", "eye", {"n": 3, "m": 4, "k": 1}, [], np.eye(3, 4, 1, dtype=np.float32))
    return cases


def xoshiro_cases():
    # Reference xoshiro256** seeded through splitmix64, as TensorKit's RandomGenerator.
    M = (1 << 64) - 1
    def splitmix(s):
        while True:
            s = (s + 0x9E3779B97F4A7C15) & M
            z = s
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
            yield z ^ (z >> 31)
    def rotl(x, k):
        return ((x << k) | (x >> (64 - k))) & M
    out = []
    for seed in [0, 42, 2**63 + 5]:
        g = splitmix(seed)
        s = [next(g) for _ in range(4)]
        vals = []
        for _ in range(8):
            r = (rotl((s[1] * 5) & M, 7) * 9) & M
            t = (s[1] << 17) & M
            s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
            vals.append(str(r))
        out.append({"seed": str(seed), "next": vals})
    return out


def view_cases():
    """Ops on non-contiguous views: each input is first indexed with args.views[k].index
    (basic components only) and transposed if args.views[k].T."""
    cases = []
    S = slice
    a, b = sample((4, 6), "float32"), sample((3, 4), "float32")
    va = {"index": idx_enc((S(None), S(None, None, 2)), []), "T": True}   # a[:, ::2].T -> (3, 4)
    vb = {"index": idx_enc((S(None, None, -1),), []), "T": False}          # b[::-1]
    ea, eb = a[:, ::2].T, b[::-1]
    for op in ["+", "*", "maximum", "<"]:
        cases.append({"name": f"views {op}", "op": "binary", "args": {"op": op, "views": [va, vb]},
                      "inputs": [enc(a), enc(b)], "expected": enc(BIN[op](ea, eb))})
    vc = {"index": idx_enc((S(None, None, -1), S(1, None, 2)), []), "T": False}
    ec = a[::-1, 1::2]
    cases.append({"name": "view exp", "op": "unary", "args": {"op": "exp", "views": [vc]}, "inputs": [enc(a)],
                  "expected": enc(np.exp(ec))})
    for axes in [None, [0], [1]]:
        cases.append({"name": f"view sum {axes}", "op": "reduce", "args": {"op": "sum", "axes": axes, "keepdims": True, "views": [va]},
                      "inputs": [enc(a)], "expected": enc(np.sum(ea, axis=None if axes is None else tuple(axes), keepdims=True))})
    cases.append({"name": "view argmax", "op": "argmax", "args": {"axis": 0, "keepdims": False, "views": [vc]},
                  "inputs": [enc(a)], "expected": enc(np.argmax(ec, axis=0))})
    cases.append({"name": "view fancy get", "op": "get", "args": {"index": [{"tensor": 1}, "all"], "views": [va]},
                  "inputs": [enc(a), enc(np.array([2, 0]))], "expected": enc(ea[np.array([2, 0]), :])})
    return cases


# Issue 10 (funcs): statistics. Inputs are cast to the float result dtype first (TensorKit's
# order statistics give float32 for integer input, as its mean does; NumPy gives float64).
def statistics_cases():
    cases = []
    T = {"T": True}

    def add(name, op, args, inputs, expected=None, error=None):
        c = {"name": name, "op": op, "args": args, "inputs": [enc(x) for x in inputs]}
        if error:
            c["error"] = error
        else:
            c["expected"] = enc(np.asarray(expected))
        cases.append(c)

    def fl(a):
        return a.astype(DT[floatres(str(a.dtype))])

    axes_list = [None, [0], [1], [-1], [0, 1]]
    for dt in ["float32", "int64", "float64"]:
        a = sample((3, 4), dt, -3, 4)
        for axes, keep in itertools.product(axes_list, [False, True]):
            ax = None if axes is None else tuple(axes)
            for q in [0.0, 0.25, 0.5, 0.9, 1.0]:
                add(f"quantile {dt} q={q} axes={axes} keep={keep}", "quantile", {"q": q, "axes": axes, "keepdims": keep},
                    [a], np.quantile(fl(a), q, axis=ax, keepdims=keep).astype(fl(a).dtype))
            add(f"quantile {dt} q=[.1,.5,.7] axes={axes} keep={keep}", "quantile", {"q": [0.1, 0.5, 0.7], "axes": axes, "keepdims": keep},
                [a], np.quantile(fl(a), [0.1, 0.5, 0.7], axis=ax, keepdims=keep).astype(fl(a).dtype))
            add(f"median {dt} axes={axes} keep={keep}", "median", {"axes": axes, "keepdims": keep}, [a],
                np.median(fl(a), axis=ax, keepdims=keep).astype(fl(a).dtype))
            add(f"ptp {dt} axes={axes} keep={keep}", "ptp", {"axes": axes, "keepdims": keep}, [a], np.ptp(a, axis=ax, keepdims=keep))
            for ddof in [0, 1, 2]:
                for name in ["std", "var"]:
                    add(f"{name} ddof={ddof} {dt} axes={axes} keep={keep}", name, {"ddof": ddof, "axes": axes, "keepdims": keep}, [a],
                        getattr(np, name)(fl(a), axis=ax, keepdims=keep, ddof=ddof).astype(fl(a).dtype))
        for axis in [None, 0, 1, -1]:
            x = a.astype(np.int64) if dt in ("bool", "uint8") else a
            add(f"cumprod {dt} axis={axis}", "cumprod", {"axis": axis}, [a], np.cumprod(x, axis=axis))
            w = np.arange(1, 4 if axis == 0 else 5).astype(np.float32) if axis is not None else sample((3, 4), "float32") ** 2 + 0.5
            add(f"average {dt} axis={axis}", "average", {"axis": axis}, [a, w],
                np.average(fl(a).astype(np.float64), axis=axis, weights=w).astype(np.result_type(fl(a), w)))
        for n, axis in itertools.product([0, 1, 2, 3, 5], [0, 1, -1]):
            add(f"diff {dt} n={n} axis={axis}", "diff", {"n": n, "axis": axis}, [a], np.diff(a, n=n, axis=axis))
    # NaN handling
    nan = np.array([[1.0, np.nan, 3.0, 2.0], [np.nan, np.nan, np.nan, np.nan], [4.0, 5.0, -1.0, 0.5]], np.float32)
    for axes, keep in itertools.product([None, [0], [1]], [False, True]):
        ax = None if axes is None else tuple(axes)
        add(f"nansum axes={axes} keep={keep}", "nansum", {"axes": axes, "keepdims": keep}, [nan], np.nansum(nan, axis=ax, keepdims=keep))
        with np.errstate(all="ignore"):
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                add(f"nanmean axes={axes} keep={keep}", "nanmean", {"axes": axes, "keepdims": keep}, [nan], np.nanmean(nan, axis=ax, keepdims=keep))
        add(f"median with nan axes={axes}", "median", {"axes": axes, "keepdims": keep}, [nan], np.median(nan, axis=ax, keepdims=keep))
    i = sample((2, 5), "int64")
    add("nansum int64", "nansum", {"axes": [1]}, [i], np.nansum(i, axis=1))
    add("nanmean int64", "nanmean", {"axes": None}, [i], np.nanmean(i.astype(np.float32)))
    # size 1, empty, non-contiguous (transposed view) inputs
    one = np.array([7.5], np.float32)
    add("median size 1", "median", {"axes": None}, [one], np.median(one))
    add("quantile size 1", "quantile", {"q": 0.3, "axes": None}, [one], np.quantile(one, 0.3))
    add("diff size 1", "diff", {"n": 1, "axis": -1}, [one], np.diff(one))
    add("diff n past length", "diff", {"n": 3, "axis": -1}, [np.arange(2.0, dtype=np.float32)], np.diff(np.arange(2.0, dtype=np.float32), n=3))
    e = np.zeros((0, 3), np.float32)
    add("cumprod empty", "cumprod", {"axis": 0}, [e], np.cumprod(e, axis=0))
    add("diff empty", "diff", {"n": 1, "axis": 0}, [e], np.diff(e, axis=0))
    add("nansum empty", "nansum", {"axes": [0]}, [e], np.nansum(e, axis=0))
    add("median empty", "median", {"axes": None}, [e], error="invalidArgument")
    add("median over empty kept axis", "median", {"axes": [0]}, [np.zeros((3, 0), np.float32)],
        np.median(np.zeros((3, 0), np.float32), axis=0))
    b = np.array([True, False, False, True])
    add("diff bool", "diff", {"n": 1, "axis": -1}, [b], np.diff(b))
    t = sample((4, 3), "float32")
    for name, op, args, f in [("median", "median", {"axes": [1]}, lambda v: np.median(v, axis=1)),
                              ("quantile", "quantile", {"q": 0.4, "axes": [0]}, lambda v: np.quantile(v, 0.4, axis=0)),
                              ("diff", "diff", {"n": 1, "axis": 0}, lambda v: np.diff(v, axis=0)),
                              ("cumprod", "cumprod", {"axis": 1}, lambda v: np.cumprod(v, axis=1)),
                              ("std ddof 1", "std", {"ddof": 1, "axes": [1]}, lambda v: np.std(v, axis=1, ddof=1))]:
        add(f"{name} of a transposed view", op, dict(args, views=[T]), [t], f(t.T).astype(np.float32))
    # errors
    add("quantile q > 1", "quantile", {"q": 1.5, "axes": None}, [t], error="invalidArgument")
    add("quantile q < 0", "quantile", {"q": -0.1, "axes": None}, [t], error="invalidArgument")
    add("diff negative n", "diff", {"n": -1, "axis": -1}, [t], error="invalidArgument")
    add("diff 0-d", "diff", {"n": 1, "axis": -1}, [np.float32(3)], error="invalidArgument")
    add("average zero weights", "average", {"axis": None}, [t, np.zeros((4, 3), np.float32)], error="invalidArgument")
    add("average 1-D weights without axis", "average", {"axis": None}, [t, np.ones(3, np.float32)], error="invalidArgument")
    add("average weights of the wrong length", "average", {"axis": 1}, [t, np.ones(4, np.float32)], error="shapeMismatch")
    return cases


# Issue 10 (funcs): joining and matrix construction.
def construction_cases():
    cases = []

    def add(name, op, args, inputs, expected=None, error=None):
        c = {"name": name, "op": op, "args": args, "inputs": [enc(x) for x in inputs]}
        if error:
            c["error"] = error
        elif isinstance(expected, (list, tuple)):
            c["expected_list"] = [enc(np.asarray(e)) for e in expected]
        else:
            c["expected"] = enc(np.asarray(expected))
        cases.append(c)

    # float32 with int64 joins to float32 in TensorKit (float32 is the default float).
    v1, v2, s0 = sample(3, "float32"), sample(3, "int64"), np.float32(2.5)
    m1, m2 = sample((2, 3), "float32"), sample((4, 3), "float64")
    for name, f in [("vstack", np.vstack), ("hstack", np.hstack), ("column_stack", np.column_stack)]:
        add(f"{name} 1-D", name, {}, [v1, v2], f([v1, v2]).astype(np.float32))
        add(f"{name} one 1-D", name, {}, [v1], f([v1]))
    add("vstack 2-D and 1-D", "vstack", {}, [m1, v1], np.vstack([m1, v1]))
    add("vstack 2-D", "vstack", {}, [m1, m2], np.vstack([m1, m2]))
    add("vstack 0-d", "vstack", {}, [s0, s0], np.vstack([s0, s0]))
    add("hstack 0-d", "hstack", {}, [s0, v1], np.hstack([s0, v1]))
    add("hstack 2-D", "hstack", {}, [m1, m1.T.T[:, :2]], np.hstack([m1, m1[:, :2]]))
    add("column_stack 2-D and 1-D", "column_stack", {}, [m1, v1[:2]], np.column_stack([m1, v1[:2]]))
    add("hstack mismatch", "hstack", {}, [m1, m2], error="shapeMismatch")
    add("vstack mismatch", "vstack", {}, [m1, sample((2, 2), "float32")], error="shapeMismatch")
    add("concatenate axis=None", "concatenate", {"axis": None}, [m1, v2], np.concatenate([m1, v2], axis=None).astype(np.float32))
    add("concatenate axis=1", "concatenate", {"axis": 1}, [m1, m1], np.concatenate([m1, m1], axis=1))
    add("concatenate empty", "concatenate", {"axis": 0}, [np.zeros((0, 3), np.float32), m1], np.concatenate([np.zeros((0, 3), np.float32), m1]))
    sq = sample((4, 4), "int64")
    rect = sample((3, 5), "float32")
    for k in [-5, -2, -1, 0, 1, 3, 6]:
        add(f"diag 1-D k={k}", "diag", {"k": k}, [v1], np.diag(v1, k=k))
        add(f"diag 2-D square k={k}", "diag", {"k": k}, [sq], np.diag(sq, k=k))
        add(f"diag 2-D rect k={k}", "diag", {"k": k}, [rect], np.diag(rect, k=k))
        add(f"triu k={k}", "triu", {"k": k}, [rect], np.triu(rect, k=k))
        add(f"tril k={k}", "tril", {"k": k}, [rect], np.tril(rect, k=k))
        add(f"trace k={k}", "trace", {"offset": k}, [sq], np.trace(sq, offset=k))
        add(f"eye 3x5 k={k}", "eye", {"n": 3, "m": 5, "k": k}, [], np.eye(3, 5, k=k, dtype=np.float32))
    batch = sample((2, 3, 4), "float32")
    add("triu batched", "triu", {"k": 0}, [batch], np.triu(batch))
    add("tril batched k=1", "tril", {"k": 1}, [batch], np.tril(batch, k=1))
    add("triu 1-D", "triu", {"k": 0}, [v1], np.triu(v1))
    b = sample((3, 3), "bool")
    add("tril bool", "tril", {"k": 0}, [b], np.tril(b))
    add("trace 3-D axes 1,2", "trace", {"offset": 0, "axis1": 1, "axis2": 2}, [batch], np.trace(batch, axis1=1, axis2=2))
    add("trace 3-D axes 0,2 offset -1", "trace", {"offset": -1, "axis1": 0, "axis2": 2}, [batch], np.trace(batch, offset=-1, axis1=0, axis2=2))
    add("trace bool", "trace", {"offset": 0}, [b], np.trace(b))
    add("trace 1-D", "trace", {"offset": 0}, [v1], error="invalidArgument")
    add("diag 3-D", "diag", {"k": 0}, [batch], error="invalidArgument")
    add("diag empty 1-D", "diag", {"k": 0}, [np.zeros(0, np.float32)], np.diag(np.zeros(0, np.float32)))
    add("diag size 1", "diag", {"k": 0}, [np.float32([4])], np.diag(np.float32([4])))
    # non-contiguous inputs: a transposed view and a strided slice
    T = {"T": True}
    add("diag of a transposed view", "diag", {"k": 1, "views": [T]}, [rect], np.diag(rect.T, k=1))
    add("triu of a transposed view", "triu", {"k": 0, "views": [T]}, [rect], np.triu(rect.T))
    add("trace of a transposed view", "trace", {"offset": 1, "views": [T]}, [sq], np.trace(sq.T, offset=1))
    add("diag of a reversed view", "diag", {"k": 0, "views": [{"index": idx_enc((slice(None, None, -1), slice(None, None, 2)), [])}]},
        [rect], np.diag(rect[::-1, ::2]))
    x, y, z = sample(3, "float32"), sample(2, "int64"), sample(4, "float64")
    for ij in [False, True]:
        ind = "ij" if ij else "xy"
        add(f"meshgrid 2 {ind}", "meshgrid", {"ij": ij}, [x, y], np.meshgrid(x, y, indexing=ind))
        add(f"meshgrid 3 {ind}", "meshgrid", {"ij": ij}, [x, y, z], np.meshgrid(x, y, z, indexing=ind))
        add(f"meshgrid 1 {ind}", "meshgrid", {"ij": ij}, [x], np.meshgrid(x, indexing=ind))
        add(f"meshgrid empty {ind}", "meshgrid", {"ij": ij}, [x, np.zeros(0, np.float32)], np.meshgrid(x, np.zeros(0, np.float32), indexing=ind))
    for num, endpoint in itertools.product([0, 1, 2, 5], [True, False]):
        add(f"linspace num={num} endpoint={endpoint}", "linspace_endpoint", {"start": -1.5, "stop": 2.0, "count": num, "endpoint": endpoint}, [],
            np.linspace(-1.5, 2.0, num, endpoint=endpoint, dtype=np.float32))
    add("linspace float64", "linspace_endpoint", {"start": 0, "stop": 1, "count": 7, "endpoint": False, "dtype": "float64"}, [],
        np.linspace(0, 1, 7, endpoint=False))
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    files = {"binary.json": binary_cases(), "unary.json": unary_cases(), "reductions.json": reduction_cases(),
             "indexing.json": indexing_cases(), "matmul.json": matmul_cases(), "shape.json": shape_cases(),
             "xoshiro.json": xoshiro_cases(), "views.json": view_cases(),
             "statistics.json": statistics_cases(), "construction.json": construction_cases()}
    for name, cases in files.items():
        with open(os.path.join(OUT, name), "w") as f:
            json.dump(cases, f, separators=(",", ":"))
        print(f"{name}: {len(cases)} cases")


if __name__ == "__main__":
    main()
