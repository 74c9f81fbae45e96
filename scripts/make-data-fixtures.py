#!/usr/bin/env python3
"""Writes the NumPy fixtures for Tests/MNLDataTests (committed; the tests need no Python).

usage: python3 scripts/make-data-fixtures.py            # regenerate Tests/MNLDataTests/Fixtures/
       python3 scripts/make-data-fixtures.py --verify DIR
           loads the files that MNLData wrote into DIR (ours_*.npy / .npz / .safetensors, written
           by the test `writtenFilesForNumPy` when MNL_FIXTURE_OUT=DIR is set) with NumPy and
           safetensors and checks them against the values that test used.

Verified while writing MNLData (NumPy 2.4.6, safetensors 0.8.0, with --verify as above): every file MNLData
wrote loaded in NumPy with the expected dtype, shape and values, and its .npy bytes were identical
to numpy.save's (the tests check this byte equality on every run against the numpy_save_* files).

Fixtures:
  dtype_<descr>.npy      one (2, 3) array per supported dtype (f4 f8 i8 i4 i2 i1 u1 u2 u4 b1)
  big_<descr>.npy        the same values stored big-endian (>f4 >f8 >i8 >i4 >i2 >u2)
  fortran_f8.npy         a (3, 4) float64 array saved in Fortran order; fortran_i4_3d.npy (2, 3, 4)
  scalar_f8.npy          a 0-d array; empty_f4.npy a (0, 3) array
  v2_f4.npy, v3_f4.npy   format versions 2.0 and 3.0
  unsupported_<x>.npy    dtypes MNLData refuses (c8 complex, U3 strings, u8, structured; float16 is
                         covered by make-dtype-fixtures.py)
  numpy_save_*.npy       numpy.save output that MNLData's writer must reproduce byte for byte
  stored.npz             numpy.savez (stored members); compressed.npz numpy.savez_compressed
  ref.safetensors        written by safetensors.numpy.save_file, with __metadata__
  expected.json          for each file: the dtype MNLData should produce, the shape, the values
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "MNLDataTests", "Fixtures")


def ours_dtype(a):
    k = a.dtype.kind
    if k == "f":
        return "float32" if a.dtype.itemsize == 4 else "float64"
    if k == "u" and a.dtype.itemsize == 1:
        return "uint8"
    if k == "i" and a.dtype.itemsize == 4:
        return "int32"
    if k == "b":
        return "bool"
    return "int64"


def values(a):
    """Floats as repr strings (exact; some JSON parsers round), ints and bools as themselves."""
    flat = a.reshape(-1).tolist()
    return [bool(v) if a.dtype.kind == "b" else repr(v) if isinstance(v, float) else v for v in flat]


def generate():
    os.makedirs(OUT, exist_ok=True)
    expected = {}

    def put(name, a, **kw):
        path = os.path.join(OUT, name)
        if kw.get("fortran"):
            np.save(path, np.asfortranarray(a))
        elif "version" in kw:
            with open(path, "wb") as f:
                np.lib.format.write_array(f, a, version=kw["version"])
        else:
            np.save(path, a)
        expected[name] = {"dtype": ours_dtype(a), "shape": list(a.shape), "values": values(a)}

    base = np.array([[1, -2, 3], [-4, 5, 127]])
    for d in ["<f4", "<f8", "<i8", "<i4", "<i2", "|i1"]:
        put(f"dtype_{d[1:]}.npy", base.astype(d))
    put("dtype_u1.npy", np.array([[0, 1, 2], [128, 254, 255]], dtype="|u1"))
    put("dtype_u2.npy", np.array([[0, 1, 2], [300, 40000, 65535]], dtype="<u2"))
    put("dtype_u4.npy", np.array([[0, 1, 2], [70000, 3000000000, 4294967295]], dtype="<u4"))
    put("dtype_b1.npy", np.array([[True, False, True], [False, False, True]]))
    fl = np.array([[1.5, -2.25, 3e10], [-4e-3, 0.0, 1.0 / 3.0]])
    put("big_f4.npy", fl.astype(">f4"))
    put("big_f8.npy", fl.astype(">f8"))
    for d in [">i8", ">i4", ">i2"]:
        put(f"big_{d[1:]}.npy", base.astype(d))
    put("big_u2.npy", np.array([[0, 1, 2], [300, 40000, 65535]], dtype=">u2"))
    put("fortran_f8.npy", np.arange(12, dtype=np.float64).reshape(3, 4) * 1.5, fortran=True)
    put("fortran_i4_3d.npy", np.arange(24, dtype=np.int32).reshape(2, 3, 4) - 7, fortran=True)
    put("scalar_f8.npy", np.array(2.5))
    put("empty_f4.npy", np.zeros((0, 3), np.float32))
    put("v2_f4.npy", np.arange(5, dtype=np.float32), version=(2, 0))
    put("v3_f4.npy", np.arange(5, dtype=np.float32), version=(3, 0))
    for name, a in {"c8": np.ones(3, np.complex64), "U3": np.array(["abc", "de"]),
                    "u8": np.ones(3, np.uint64), "structured": np.zeros(2, dtype=[("a", "<i4"), ("b", "<f8")])}.items():
        np.save(os.path.join(OUT, f"unsupported_{name}.npy"), a)
    # numpy.save output that MNLData must reproduce byte for byte
    refs = {"numpy_save_f4_1d.npy": np.array([1, 2, 3], np.float32),
            "numpy_save_f8_2d.npy": np.arange(6, dtype=np.float64).reshape(2, 3) / 4,
            "numpy_save_i8_3d.npy": np.arange(24, dtype=np.int64).reshape(2, 3, 4) - 10,
            "numpy_save_u1_2d.npy": np.arange(12, dtype=np.uint8).reshape(3, 4) * 20,
            "numpy_save_b1_1d.npy": np.array([True, False, True]),
            "numpy_save_i4_2d.npy": np.array([[2147483647, -2147483648, 0], [1, -1, 7]], np.int32),
            "numpy_save_f8_0d.npy": np.array(-7.25),
            "numpy_save_f4_empty.npy": np.zeros((0, 3), np.float32)}
    for n, a in refs.items():
        put(n, a)
    # a larger array only to check the header of a longer first axis: store its header alone
    big = np.zeros((1000, 784), np.float32)
    import io
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, np.lib.format.header_data_from_array_1_0(big))
    with open(os.path.join(OUT, "numpy_header_f4_1000x784.bin"), "wb") as f:
        f.write(buf.getvalue())
    # npz
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.array([3, 1, 4, 1, 5], dtype=np.int64)
    c = np.array([[True], [False]])
    np.savez(os.path.join(OUT, "stored.npz"), weights=a, labels=b, mask=c)
    np.savez_compressed(os.path.join(OUT, "compressed.npz"), weights=a, labels=b, mask=c)
    for z in ["stored.npz", "compressed.npz"]:
        expected[z] = {k: {"dtype": ours_dtype(v), "shape": list(v.shape), "values": values(v)}
                       for k, v in [("weights", a), ("labels", b), ("mask", c)]}
    # safetensors
    try:
        from safetensors.numpy import save_file
        st = {"layer.weight": np.arange(6, dtype=np.float32).reshape(2, 3) - 2.5,
              "layer.bias": np.array([0.5, -0.5], np.float64),
              "steps": np.array([7], np.int64), "pixels": np.array([[0, 255]], np.uint8),
              "flags": np.array([True, False, True])}
        save_file(st, os.path.join(OUT, "ref.safetensors"), metadata={"format": "np", "source": "make-data-fixtures"})
        expected["ref.safetensors"] = {k: {"dtype": ours_dtype(v), "shape": list(v.shape), "values": values(v)}
                                       for k, v in st.items()}
    except ImportError:
        print("safetensors not installed: ref.safetensors not regenerated (pip install safetensors)")
        with open(os.path.join(OUT, "expected.json")) as f:
            expected["ref.safetensors"] = json.load(f)["ref.safetensors"]
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
    print("wrote", len(os.listdir(OUT)), "files to", os.path.normpath(OUT))


def verify(d):
    """Loads what MNLData wrote (see the test writtenFilesForNumPy) and checks it."""
    with open(os.path.join(d, "ours.json")) as f:
        want = json.load(f)
    ok = True
    for name, spec in want.items():
        path = os.path.join(d, name)
        if name.endswith(".npy"):
            got = {"": np.load(path)}
            spec = {"": spec}
        elif name.endswith(".npz"):
            with np.load(path) as z:
                got = {k: z[k] for k in z.files}
        else:
            from safetensors.numpy import load_file
            got = load_file(path)
        for k, s in spec.items():
            a = got[k]
            good = ours_dtype(a) == s["dtype"] and list(a.shape) == s["shape"] and values(a) == s["values"]
            ok &= good
            print("ok  " if good else "FAIL", name, k, a.dtype, a.shape)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--verify":
        verify(sys.argv[2])
    else:
        generate()
