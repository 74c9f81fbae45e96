#!/usr/bin/env python3
"""Writes the NumPy reference cases for issue 10's indexing helpers (section 3.6): flip,
roll, pad, moveaxis, swapaxes, broadcast_to, ravel, transpose, take, take_along_axis,
put_along_axis, nonzero, argwhere, partition and argpartition.

usage: python3 scripts/make-indexing-fixtures.py
       (writes Tests/TensorKitTests/Fixtures/indexing_helpers.json)

The case format, the tensor encoding and the `views` argument (an input indexed and/or
transposed before the op, so that non-contiguous and negative-stride inputs are covered)
are those of make-tensor-fixtures.py, whose helpers this script reuses. partition and
argpartition leave the elements beside kth in an unspecified order, so their cases record
only the elements at the kth positions (the property tests check the rest).
"""
import importlib.util
import json
import os

import numpy as np

HERE = os.path.dirname(__file__)
spec = importlib.util.spec_from_file_location("tensor_fixtures", os.path.join(HERE, "make-tensor-fixtures.py"))
tf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tf)
enc, idx_enc, OUT = tf.enc, tf.idx_enc, tf.OUT
rng = np.random.default_rng(2026)

S = slice
T = {"T": True}                                                  # the input transposed
REV = {"index": idx_enc((S(None, None, -1),), [])}              # the input reversed on axis 0
STEP = {"index": idx_enc((S(None), S(None, None, 2)), [])}      # every other column


def sample(shape, dtype="float32"):
    if dtype == "int64":
        return rng.integers(-9, 10, shape).astype(np.int64)
    if dtype == "bool":
        return rng.integers(0, 2, shape).astype(bool)
    return np.round(rng.standard_normal(shape) * 3, 2).astype(dtype)


def view(a, v):
    """What the Swift side sees for input `a` with view `v`."""
    if "index" in v:
        comps = tuple(slice(*c["slice"]) if isinstance(c, dict) else slice(None) for c in v["index"])
        a = a[comps]
    return a.T if v.get("T") else a


cases = []


def add(name, op, args, inputs, expected=None, error=None, many=False):
    c = {"name": name, "op": op, "args": args, "inputs": [enc(x) for x in inputs]}
    if error:
        c["error"] = error
    elif many:
        c["expected_list"] = [enc(np.asarray(e)) for e in expected]
    else:
        c["expected"] = enc(np.asarray(expected))
    cases.append(c)


