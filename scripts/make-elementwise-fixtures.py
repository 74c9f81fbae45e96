#!/usr/bin/env python3
"""Writes the NumPy reference cases for issue 10's element-wise functions and contractions.

usage: python3 scripts/make-elementwise-fixtures.py
       (writes Tests/TensorKitTests/Fixtures/elementwise.json and contractions.json)

Case format as in make-tensor-fixtures.py: {name, op, args, inputs, expected_list | error}.
`args.views[k]` = {index: basic index components, T: bool} turns input k into a view
(sliced, reversed, transposed) before the op; the expected values are computed from that view.

dtype rule: TensorKit gives float32 where NumPy gives float64 for an integer input to a float
function (exp's rule, Grammar.md "NumPy differences"), so integer inputs of the float functions
are cast to float32 before NumPy computes the expected values.
"""

import numpy as np

from fixture_support import OUT, enc, write_fixture
rng = np.random.default_rng(1010)




def index_enc(parts):
    out = []
    for p in parts:
        if p == slice(None):
            out.append("all")
        elif isinstance(p, slice):
            out.append({"slice": [p.start, p.stop, p.step]})
        else:
            out.append({"int": p})
    return out


def view(parts=(), T=False):
    """A view description and the function that makes the same view in NumPy."""
    def apply(a):
        v = a[tuple(parts)] if parts else a
        return v.T if T else v
    return {"index": index_enc(parts), "T": T}, apply


PLAIN = view()
TRANSPOSED = view(T=True)
REVERSED = view((slice(None, None, -1),))
STRIDED = view((slice(None, None, -1), slice(1, None, 2)))   # a[::-1, 1::2]
TRANSPOSED_REVERSED = view((slice(None, None, -1),), T=True)  # a[::-1].T


def case(cases, name, op, inputs, expected=None, error=None, views=None, **args):
    if views:
        args["views"] = [v[0] for v in views]
    c = {"name": name, "op": op, "args": args, "inputs": [enc(x) for x in inputs]}
    if error:
        c["error"] = error
    else:
        c["expected_list"] = [enc(e) for e in (expected if isinstance(expected, list) else [expected])]
    cases.append(c)


def viewed(inputs, views):
    return [v[1](x) for x, v in zip(inputs, views)] if views else inputs


def floats(shape, dt, scale=2.0):
    return (rng.standard_normal(shape) * scale).astype(dt)


def float_input(a):
    return a.astype(np.float32) if a.dtype.kind in "iub" else a


UNARY = {"log1p": np.log1p, "expm1": np.expm1, "log2": np.log2, "log10": np.log10, "sin": np.sin, "cos": np.cos,
         "tan": np.tan, "arcsin": np.arcsin, "arccos": np.arccos, "arctan": np.arctan, "sinh": np.sinh, "cosh": np.cosh}
POSITIVE = {"log1p", "log2", "log10"}
UNIT = {"arcsin", "arccos"}


def unary_input(name, shape, dt):
    a = floats(shape, dt)
    if name in POSITIVE:
        a = np.abs(a).astype(dt)
    if name in UNIT:
        a = np.tanh(a).astype(dt)
    return a


