#!/usr/bin/env python3
"""Writes Tests/MNLClassicTests/Fixtures/svm-*.json: scikit-learn's kernels, SVC, LinearSVC,
KernelRidge and KNeighbors on small problems (synthetic data and Data/iris.csv), with the
input data, so that the MNLClassic tests compare against scikit-learn without Python.
Run from anywhere: python3 scripts/make-classic-fixtures-svm.py (scikit-learn 1.9.1)."""
import os
import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs, make_classification, make_regression
from sklearn.decomposition import PCA
from sklearn.kernel_ridge import KernelRidge
from sklearn.metrics.pairwise import linear_kernel, polynomial_kernel, rbf_kernel, sigmoid_kernel
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.svm import SVC, LinearSVC

from fixture_support import enc, write_fixture

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Tests", "MNLClassicTests", "Fixtures")


def iris():
    data = np.loadtxt(os.path.join(ROOT, "Data", "iris.csv"), delimiter=",", skiprows=1)
    return data[:, :4], data[:, 4].astype(np.int64)


def standardized(x):
    return (x - x.mean(axis=0)) / x.std(axis=0)


def problems():
    """(name, x_train, y_train, x_test): 2, 3 and 4 classes."""
    xi, yi = iris()
    rng = np.random.RandomState(0)
    order = rng.permutation(len(yi))
    xi, yi = xi[order], yi[order]
    out = [("iris3", xi[:120], yi[:120], xi[120:]),
           ("iris2", xi[:120][yi[:120] > 0], yi[:120][yi[:120] > 0], xi[120:])]
    x, y = make_classification(n_samples=240, n_features=6, n_informative=4, n_redundant=1, n_classes=4,
                               n_clusters_per_class=1, class_sep=1.2, random_state=1)
    x = standardized(x)
    out.append(("synthetic4", x[:200], y[:200] + 1, x[200:]))
    return out


def kernel_cases():
    rng = np.random.RandomState(2)
    x, y = rng.randn(12, 5), rng.randn(7, 5)
    return [
        {"kernel": "linear", "x": enc(x), "y": enc(y), "k": enc(linear_kernel(x, y))},
        {"kernel": "rbf", "x": enc(x), "y": enc(y), "k": enc(rbf_kernel(x, y))},
        {"kernel": "rbf", "gamma": 0.3, "x": enc(x), "k": enc(rbf_kernel(x, gamma=0.3))},
        {"kernel": "poly", "x": enc(x), "y": enc(y), "k": enc(polynomial_kernel(x, y))},
        {"kernel": "poly", "degree": 2, "gamma": 0.5, "coef0": 0.0, "x": enc(x), "y": enc(y),
         "k": enc(polynomial_kernel(x, y, degree=2, gamma=0.5, coef0=0.0))},
        {"kernel": "sigmoid", "x": enc(x), "y": enc(y), "k": enc(sigmoid_kernel(x, y))},
        {"kernel": "sigmoid", "gamma": 0.1, "coef0": -0.5, "x": enc(x), "y": enc(y),
         "k": enc(sigmoid_kernel(x, y, gamma=0.1, coef0=-0.5))},
    ]


def svc_cases():
    cases = []
    settings = [dict(kernel="linear", C=0.5), dict(kernel="rbf"), dict(kernel="rbf", C=10, gamma="auto"),
                dict(kernel="poly", degree=3, gamma=0.2, coef0=1.0), dict(kernel="sigmoid", gamma=0.05, coef0=0.0)]
    for name, x, y, xt in problems():
        for s in settings:
            m = SVC(**s).fit(x, y)
            cases.append({"problem": name, "settings": {k: v for k, v in s.items()}, "x": enc(x), "y": enc(y),
                          "x_test": enc(xt), "classes": enc(m.classes_), "support": enc(m.support_),
                          "n_support": enc(m.n_support_), "dual_coef": enc(m.dual_coef_),
                          "intercept": enc(m.intercept_), "predict": enc(m.predict(xt)),
                          "decision": enc(m.decision_function(xt)), "gamma": float(m._gamma)})
    return cases