def layout_cases():
    m, c3 = sample((3, 4)), sample((2, 3, 4), "int64")
    empty, one = np.zeros((0, 3), np.float32), np.array([5.5], np.float32)
    for axes in [None, [0], [1], [-1], [0, 1]]:
        add(f"flip {axes}", "flip", {"axes": axes}, [m], np.flip(m, axis=None if axes is None else tuple(axes)))
    add("flip 3-d axis 1", "flip", {"axes": [1]}, [c3], np.flip(c3, axis=1))
    add("flip transposed", "flip", {"axes": [0], "views": [T]}, [m], np.flip(m.T, axis=0))
    add("flip reversed (back to forward)", "flip", {"axes": [0], "views": [REV]}, [m], np.flip(m[::-1], axis=0))
    add("flip empty", "flip", {"axes": None}, [empty], np.flip(empty))
    add("flip size 1", "flip", {"axes": None}, [one], np.flip(one))
    add("flip 0-d", "flip", {"axes": None}, [np.float32(2.5)], np.flip(np.float32(2.5)))
    add("flip axis out of range", "flip", {"axes": [2]}, [m], error="axisOutOfRange")

    for shift, axes in [([2], None), ([-7], None), ([1], [0]), ([-1], [1]), ([5], [1]), ([1, 2], [0, 1]), ([1, 1], [1, 1]), ([3], [0, 1])]:
        expected = np.roll(m, shift[0] if len(shift) == 1 else tuple(shift),
                           axis=None if axes is None else (axes[0] if len(axes) == 1 else tuple(axes)))
        add(f"roll {shift} {axes}", "roll", {"shift": shift, "axes": axes}, [m], expected)
    add("roll transposed", "roll", {"shift": [1], "axes": [1], "views": [T]}, [m], np.roll(m.T, 1, axis=1))
    add("roll reversed", "roll", {"shift": [-2], "axes": None, "views": [REV]}, [m], np.roll(m[::-1], -2))
    add("roll 3-d", "roll", {"shift": [1], "axes": [2]}, [c3], np.roll(c3, 1, axis=2))
    add("roll empty", "roll", {"shift": [1], "axes": [0]}, [empty], np.roll(empty, 1, axis=0))
    add("roll size 1", "roll", {"shift": [3], "axes": None}, [one], np.roll(one, 3))
    add("roll axis out of range", "roll", {"shift": [1], "axes": [-3]}, [m], error="axisOutOfRange")
    add("roll shift and axis lengths differ", "roll", {"shift": [1, 2, 3], "axes": [0, 1]}, [m], error="invalidArgument")

    for src, dst in [([0], [-1]), ([-1], [0]), ([0, 1], [-1, -2]), ([2, 0], [0, 1])]:
        add(f"moveaxis {src} {dst}", "moveaxis", {"source": src, "destination": dst}, [c3], np.moveaxis(c3, src, dst))
    add("moveaxis transposed", "moveaxis", {"source": [0], "destination": [1], "views": [T]}, [c3], np.moveaxis(c3.T, 0, 1))
    add("moveaxis out of range", "moveaxis", {"source": [3], "destination": [0]}, [c3], error="axisOutOfRange")
    add("moveaxis repeated", "moveaxis", {"source": [0, 0], "destination": [0, 1]}, [c3], error="invalidArgument")
    add("moveaxis lengths differ", "moveaxis", {"source": [0, 1], "destination": [0]}, [c3], error="invalidArgument")
    add("swapaxes 0 2", "swapaxes", {"a": 0, "b": 2}, [c3], np.swapaxes(c3, 0, 2))
    add("swapaxes -1 -2 reversed", "swapaxes", {"a": -1, "b": -2, "views": [REV]}, [c3], np.swapaxes(c3[::-1], -1, -2))
    add("swapaxes out of range", "swapaxes", {"a": 0, "b": 3}, [c3], error="axisOutOfRange")
    v = sample((3, 1))
    for target in [[3, 4], [2, 3, 5], [3, 0]]:
        add(f"broadcast_to {target}", "broadcast_to", {"shape": target}, [v], np.broadcast_to(v, target))
    add("broadcast_to of a transposed row", "broadcast_to", {"shape": [2, 1, 3], "views": [T]}, [v], np.broadcast_to(v.T, (2, 1, 3)))
    add("broadcast_to incompatible", "broadcast_to", {"shape": [3, 2]}, [sample((2, 3))], error="shapeMismatch")
    add("broadcast_to fewer axes", "broadcast_to", {"shape": [3]}, [v], error="shapeMismatch")
    add("ravel contiguous", "ravel", {}, [c3], np.ravel(c3))
    add("ravel transposed", "ravel", {"views": [T]}, [m], np.ravel(m.T))
    add("ravel strided", "ravel", {"views": [STEP]}, [m], np.ravel(m[:, ::2]))
    add("ravel empty", "ravel", {}, [empty], np.ravel(empty))
    add("transpose 3-d", "transpose", {"perm": [2, 0, 1]}, [c3], np.transpose(c3, (2, 0, 1)))