def elementwise_cases():
    cases = []
    with np.errstate(all="ignore"):
        for name, f in UNARY.items():
            for dt in (np.float32, np.float64):
                d = np.dtype(dt).name
                for shape in [(0,), (1,), (7,), (3, 4)]:
                    a = unary_input(name, shape, dt)
                    case(cases, f"{name} {shape} {d}", "unary", [a], f(a), op_name=name)
                a = unary_input(name, (4, 6), dt)
                for label, v in [("transposed", TRANSPOSED), ("reversed strided", STRIDED)]:
                    case(cases, f"{name} {label} {d}", "unary", [a], f(v[1](a)), views=[v], op_name=name)
            ints = np.array([0, 1, 2, 3], np.int64)
            case(cases, f"{name} int64 gives float32", "unary", [ints], f(float_input(ints)), op_name=name)
            special = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 1e-10], np.float64)
            case(cases, f"{name} special values", "unary", [special], f(special), op_name=name)
        for dt in (np.float32, np.float64):
            a = (floats((3, 5), dt, 3)).astype(dt)
            case(cases, f"trunc {np.dtype(dt).name}", "unary", [a], np.trunc(a), op_name="trunc")
            case(cases, f"trunc reversed {np.dtype(dt).name}", "unary", [a], np.trunc(a[::-1, 1::2]), views=[STRIDED], op_name="trunc")
        case(cases, "trunc special", "unary", [np.array([-0.5, 0.5, np.inf, np.nan, -2.7])], np.trunc(np.array([-0.5, 0.5, np.inf, np.nan, -2.7])), op_name="trunc")
        case(cases, "trunc int64 stays int64", "unary", [np.array([3, -2], np.int64)], np.trunc(np.array([3, -2], np.int64)), op_name="trunc")
        case(cases, "trunc empty", "unary", [np.zeros((0, 3), np.float32)], np.trunc(np.zeros((0, 3), np.float32)), op_name="trunc")

        # arctan2(y, x): broadcasting, quadrants, signed zeros, infinities
        for dt in (np.float32, np.float64):
            d = np.dtype(dt).name
            y, x = floats((3, 1), dt), floats((1, 4), dt)
            case(cases, f"arctan2 broadcast {d}", "arctan2", [y, x], np.arctan2(y, x))
            y2, x2 = floats((4, 6), dt), floats((3, 4), dt)
            case(cases, f"arctan2 views {d}", "arctan2", [y2, x2], np.arctan2(STRIDED[1](y2), TRANSPOSED_REVERSED[1](x2)),
                 views=[STRIDED, TRANSPOSED_REVERSED])
        sy = np.array([0.0, -0.0, 0.0, -0.0, 1.0, -1.0, np.inf, np.inf, np.nan, 1.0])
        sx = np.array([0.0, 0.0, -0.0, -0.0, 0.0, 0.0, np.inf, -np.inf, 1.0, -np.inf])
        case(cases, "arctan2 special values", "arctan2", [sy, sx], np.arctan2(sy, sx))
        iy, ix = np.array([1, -1, 0], np.int64), np.array([0, 0, -1], np.int64)
        case(cases, "arctan2 int64 gives float32", "arctan2", [iy, ix], np.arctan2(float_input(iy), float_input(ix)))
        f32, f64 = np.array([1, 2], np.float32), np.array([[1.0], [-1.0]])
        case(cases, "arctan2 float32 with float64 is float64", "arctan2", [f32, f64], np.arctan2(f32, f64))
        case(cases, "arctan2 empty", "arctan2", [np.zeros((0, 2), np.float32), np.ones(2, np.float32)],
             np.arctan2(np.zeros((0, 2), np.float32), np.ones(2, np.float32)))
        case(cases, "arctan2 shape mismatch", "arctan2", [np.ones(3), np.ones(2)], error="shapeMismatch")

        # nan_to_num
        special = np.array([np.nan, np.inf, -np.inf, 1.5, -0.0])
        for dt in (np.float32, np.float64):
            s = special.astype(dt)
            case(cases, f"nan_to_num defaults {np.dtype(dt).name}", "nan_to_num", [s], np.nan_to_num(s))
            case(cases, f"nan_to_num chosen {np.dtype(dt).name}", "nan_to_num", [s], np.nan_to_num(s, nan=-1, posinf=9, neginf=-9),
                 nan=-1, posinf=9, neginf=-9)
        m = np.array([[np.nan, 1], [np.inf, -np.inf], [2, np.nan]], np.float32)
        case(cases, "nan_to_num transposed", "nan_to_num", [m], np.nan_to_num(m.T, nan=5), views=[TRANSPOSED], nan=5)
        case(cases, "nan_to_num int64 copies", "nan_to_num", [np.array([1, 2], np.int64)], np.nan_to_num(np.array([1, 2], np.int64)))
        case(cases, "nan_to_num empty", "nan_to_num", [np.zeros(0)], np.nan_to_num(np.zeros(0)))

        # round(decimals=): halves to even, on x * 10**d (x / 10**-d below 0)
        for dt in (np.float32, np.float64):
            d = np.dtype(dt).name
            a = np.array([0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 123.456, -987.65, np.nan, np.inf], dt)
            for dec in (0, 1, 2, 3, -1, -2):
                case(cases, f"round {dec} {d}", "round", [a], np.round(a, dec), decimals=dec)
            b = floats((4, 6), dt, 100)
            case(cases, f"round views {d}", "round", [b], np.round(b[::-1, 1::2], 1), views=[STRIDED], decimals=1)
        ints = np.array([1234, 1250, 1350, -1250, 7], np.int64)
        for dec in (0, 2, -1, -2):
            case(cases, f"round int64 {dec}", "round", [ints], np.round(ints, dec), decimals=dec)
        case(cases, "round empty", "round", [np.zeros((2, 0))], np.round(np.zeros((2, 0)), 2), decimals=2)

        # clip with tensor bounds (broadcast), and nil for one side
        for dt in (np.float32, np.float64):
            d = np.dtype(dt).name
            x, lo, hi = floats((3, 4), dt), floats((4,), dt) - 1, floats((3, 1), dt) + 1
            case(cases, f"clip tensor bounds {d}", "clip", [x, lo, hi], np.clip(x, lo, hi))
            case(cases, f"clip lower only {d}", "clip", [x, lo], np.clip(x, lo, None), sides="min")
            case(cases, f"clip upper only {d}", "clip", [x, hi], np.clip(x, None, hi), sides="max")
            w, hi4 = floats((4, 6), dt), floats((4, 1), dt) + 1
            case(cases, f"clip views {d}", "clip", [w, lo[:3], hi4], np.clip(w[::-1, 1::2], lo[:3], hi4), views=[STRIDED, PLAIN, PLAIN])
        x = np.array([1, 5, 9], np.int64)
        case(cases, "clip int64 with int64 bounds", "clip", [x, np.array([2, 2, 2], np.int64), np.array([3, 4, 8], np.int64)],
             np.clip(x, np.array([2, 2, 2], np.int64), np.array([3, 4, 8], np.int64)))
        case(cases, "clip int64 with float32 bounds is float32", "clip", [x, np.array([2.5], np.float32), np.array([8.5], np.float32)],
             np.clip(x.astype(np.float32), np.float32(2.5), np.float32(8.5)))
        case(cases, "clip min above max gives max", "clip", [np.array([1., 5.]), np.array([4.]), np.array([2.])],
             np.clip(np.array([1., 5.]), 4., 2.))
        case(cases, "clip nan in x and bound", "clip", [np.array([np.nan, 1., 2.]), np.array([0., np.nan, 0.]), np.array([3.])],
             np.clip(np.array([np.nan, 1., 2.]), np.array([0., np.nan, 0.]), 3.))
        case(cases, "clip broadcast grows the shape", "clip", [np.array([1., 5.]), np.array([[0.], [3.]]), np.array([4.])],
             np.clip(np.array([1., 5.]), np.array([[0.], [3.]]), 4.))
        case(cases, "clip empty", "clip", [np.zeros((0, 2)), np.zeros(2), np.ones(2)], np.clip(np.zeros((0, 2)), 0, 1))
        case(cases, "clip bound shape mismatch", "clip", [np.ones(3), np.ones(2), np.ones(3)], error="shapeMismatch")
    return cases