def linear_svc_cases():
    cases = []
    for name, x, y, xt in problems():
        for s in [dict(C=1.0), dict(C=0.1, loss="hinge"), dict(C=1.0, fit_intercept=False)]:
            m = LinearSVC(tol=1e-8, max_iter=100000, random_state=0, **s).fit(x, y)
            cases.append({"problem": name, "settings": s, "x": enc(x), "y": enc(y), "x_test": enc(xt),
                          "coef": enc(m.coef_), "intercept": enc(np.atleast_1d(m.intercept_)),
                          "predict": enc(m.predict(xt)), "decision": enc(m.decision_function(xt))})
    return cases


def kernel_ridge_cases():
    x, y = make_regression(n_samples=60, n_features=4, noise=5.0, random_state=3)
    x = standardized(x)
    xt = x[:10] + 0.1
    cases = []
    for s in [dict(alpha=1.0), dict(alpha=0.1, kernel="rbf", gamma=0.5), dict(alpha=2.0, kernel="poly", degree=2, coef0=1.0),
              dict(alpha=0.5, kernel="rbf")]:
        m = KernelRidge(**s).fit(x, y)
        cases.append({"settings": s, "x": enc(x), "y": enc(y), "x_test": enc(xt),
                      "dual_coef": enc(m.dual_coef_), "predict": enc(m.predict(xt))})
    return cases


def neighbors_cases():
    cases = []
    for name, x, y, xt in problems():
        for s in [dict(n_neighbors=5), dict(n_neighbors=3, weights="distance"), dict(n_neighbors=1)]:
            m = KNeighborsClassifier(algorithm="brute", **s).fit(x, y)
            dist, ind = m.kneighbors(xt)
            r = KNeighborsRegressor(algorithm="brute", **s).fit(x, y.astype(float) * 1.5)
            cases.append({"problem": name, "settings": s, "x": enc(x), "y": enc(y), "x_test": enc(xt),
                          "predict": enc(m.predict(xt)), "proba": enc(m.predict_proba(xt)),
                          "distances": enc(dist), "indices": enc(ind), "regression": enc(r.predict(xt))})
    return cases


def pca_cases():
    xi, _ = iris()
    rng = np.random.RandomState(4)
    xs = rng.randn(40, 7) @ rng.randn(7, 7)
    cases = []
    for x, s in [(xi, dict(n_components=2)), (xi, dict()), (xs, dict(n_components=0.9)), (xs, dict(n_components=3, whiten=True))]:
        m = PCA(svd_solver="full", **s).fit(x)
        xt = x[:5] + 0.25
        cases.append({"settings": s, "x": enc(x), "x_test": enc(xt), "components": enc(m.components_),
                      "explained_variance": enc(m.explained_variance_), "ratio": enc(m.explained_variance_ratio_),
                      "singular": enc(m.singular_values_), "mean": enc(m.mean_), "noise": float(m.noise_variance_),
                      "transform": enc(m.transform(xt)), "inverse": enc(m.inverse_transform(m.transform(xt)))})
    return cases


def kmeans_cases():
    """KMeans is randomised: the fixture keeps scikit-learn's inertia over 10 initialisations
    and the inertia of Lloyd's algorithm started from given centres (deterministic)."""
    x, _ = make_blobs(n_samples=300, centers=4, cluster_std=1.2, random_state=5)
    xi, _ = iris()
    cases = []
    for data, k in [(x, 4), (xi, 3), (x, 6)]:
        m = KMeans(n_clusters=k, n_init=10, random_state=0).fit(data)
        init = data[:k] + 0.01
        fixed = KMeans(n_clusters=k, init=init, n_init=1, algorithm="lloyd").fit(data)
        cases.append({"x": enc(data), "k": k, "inertia": float(m.inertia_), "init": enc(init),
                      "fixed_centers": enc(fixed.cluster_centers_), "fixed_labels": enc(fixed.labels_),
                      "fixed_inertia": float(fixed.inertia_), "fixed_n_iter": int(fixed.n_iter_)})
    return cases


if __name__ == "__main__":
    write_fixture("svm-pca", pca_cases(), out=OUT)
    write_fixture("svm-kmeans", kmeans_cases(), out=OUT)
    write_fixture("svm-kernels", kernel_cases(), out=OUT)
    write_fixture("svm-svc", svc_cases(), out=OUT)
    write_fixture("svm-linear-svc", linear_svc_cases(), out=OUT)
    write_fixture("svm-kernel-ridge", kernel_ridge_cases(), out=OUT)
    write_fixture("svm-neighbors", neighbors_cases(), out=OUT)