def pad_cases():
    v, m = sample(4), sample((2, 3), "int64")
    for mode in ["constant", "edge", "reflect"]:
        for width in [[[2]], [[0, 3]], [[5, 1]], [[9]]]:
            w = width[0] if len(width[0]) == 2 else width[0][0]
            add(f"pad 1-d {mode} {width}", "pad", {"widths": width, "mode": mode, "value": 1.5}, [v],
                np.pad(v, w, mode=mode, **({"constant_values": 1.5} if mode == "constant" else {})))
        for width in [[[1, 2], [0, 1]], [[1], [2]], [[1, 3]]]:
            w = [r if len(r) == 2 else (r[0], r[0]) for r in width]
            w = w[0] if len(w) == 1 else w
            add(f"pad 2-d {mode} {width}", "pad", {"widths": width, "mode": mode, "value": -4}, [m],
                np.pad(m, w, mode=mode, **({"constant_values": -4} if mode == "constant" else {})))
        add(f"pad transposed {mode}", "pad", {"widths": [[1, 2]], "mode": mode, "value": 0, "views": [T]}, [m],
            np.pad(m.T, (1, 2), mode=mode))
        add(f"pad reversed {mode}", "pad", {"widths": [[2, 0], [1, 1]], "mode": mode, "value": 0, "views": [REV]}, [m],
            np.pad(m[::-1], [(2, 0), (1, 1)], mode=mode))
        add(f"pad size 1 {mode}", "pad", {"widths": [[3, 2]], "mode": mode, "value": 0}, [np.array([7.0], np.float32)],
            np.pad(np.array([7.0], np.float32), (3, 2), mode=mode))
        add(f"pad zero widths {mode}", "pad", {"widths": [[0]], "mode": mode, "value": 0}, [m], np.pad(m, 0, mode=mode))
    add("pad empty constant", "pad", {"widths": [[1]], "mode": "constant", "value": 2}, [np.zeros((0, 2), np.float32)],
        np.pad(np.zeros((0, 2), np.float32), 1, constant_values=2))
    add("pad empty edge", "pad", {"widths": [[1]], "mode": "edge", "value": 0}, [np.zeros((0, 2), np.float32)], error="padEmptyAxis")
    add("pad empty reflect", "pad", {"widths": [[0], [1]], "mode": "reflect", "value": 0}, [np.zeros((2, 0), np.float32)], error="padEmptyAxis")
    add("pad negative", "pad", {"widths": [[-1]], "mode": "constant", "value": 0}, [m], error="negativePadWidth")
    add("pad three pairs for 2-d", "pad", {"widths": [[1, 1], [1, 1], [1, 1]], "mode": "constant", "value": 0}, [m], error="badPadWidth")
    add("pad three numbers", "pad", {"widths": [[1, 2, 3]], "mode": "constant", "value": 0}, [m], error="badPadWidth")
    add("pad constant does not fit", "pad", {"widths": [[1]], "mode": "constant", "value": 300}, [np.zeros(2, np.uint8)], error="valueOutOfRange")


def gather_cases():
    m, c3 = sample((3, 4)), sample((2, 3, 4), "int64")
    idx = np.array([[2, -1], [0, 0]], np.int64)
    add("take flat", "take", {"axis": None}, [m, idx], np.take(m, idx))
    add("take axis 1", "take", {"axis": 1}, [m, idx], np.take(m, idx, axis=1))
    add("take axis -3 of 3-d", "take", {"axis": -3}, [c3, np.array([1, 0, 1], np.int64)], np.take(c3, [1, 0, 1], axis=-3))
    add("take 0-d index", "take", {"axis": 0}, [m, np.int64(-1)], np.take(m, -1, axis=0))
    add("take empty index", "take", {"axis": 1}, [m, np.zeros(0, np.int64)], np.take(m, np.zeros(0, np.int64), axis=1))
    add("take transposed", "take", {"axis": 0, "views": [T]}, [m, np.array([3, 1], np.int64)], np.take(m.T, [3, 1], axis=0))
    add("take reversed", "take", {"axis": None, "views": [REV]}, [m, np.array([0, 11], np.int64)], np.take(m[::-1], [0, 11]))
    add("take out of bounds", "take", {"axis": 1}, [m, np.array([4], np.int64)], error="indexOutOfRange")
    add("take out of bounds flat", "take", {"axis": None}, [m, np.array([-13], np.int64)], error="indexOutOfRange")
    add("take axis out of range", "take", {"axis": 2}, [m, np.array([0], np.int64)], error="axisOutOfRange")
    add("take bool indices", "take", {"axis": 0}, [m, np.array([True, False, True])], error="nonIntegerIndices")

    order = np.argsort(m, axis=1)
    add("take_along_axis argsort", "take_along_axis", {"axis": 1}, [m, order], np.take_along_axis(m, order, axis=1))
    top = np.argmax(c3, axis=0)[None]
    add("take_along_axis argmax keepdims", "take_along_axis", {"axis": 0}, [c3, top], np.take_along_axis(c3, top, axis=0))
    bi = np.array([[0], [2], [1]], np.int64)
    add("take_along_axis broadcast", "take_along_axis", {"axis": 1}, [m, bi], np.take_along_axis(m, bi, axis=1))
    add("take_along_axis transposed", "take_along_axis", {"axis": 0, "views": [T]}, [m, bi.T], np.take_along_axis(m.T, bi.T, axis=0))
    add("take_along_axis ndim mismatch", "take_along_axis", {"axis": 1}, [m, np.array([0], np.int64)], error="invalidArgument")
    add("take_along_axis out of bounds", "take_along_axis", {"axis": 1}, [m, np.array([[4]], np.int64)], error="indexOutOfRange")

    for name, x, ind, vals, axis in [("put_along_axis row", m, bi, np.array([9.5], np.float32), 1),
                                     ("put_along_axis column values", m, np.array([[1, 3]], np.int64), np.array([[-1], [-2], [-3]], np.float32), 1),
                                     ("put_along_axis 3-d, one value", c3, np.array([[[1, 0, 1, 0]]], np.int64), np.array(7), 1)]:
        out = x.copy()
        np.put_along_axis(out, ind, vals.astype(x.dtype), axis=axis)
        add(name, "put_along_axis", {"axis": axis}, [x, ind, vals.astype(x.dtype)], out)
    add("put_along_axis out of bounds", "put_along_axis", {"axis": 0}, [m, np.array([[3]], np.int64), np.float32(1)], error="indexOutOfRange")

    b = sample((3, 4), "bool")
    for name, x in [("2-d bool", b), ("float", m), ("1-d", np.array([0, 2, 0, -1], np.int64)), ("empty", np.zeros((0, 2), np.float32)),
                    ("3-d", (c3 > 0))]:
        add(f"nonzero {name}", "nonzero", {}, [x], np.nonzero(x), many=True)
        add(f"argwhere {name}", "argwhere", {}, [x], np.argwhere(x))
    add("nonzero transposed", "nonzero", {"views": [T]}, [b], np.nonzero(b.T), many=True)
    add("argwhere reversed", "argwhere", {"views": [REV]}, [b], np.argwhere(b[::-1]))
    add("argwhere 0-d true", "argwhere", {}, [np.float32(3)], np.argwhere(np.float32(3)))
    add("argwhere 0-d false", "argwhere", {}, [np.float32(0)], np.argwhere(np.float32(0)))


