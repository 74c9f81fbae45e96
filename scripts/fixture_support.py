"""What the NumPy fixture generators (scripts/make-*-fixtures.py) share: where the TensorKit
fixtures live, how a NumPy array is written as JSON (non-finite values as strings, which
JSON lacks), and how a list of cases is written."""
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "TensorKitTests", "Fixtures")


def enc(a):
    """A NumPy array as {"shape", "dtype", "data"}; int32 and intp indices become int64."""
    a = np.asarray(a)
    if a.dtype in (np.int32, np.intp):
        a = a.astype(np.int64)
    data = [v if not isinstance(v, float) or math.isfinite(v) else ("nan" if math.isnan(v) else ("inf" if v > 0 else "-inf"))
            for v in a.reshape(-1).tolist()]
    return {"shape": list(a.shape), "dtype": str(a.dtype), "data": data}


def write_fixture(name, cases, out=OUT):
    """Writes `cases` to <out>/<name>.json (TensorKit's fixtures by default), compactly, and
    says how many."""
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, f"{name}.json"), "w") as f:
        json.dump(cases, f, separators=(",", ":"))
    print(f"{name}.json: {len(cases)} cases")
