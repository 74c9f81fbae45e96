#!/usr/bin/env python3
"""Writes the NumPy reference cases for the int32, float16 and bfloat16 dtypes (issue 10).

usage: python3 scripts/make-dtype-fixtures.py

Writes
  Tests/TensorKitTests/Fixtures/dtypes.json   conversions (float64 and float32 to float16 bits,
      from NumPy's astype; to bfloat16 bits from the reference below), float16 arithmetic
      and reductions (NumPy computes elementwise ops in float32 and rounds to float16, as
      TensorKit does; sums are NumPy's float32 sums rounded once, see half_ops),
      and the int32 promotion table (NumPy's, before mnist-repl's documented differences)
  Tests/MNLDataTests/Fixtures/dtypes/*.npy     float16 and int32 files numpy.save wrote
  Tests/MNLDataTests/Fixtures/dtypes/expected.json   their dtype, shape and exact values

NumPy has no bfloat16: its reference is float32's top 16 bits rounded to nearest even
(NaN kept quiet), computed here in integers, independently of the Swift code.
"""
import json
import math
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
KIT = os.path.join(HERE, "..", "Tests", "TensorKitTests", "Fixtures")
DATA = os.path.join(HERE, "..", "Tests", "MNLDataTests", "Fixtures", "dtypes")
rng = np.random.default_rng(10)


def text(v):
    """A double as exact text (repr round-trips), with nan and infinities spelled out."""
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return repr(v)


def bf16_bits(f32):
    b = struct.unpack("<I", struct.pack("<f", f32))[0]
    if (b & 0x7F800000) == 0x7F800000 and (b & 0x7FFFFF):
        return (b >> 16) | 0x40
    return ((b + 0x7FFF + ((b >> 16) & 1)) >> 16) & 0xFFFF


def conversion_inputs():
    special = [0.0, -0.0, 1.0, -1.0, 0.1, 1 / 3, 65504.0, 65519.99, 65520.0, 1e5, -1e5, 6.1e-5, 5.96e-8,
               2.98e-8, 2.9802322387695312e-08, 2.9802322387695313e-08, 1e-9, 3e38, 3.4e38, 1e300,
               float("inf"), float("-inf"), float("nan"), 1.0009765625, 1.00048828125, 1.000732421875,
               2049.0, 2051.0, 4097.0]
    # ties at every scale, and random values over float16's whole range
    ties = [(1 + (2 * k + 1) / 2048) * 2.0 ** e for k in range(4) for e in range(-24, 16, 3)]
    rand = list(rng.standard_normal(200) * 10.0 ** rng.integers(-9, 6, 200))
    return special + ties + rand


def conversions():
    xs = conversion_inputs()
    f64 = np.array(xs, np.float64)
    f32 = f64.astype(np.float32)
    return {
        "from_float64": [text(v) for v in f64],
        "float16_bits_from_float64": f64.astype(np.float16).view(np.uint16).tolist(),
        "from_float32": [text(v) for v in f32],
        "float16_bits_from_float32": f32.astype(np.float16).view(np.uint16).tolist(),
        "bfloat16_bits_from_float32": [bf16_bits(float(v)) for v in f32],
    }


def half_ops():
    a = (rng.standard_normal(24) * 4).astype(np.float16)
    b = (rng.standard_normal(24) * 4).astype(np.float16)
    m = a.reshape(4, 6)
    cases = {
        "add": a + b, "subtract": a - b, "multiply": a * b, "divide": a / b,
        "exp": np.exp(a), "sqrt": np.sqrt(np.abs(a)), "tanh": np.tanh(a),
        # Sums accumulate in float32 and round once, as PyTorch does: NumPy adds float16 rows
        # one at a time (rounding each partial sum), so its axis-0 sums can differ in the last bit.
        "sum0": m.astype(np.float32).sum(axis=0).astype(np.float16), "max1": m.max(axis=1),
        "sum_T1": m.T.astype(np.float32).sum(axis=1).astype(np.float16),
        "reversed_plus_one": a[::-1] + np.float16(1), "cumsum": np.cumsum(a[:8]),
    }
    out = {"a": a.view(np.uint16).tolist(), "b": b.view(np.uint16).tolist()}
    for k, v in cases.items():
        assert v.dtype == np.float16, k
        out[k] = v.view(np.uint16).tolist()
    return out


def promotion():
    names = {"bool": np.bool_, "uint8": np.uint8, "int32": np.int32, "int64": np.int64,
             "float16": np.float16, "float32": np.float32, "float64": np.float64}
    return [[x, y, str(np.promote_types(names[x], names[y]))] for x in names for y in names]


def npy_files():
    os.makedirs(DATA, exist_ok=True)
    expected = {}
    arrays = {
        "f2_2d.npy": np.array([[0.1, -2.5, 65504], [6e-8, float("inf"), -0.0]], np.float16),
        "f2_big_endian.npy": np.array([1.5, -0.1, 1e-7], ">f2"),
        "f2_empty.npy": np.zeros((0, 3), np.float16),
        "f2_scalar.npy": np.array(0.333, np.float16),
        "f2_fortran.npy": np.asfortranarray(np.arange(12, dtype=np.float16).reshape(3, 4) / 3),
        "i4_extremes.npy": np.array([[2147483647, -2147483648], [0, -1]], np.int32),
    }
    for name, a in arrays.items():
        np.save(os.path.join(DATA, name), a)
        flat = np.ascontiguousarray(a).reshape(-1)
        values = [text(v) for v in flat.astype(np.float64)] if a.dtype.kind == "f" else flat.tolist()
        expected[name] = {"dtype": "float16" if a.dtype.kind == "f" else "int32", "shape": list(a.shape),
                          "values": values, "written_by_numpy": name not in ("f2_big_endian.npy", "f2_fortran.npy")}
    with open(os.path.join(DATA, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)


def main():
    os.makedirs(KIT, exist_ok=True)
    with open(os.path.join(KIT, "dtypes.json"), "w") as f:
        json.dump([{"conversions": conversions(), "half_ops": half_ops(), "promotion": promotion()}], f, indent=0)
    npy_files()
    print("wrote", os.path.normpath(os.path.join(KIT, "dtypes.json")), "and", os.path.normpath(DATA))


if __name__ == "__main__":
    main()