def partition_cases():
    """The elements at the kth positions after partitioning: NumPy's partition and the
    argpartition indices read back with take_along_axis."""
    v, m = sample(9), sample((4, 6), "int64")
    for kth, axis, x in [([3], -1, v), ([0], -1, v), ([8], -1, v), ([-1], -1, v), ([2, 6], -1, v), ([1], 0, m), ([5], 1, m), ([3], None, m)]:
        axis_np = axis if axis is not None else None
        flat = x if axis is not None else x.reshape(-1)
        ax = axis if axis is not None else -1
        part = np.partition(x, kth, axis=axis_np)
        add(f"partition {kth} axis {axis}", "partition_kth", {"kth": kth, "axis": axis}, [x], np.take(part, kth, axis=ax))
        arg = np.argpartition(x, kth, axis=axis_np)
        add(f"argpartition {kth} axis {axis}", "argpartition_kth", {"kth": kth, "axis": axis}, [x],
            np.take(np.take_along_axis(flat, arg, axis=ax), kth, axis=ax))
    add("partition transposed", "partition_kth", {"kth": [1], "axis": 1, "views": [T]}, [m], np.take(np.partition(m.T, 1, axis=1), [1], axis=1))
    add("partition reversed", "partition_kth", {"kth": [2], "axis": 0, "views": [REV]}, [m], np.take(np.partition(m[::-1], 2, axis=0), [2], axis=0))
    add("partition with nan", "partition_kth", {"kth": [3], "axis": -1}, [np.array([3, np.nan, 1, 2], np.float32)],
        np.take(np.partition(np.array([3, np.nan, 1, 2], np.float32), 3), [3]))
    add("partition kth out of range", "partition_kth", {"kth": [9], "axis": -1}, [v], error="kthOutOfRange")
    add("partition kth too negative", "partition_kth", {"kth": [-10], "axis": -1}, [v], error="kthOutOfRange")
    add("argpartition kth out of range", "argpartition_kth", {"kth": [4], "axis": 0}, [m], error="kthOutOfRange")
    add("partition axis out of range", "partition_kth", {"kth": [0], "axis": 2}, [m], error="axisOutOfRange")


def main():
    layout_cases()
    pad_cases()
    gather_cases()
    partition_cases()
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "indexing_helpers.json"), "w") as f:
        json.dump(cases, f, separators=(",", ":"))
    print(f"indexing_helpers.json: {len(cases)} cases")


if __name__ == "__main__":
    main()
