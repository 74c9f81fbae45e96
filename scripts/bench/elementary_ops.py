#!/usr/bin/env python3
"""NumPy reference for scripts/bench/elementary_ops.mnl (same operations and sizes; one
warm-up, then the median of `reps` runs). usage: python3 elementary_ops.py [reps]"""
import statistics
import sys
import time

import numpy as np

reps = int(sys.argv[1]) if len(sys.argv) > 1 else 5
x = np.random.default_rng(0).random((2000, 784), dtype=np.float32)
for name, op in [("sin", lambda: np.sin(x)), ("log1p", lambda: np.log1p(x)),
                 ("arctan2", lambda: np.arctan2(x, x)), ("exp", lambda: np.exp(x))]:
    op()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        op()
        ts.append(time.perf_counter() - t0)
    print(f"RESULT name={name} seconds={statistics.median(ts):.5f}")
