"""LightGBM on the classic benchmark's data, the time issue 13 asks gradient boosting to aim for.

usage: python3 lightgbm_ref.py [--data fashion|mnist5k]   (REF: the shared bench folder, for refdata)
The settings are scikit-learn's HistGradientBoostingClassifier defaults in LightGBM's names:
100 rounds, learning rate 0.1, 31 leaves, 20 rows a leaf, no L2, 255 bins, both cores; early
stopping off (scikit-learn's "auto" turns it on only above 10000 rows, so the fashion run is
not like for like: say so when quoting it). Prints one RESULT line as sklearn_suite.py does.
"""
import argparse
import os
import sys

sys.path.insert(0, os.environ.get("REF", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "bench")))
import lightgbm  # noqa: E402
import refdata  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--data", default="mnist5k")
a = ap.parse_args()
xtr, ytr, xte, yte = refdata.load(a.data)
model = lightgbm.LGBMClassifier(n_estimators=100, learning_rate=0.1, num_leaves=31, min_child_samples=20,
                                reg_lambda=0.0, max_bin=255, n_jobs=2, random_state=0, verbose=-1)
t0 = refdata.now()
model.fit(xtr, ytr)
seconds = refdata.now() - t0
t1 = refdata.now()
pred = model.predict(xte)
predict_seconds = refdata.now() - t1
refdata.result(f"lightgbm_{a.data}_n{len(ytr)}", seconds, predict_seconds=predict_seconds,
               test_acc=float((pred == yte).mean()), lightgbm=lightgbm.__version__)