def ints(shape):
    return rng.integers(-5, 6, shape).astype(np.int64)


def ord_enc(o):
    return "inf" if o == np.inf else ("-inf" if o == -np.inf else o)


def contraction_cases():
    cases = []
    for dt in (np.float32, np.float64):
        d = np.dtype(dt).name
        a1, b1 = floats((5,), dt), floats((5,), dt)
        case(cases, f"inner vectors {d}", "inner", [a1, b1], np.asarray(np.inner(a1, b1)))
        a3, b2 = floats((2, 3, 4), dt), floats((5, 4), dt)
        case(cases, f"inner 3-D with 2-D {d}", "inner", [a3, b2], np.inner(a3, b2))
        m = floats((4, 3), dt)
        case(cases, f"inner transposed and reversed views {d}", "inner", [m, b2], np.inner(m.T, b2[::-1]), views=[TRANSPOSED, REVERSED])
        k1, k2 = floats((2, 2), dt), floats((2, 3), dt)
        case(cases, f"kron 2-D {d}", "kron", [k1, k2], np.kron(k1, k2))
        case(cases, f"kron 1-D with 2-D {d}", "kron", [a1[:3], k2], np.kron(a1[:3], k2))
        case(cases, f"kron transposed view {d}", "kron", [k2, k1], np.kron(k2.T, k1), views=[TRANSPOSED, PLAIN])
        t1, t2 = floats((2, 3, 4), dt), floats((3, 4, 5), dt)
        for n, x, y in [(0, t1[0, 0], t2[0, 0]), (1, t1, t2[0]), (2, t1, t2)]:
            case(cases, f"tensordot axes={n} {d}", "tensordot", [x, y], np.tensordot(x, y, axes=n), axes=n)
        t3 = floats((4, 2, 3), dt)
        case(cases, f"tensordot axis lists {d}", "tensordot", [t1, t3], np.tensordot(t1, t3, axes=([1, 2], [2, 0])), axes=[[1, 2], [2, 0]])
        t4 = floats((4, 3), dt)
        case(cases, f"tensordot views {d}", "tensordot", [t2[0], t4], np.tensordot(t2[0].T, t4[::-1], axes=1),
             views=[TRANSPOSED, REVERSED], axes=1)
        for mode in ("full", "same", "valid"):
            long, short = floats((7,), dt), floats((3,), dt)
            case(cases, f"convolve {mode} {d}", "convolve", [long, short], np.convolve(long, short, mode), mode=mode)
            case(cases, f"convolve {mode} short first {d}", "convolve", [short, long], np.convolve(short, long, mode), mode=mode)
            case(cases, f"convolve {mode} equal lengths {d}", "convolve", [long[:4], short[:1].repeat(4)], np.convolve(long[:4], short[:1].repeat(4), mode), mode=mode)
            case(cases, f"convolve {mode} reversed view {d}", "convolve", [long, short], np.convolve(long[::-1], short, mode), views=[REVERSED, PLAIN], mode=mode)
        case(cases, f"convolve size 1 {d}", "convolve", [a1[:1], b1], np.convolve(a1[:1], b1), mode="full")
    ia, ib = ints((4,)), ints((4,))
    case(cases, "inner int64 exact", "inner", [ia, ib], np.asarray(np.inner(ia, ib)))
    k3, k4 = ints((2, 2)), ints((3,))
    case(cases, "kron int64", "kron", [k3, k4], np.kron(k3, k4))
    case(cases, "kron empty", "kron", [np.zeros((0, 2), np.float32), np.ones((2, 2), np.float32)], np.kron(np.zeros((0, 2), np.float32), np.ones((2, 2), np.float32)))
    case(cases, "inner empty", "inner", [np.zeros((2, 0), np.float32), np.zeros((3, 0), np.float32)], np.inner(np.zeros((2, 0), np.float32), np.zeros((3, 0), np.float32)))
    c1, c2 = ints((6,)), ints((3,))
    case(cases, "convolve int64 exact", "convolve", [c1, c2], np.convolve(c1, c2), mode="full")
    case(cases, "inner shape mismatch", "inner", [np.ones(3), np.ones(2)], error="shapeMismatch")
    case(cases, "tensordot shape mismatch", "tensordot", [np.ones((2, 3)), np.ones((2, 3))], error="shapeMismatch", axes=1)
    case(cases, "tensordot axis out of range", "tensordot", [np.ones((2, 3)), np.ones((3,))], error="axisOutOfRange", axes=[[2], [0]])
    case(cases, "convolve empty", "convolve", [np.zeros(0), np.ones(2)], error="invalidArgument", mode="full")
    case(cases, "convolve 2-D", "convolve", [np.ones((2, 2)), np.ones(2)], error="invalidArgument", mode="full")
    case(cases, "convolve bad mode", "convolve", [np.ones(3), np.ones(2)], error="invalidArgument", mode="wide")

    # einsum
    def es(subscripts, *ops, views=None, name=None):
        seen = viewed(list(ops), views)
        case(cases, name or f"einsum {subscripts} {ops[0].dtype}", "einsum", list(ops), np.asarray(np.einsum(subscripts, *seen)),
             views=views, subscripts=subscripts)
    for dt in (np.float32, np.float64):
        a, b, sq = floats((3, 4), dt), floats((4, 5), dt), floats((4, 4), dt)
        v, w = floats((4,), dt), floats((3,), dt)
        es("ij,jk->ik", a, b); es("ij,jk", a, b); es("ij,kj->ik", a, a); es("ji,jk->ik", a, floats((3, 2), dt))
        es("ii", sq); es("ii->i", sq); es("ij->ji", a); es("ji", a); es("ij->j", a); es("ij->", a); es("ij", a)
        es("i,j->ij", v, w); es("i,i->", v, v); es("i,i", v, v); es("i,i->i", v, v); es("ij,j->i", a, v)
        es("ij,ij->ij", a, a); es("ij,ij->", a, a); es("ij,ij->i", a, a)
        ba, bb = floats((2, 3, 4), dt), floats((2, 4, 5), dt)
        es("bij,bjk->bik", ba, bb); es("bij,bkj->bik", ba, floats((2, 5, 4), dt)); es("bij,bjk->kib", ba, bb)
        es("ijk->kji", ba); es("iij->j", floats((3, 3, 2), dt)); es("ijk,jl->ikl", ba, floats((3, 2), dt))
        es("ab,bc,cd->ad", a, b, floats((5, 2), dt)); es("i,i,i->", w, w, w)
        es("ij,jk->ik", a, a, views=[TRANSPOSED, PLAIN], name=f"einsum views transposed {np.dtype(dt).name}")
        es("ij,jk->ik", a, b, views=[REVERSED, REVERSED], name=f"einsum views reversed {np.dtype(dt).name}")
        es("ii", sq[:, :], views=[REVERSED], name=f"einsum trace of a reversed view {np.dtype(dt).name}")
    ia, ib = ints((3, 4)), ints((4, 2))
    es("ij,jk->ik", ia, ib, name="einsum int64 exact"); es("ii", ints((3, 3)), name="einsum trace int64")
    es("ij,jk->ik", np.zeros((2, 0), np.float32), np.zeros((0, 3), np.float32), name="einsum empty summed axis")
    es("ij,jk->ik", np.zeros((0, 2), np.float32), np.ones((2, 3), np.float32), name="einsum empty rows")
    es("Ab,bC->AC", np.ones((2, 3), np.float32), np.ones((3, 2), np.float32), name="einsum upper-case labels")
    case(cases, "einsum size mismatch", "einsum", [np.ones((2, 3)), np.ones((4, 5))], error="einsumMismatch", subscripts="ij,jk->ik")
    case(cases, "einsum diagonal size mismatch", "einsum", [np.ones((2, 3))], error="einsumMismatch", subscripts="ii")
    case(cases, "einsum too few operands", "einsum", [np.ones((2, 3))], error="invalidArgument", subscripts="ij,jk")
    case(cases, "einsum label count", "einsum", [np.ones((2, 3))], error="invalidArgument", subscripts="ijk")
    case(cases, "einsum unknown output label", "einsum", [np.ones((2, 3))], error="invalidArgument", subscripts="ij->k")
    case(cases, "einsum repeated output label", "einsum", [np.ones((2, 2))], error="invalidArgument", subscripts="ij->ii")
    case(cases, "einsum not a letter", "einsum", [np.ones((2, 2))], error="invalidArgument", subscripts="i1")

    # norm
    def nm(x, ord=None, axis=None, keepdims=False, views=None, name=None):
        seen = viewed([x], views)[0]
        exp = np.asarray(np.linalg.norm(float_input(seen), ord=ord, axis=axis, keepdims=keepdims))
        if x.dtype == np.float32 or x.dtype.kind in "iub":
            exp = exp.astype(np.float32)
        case(cases, name or f"norm ord={ord} axis={axis} keepdims={keepdims} {x.dtype}", "norm", [x], exp, views=views,
             ord=ord_enc(ord), axis=list(axis) if isinstance(axis, tuple) else axis, keepdims=keepdims)
    for dt in (np.float32, np.float64):
        v, m, t = floats((6,), dt), floats((4, 3), dt), floats((2, 3, 4), dt)
        for o in (None, 2, 1, np.inf, -np.inf, 0, 3, 0.5, -1):
            nm(v, o)
            nm(m, o, axis=1)
            nm(t, o, axis=0, keepdims=True)
        for o in (None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf):
            nm(m, o)
            nm(t, o, axis=(2, 0))
            nm(t, o, axis=(0, 1), keepdims=True)
        nm(m, "nuc", views=[TRANSPOSED], name=f"norm nuc transposed view {np.dtype(dt).name}")
        nm(m, 1, views=[STRIDED], name=f"norm 1 strided view {np.dtype(dt).name}")
        nm(t, None, name=f"norm of all elements {np.dtype(dt).name}")
        nm(t, None, keepdims=True, name=f"norm of all elements keepdims {np.dtype(dt).name}")
    nm(np.array([3, -4, 0], np.int64), 1, name="norm int64 gives float32")
    nm(np.zeros((0,), np.float32), None, name="norm empty")
    nm(np.zeros((2, 0), np.float32), 1, axis=1, name="norm 1 over an empty axis")
    case(cases, "norm fro of a vector", "norm", [np.ones(3)], error="invalidNormOrder", ord="fro", axis=None, keepdims=False)
    case(cases, "norm 3 of a matrix", "norm", [np.ones((2, 2))], error="invalidNormOrder", ord=3, axis=None, keepdims=False)
    case(cases, "norm ord of a 3-D tensor", "norm", [np.ones((2, 2, 2))], error="invalidArgument", ord=1, axis=None, keepdims=False)
    case(cases, "norm repeated axes", "norm", [np.ones((2, 2))], error="invalidArgument", ord=1, axis=[0, 0], keepdims=False)
    return cases


def main():
    write_fixture("elementwise", elementwise_cases())
    write_fixture("contractions", contraction_cases())


if __name__ == "__main__":
    main()
