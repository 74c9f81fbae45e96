#!/usr/bin/env python3
"""NumPy reference for scripts/bench/linalg_ops.mnl (same operations and sizes; one warm-up,
then the median of `reps` runs). usage: python3 linalg_ops.py [reps]"""
import statistics
import sys
import time

import numpy as np

reps = int(sys.argv[1]) if len(sys.argv) > 1 else 5
rng = np.random.default_rng(0)
f32 = np.float32
square = (rng.standard_normal((512, 512)) + np.eye(512) * 10).astype(f32)
tall = rng.standard_normal((2048, 256)).astype(f32)
rhs = rng.standard_normal((512, 16)).astype(f32)
pixels = rng.standard_normal((4 * 784, 784)).astype(f32)
cov = pixels.T @ pixels / pixels.shape[0]
ops = [
    ("solve_512", lambda: np.linalg.solve(square, rhs)),
    ("svd_512", lambda: np.linalg.svd(square, full_matrices=False)),
    ("svd_2048x256", lambda: np.linalg.svd(tall, full_matrices=False)),
    ("lstsq_2048x256", lambda: np.linalg.lstsq(tall, rng.standard_normal(2048).astype(f32))),
    ("eigh_784", lambda: np.linalg.eigh(cov)),
]
total = 0.0
for name, op in ops:
    op()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        op()
        ts.append(time.perf_counter() - t0)
    t = statistics.median(ts)
    total += t
    print(f"RESULT name={name} seconds={t:.5f}")
print(f"RESULT name=linalg_ops_py seconds={total:.4f} reps={reps}")
