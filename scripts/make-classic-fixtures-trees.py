#!/usr/bin/env python3
"""scikit-learn's decision trees, random forests and histogram gradient boosting on small data,
written as the fixtures of Tests/MNLClassicTests (tree-*.json, forest-*.json, boosting-*.json).

Run from anywhere: python3 scripts/make-classic-fixtures-trees.py (scikit-learn 1.9.1).

A tree is compared node for node only when it does not depend on scikit-learn's random
feature order: the script fits it with ten seeds and marks it "exact" when all ten trees are
identical (no tie between features anywhere). Otherwise only held-out accuracy is compared.
"""
import gzip
import os

import numpy as np
from sklearn.ensemble import (HistGradientBoostingClassifier, HistGradientBoostingRegressor,
                              RandomForestClassifier)
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from fixture_support import enc, write_fixture

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Tests", "MNLClassicTests", "Fixtures")


def table(name):
    return np.loadtxt(os.path.join(ROOT, "Data", name), delimiter=",", skiprows=1)


def idx(name):
    with gzip.open(os.path.join(ROOT, "Data", "mnist-sample", name)) as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def digits(crop=False):
    """The embedded sample: 4000 training and 1000 held-out digits, pixels 0..255 (the
    central 14×14 when `crop`, to keep fixtures small)."""
    xtr = idx("train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float64)
    ytr = idx("train-labels-idx1-ubyte.gz").astype(np.int64)
    xte = idx("t10k-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float64)
    yte = idx("t10k-labels-idx1-ubyte.gz").astype(np.int64)
    if crop:
        keep = (np.arange(784).reshape(28, 28)[7:21, 7:21]).reshape(-1)
        xtr, xte = xtr[:, keep].astype(np.int64), xte[:, keep].astype(np.int64)
    return xtr, ytr, xte, yte


def tree_arrays(t):
    tr = t.tree_
    return {"feature": enc(tr.feature), "threshold": enc(tr.threshold),
            "children_left": enc(tr.children_left), "children_right": enc(tr.children_right),
            "value": enc(tr.value.reshape(tr.node_count, -1)), "impurity": enc(tr.impurity),
            "n_node_samples": enc(tr.n_node_samples), "depth": int(t.get_depth()),
            "n_leaves": int(t.get_n_leaves()), "feature_importances": enc(t.feature_importances_)}


def same_tree(a, b):
    ta, tb = a.tree_, b.tree_
    return (ta.node_count == tb.node_count and np.array_equal(ta.feature, tb.feature)
            and np.array_equal(ta.threshold, tb.threshold))


def tree_case(name, make, xtr, ytr, xte, yte):
    """Fits with ten seeds; "exact" when all ten trees are the same (no tie decided by the
    random feature order anywhere)."""
    fits = [make(seed).fit(xtr, ytr) for seed in range(10)]
    exact = all(same_tree(fits[0], f) for f in fits[1:])
    scores = [f.score(xte, yte) for f in fits]
    params = {k: v for k, v in fits[0].get_params().items() if k != "random_state"}
    print(f"  {name}: exact={exact} nodes={fits[0].tree_.node_count} held-out score {min(scores):.4f}..{max(scores):.4f}")
    return {"name": name, "params": params, "exact": exact, "x": enc(xtr), "y": enc(ytr),
            "x_test": enc(xte), "y_test": enc(yte), "tree": tree_arrays(fits[0]),
            "predict": enc(fits[0].predict(xte)),
            "proba": enc(fits[0].predict_proba(xte)) if hasattr(fits[0], "predict_proba") else None,
            "score_min": min(scores), "score_mean": float(np.mean(scores)), "score_max": max(scores)}


def trees():
    iris = table("iris.csv")
    rng = np.random.default_rng(7)
    order = rng.permutation(len(iris))
    xi, yi = iris[order, :4], iris[order, 4].astype(np.int64)
    # autompg's rows are ordered by model year: shuffled so that the held-out rows are alike.
    auto = table("autompg.csv")[np.random.default_rng(3).permutation(392)]
    xa, ya = auto[:, :7], auto[:, 7]
    xtr, ytr, xte, yte = digits(crop=True)
    # Continuous synthetic data: three classes of Gaussian blobs in 5 dimensions.
    xs = np.round(rng.normal(size=(300, 5)) + np.repeat(np.eye(3, 5) * 1.5, 100, axis=0), 6)
    ys = np.repeat(np.arange(3), 100)
    # The exact cases were found tie-free by trying depths and leaf sizes; iris's petal length
    # and width separate setosa alike, so its exact case leaves petal length out.
    cases = [
        tree_case("iris3-gini-leaf5", lambda s: DecisionTreeClassifier(min_samples_leaf=5, random_state=s), xi[:120, [0, 1, 3]], yi[:120], xi[120:, [0, 1, 3]], yi[120:]),
        tree_case("iris-gini", lambda s: DecisionTreeClassifier(random_state=s), xi[:120], yi[:120], xi[120:], yi[120:]),
        tree_case("iris-entropy", lambda s: DecisionTreeClassifier(criterion="entropy", random_state=s), xi[:120], yi[:120], xi[120:], yi[120:]),
        tree_case("blobs-entropy-depth4", lambda s: DecisionTreeClassifier(criterion="log_loss", max_depth=4, random_state=s), xs[:240], ys[:240], xs[240:], ys[240:]),
        tree_case("blobs-gini-depth4-leaf10", lambda s: DecisionTreeClassifier(max_depth=4, min_samples_leaf=10, random_state=s), xs[:240], ys[:240], xs[240:], ys[240:]),
        tree_case("blobs-gini", lambda s: DecisionTreeClassifier(random_state=s), xs[:240], ys[:240], xs[240:], ys[240:]),
        tree_case("autompg-depth3", lambda s: DecisionTreeRegressor(max_depth=3, random_state=s), xa[:300], ya[:300], xa[300:], ya[300:]),
        tree_case("autompg-depth4-leaf10", lambda s: DecisionTreeRegressor(max_depth=4, min_samples_leaf=10, random_state=s), xa[:300], ya[:300], xa[300:], ya[300:]),
        tree_case("autompg-split10", lambda s: DecisionTreeRegressor(min_samples_split=10, random_state=s), xa[:300], ya[:300], xa[300:], ya[300:]),
    ]
    write_fixture("tree-cases", cases, out=OUT)
    digit_cases = [
        tree_case("digits150-depth3-leaf5", lambda s: DecisionTreeClassifier(max_depth=3, min_samples_leaf=5, random_state=s), xtr[:150], ytr[:150], xte[:100], yte[:100]),
        tree_case("digits150-entropy-leaf3", lambda s: DecisionTreeClassifier(criterion="entropy", min_samples_leaf=3, random_state=s), xtr[:150], ytr[:150], xte[:100], yte[:100]),
    ]
    write_fixture("tree-digits", digit_cases, out=OUT)


def tree_accuracy():
    xtr, ytr, xte, yte = digits()
    # The fully grown tree on the whole sample: ties make trees differ, so only accuracy.
    scores = [DecisionTreeClassifier(random_state=s).fit(xtr, ytr).score(xte, yte) for s in range(5)]
    print(f"  digits full tree: {scores}")
    write_fixture("tree-digits-accuracy", [{"scores": scores}], out=OUT)


def forests():
    # The small cropped digits of tree-digits.json (150 training, 100 held out): the test
    # reads the data from there.
    xtr, ytr, xte, yte = digits(crop=True)
    scores = [RandomForestClassifier(n_estimators=50, random_state=s).fit(xtr[:150], ytr[:150]).score(xte[:100], yte[:100]) for s in range(10)]
    print(f"  forest 50 trees on 150 cropped digits: {scores} mean {np.mean(scores):.4f}")
    write_fixture("forest-small-digits", [{"n_estimators": 50, "scores": scores, "mean": float(np.mean(scores))}], out=OUT)
    xtr, ytr, xte, yte = digits()
    results = []
    for n in (30, 100):
        scores = [RandomForestClassifier(n_estimators=n, random_state=s, n_jobs=2).fit(xtr, ytr).score(xte, yte) for s in range(5)]
        print(f"  forest {n} trees: {scores} mean {np.mean(scores):.4f}")
        results.append({"n_estimators": n, "scores": scores, "mean": float(np.mean(scores))})
    write_fixture("forest-digits-accuracy", results, out=OUT)


def boosting_case(name, model, x, y, xte, yte):
    model.fit(x, y)
    print(f"  {name}: n_iter={model.n_iter_} loss {-model.train_score_[0]:.5f} -> {-model.train_score_[-1]:.5f}")
    out = {"name": name, "params": {k: v for k, v in model.get_params().items() if k in
                                     ("max_iter", "learning_rate", "max_leaf_nodes", "max_depth", "min_samples_leaf", "l2_regularization")},
           "x": enc(x), "y": enc(y), "x_test": enc(xte), "y_test": enc(yte),
           "train_score": enc(model.train_score_), "predict": enc(model.predict(xte)),
           "bin_thresholds": [enc(t) for t in model._bin_mapper.bin_thresholds_],
           "score": model.score(xte, yte)}
    if hasattr(model, "predict_proba"):
        out["proba"] = enc(model.predict_proba(xte))
    return out


def boosting():
    rng = np.random.default_rng(11)
    # Continuous features with a non-linear boundary; the scores are the training loss, so
    # early stopping is on (to record them) with a patience longer than the run.
    x = np.round(rng.normal(size=(600, 6)), 6)
    ybin = ((x[:, 0] * x[:, 1] + np.sin(2 * x[:, 2]) + 0.3 * rng.normal(size=600)) > 0).astype(np.int64)
    ymulti = np.digitize(x[:, 0] + 0.5 * x[:, 3] ** 2 - x[:, 4], [-0.7, 0.4, 1.5]).astype(np.int64)
    yreg = x[:, 0] * 2 + np.sin(3 * x[:, 1]) + x[:, 2] * x[:, 3] + 0.1 * rng.normal(size=600)
    common = dict(early_stopping=True, validation_fraction=None, n_iter_no_change=1000, random_state=0)
    auto = table("autompg.csv")
    cases = [
        boosting_case("binary", HistGradientBoostingClassifier(max_iter=30, **common), x[:500], ybin[:500], x[500:], ybin[500:]),
        boosting_case("multiclass", HistGradientBoostingClassifier(max_iter=20, max_leaf_nodes=15, l2_regularization=1.0, **common), x[:500], ymulti[:500], x[500:], ymulti[500:]),
        boosting_case("regression", HistGradientBoostingRegressor(max_iter=40, **common), x[:500], yreg[:500], x[500:], yreg[500:]),
        boosting_case("regression-depth3", HistGradientBoostingRegressor(max_iter=25, max_depth=3, max_leaf_nodes=None, learning_rate=0.2, **common), x[:500], yreg[:500], x[500:], yreg[500:]),
        boosting_case("autompg", HistGradientBoostingRegressor(max_iter=30, min_samples_leaf=10, **common), auto[:300, :7], auto[:300, 7], auto[300:, :7], auto[300:, 7]),
    ]
    write_fixture("boosting-cases", cases, out=OUT)
    xtr, ytr, xte, yte = digits(crop=True)
    digit_case = boosting_case("digits250", HistGradientBoostingClassifier(max_iter=10, **common), xtr[:250], ytr[:250], xte[:100], yte[:100])
    del digit_case["bin_thresholds"]  # pixels: the midpoints of their distinct values, checked by the synthetic cases
    write_fixture("boosting-digits", [digit_case], out=OUT)


def boosting_accuracy():
    """scikit-learn's default HistGradientBoostingClassifier on the whole sample (minutes)."""
    xtr, ytr, xte, yte = digits()
    full = HistGradientBoostingClassifier(early_stopping=False, random_state=0).fit(xtr, ytr)
    print(f"  digits boosting 100 iterations: {full.score(xte, yte):.4f}")
    write_fixture("boosting-digits-accuracy", [{"score": full.score(xte, yte)}], out=OUT)


if __name__ == "__main__":
    import sys
    parts = sys.argv[1:] or ["trees", "tree_accuracy", "forests", "boosting", "boosting_accuracy"]
    for part in parts:
        globals()[part]()
