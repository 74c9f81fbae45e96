#!/usr/bin/env python3
"""Writes Tests/MNLClassicTests/Fixtures/pipe-*.json for SVC(probability=true) and Pipeline:
- pipe-platt.json: libsvm's sigmoid_train (Platt scaling by Newton's method with smoothed
  targets) and multiclass_probability (Wu, Lin and Weng's pairwise coupling, method 2),
  transcribed below in NumPy from libsvm's svm.cpp, on fixed decision values and pairwise
  probabilities: the Swift transcription must agree to rounding;
- pipe-svc-proba.json: scikit-learn's SVC(probability=True) on iris (two and three classes)
  and a sample of the digits, with predict_proba, probA_, probB_ and log_loss. libsvm shuffles
  the Platt cross-validation's folds with C's rand(), which our generator does not reproduce,
  so the tests compare agreement of argmax and log loss, not the probabilities themselves;
- pipe-pipeline.json: scikit-learn's make_pipeline(StandardScaler(), PCA(), LogisticRegression())
  and a (StandardScaler, SVC) pipeline in GridSearchCV, whose results are deterministic.
Run from anywhere: python3 scripts/make-classic-fixtures-pipe.py (scikit-learn 1.9.1)."""
import math
import os
import warnings
import numpy as np
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from fixture_support import enc, write_fixture

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Tests", "MNLClassicTests", "Fixtures")


def sigmoid_train(dec, labels):
    """libsvm's sigmoid_train, line for line."""
    prior1 = float(np.sum(labels > 0))
    prior0 = float(len(labels)) - prior1
    max_iter, min_step, sigma, eps = 100, 1e-10, 1e-12, 1e-5
    hi, lo = (prior1 + 1) / (prior1 + 2), 1 / (prior0 + 2)
    t = np.where(labels > 0, hi, lo)
    a, b = 0.0, math.log((prior0 + 1) / (prior1 + 1))

    def objective(a, b):
        z = dec * a + b
        pos, neg = np.maximum(z, 0), np.minimum(z, 0)  # each branch evaluated where it is used
        return float(np.sum(np.where(z >= 0, t * z + np.log(1 + np.exp(-pos)), (t - 1) * z + np.log(1 + np.exp(neg)))))

    fval = objective(a, b)
    for _ in range(max_iter):
        z = dec * a + b
        pos, neg = np.maximum(z, 0), np.minimum(z, 0)
        p = np.where(z >= 0, np.exp(-pos) / (1 + np.exp(-pos)), 1 / (1 + np.exp(neg)))
        q = np.where(z >= 0, 1 / (1 + np.exp(-pos)), np.exp(neg) / (1 + np.exp(neg)))
        d2, d1 = p * q, t - p
        h11, h22, h21 = sigma + float(np.sum(dec * dec * d2)), sigma + float(np.sum(d2)), float(np.sum(dec * d2))
        g1, g2 = float(np.sum(dec * d1)), float(np.sum(d1))
        if abs(g1) < eps and abs(g2) < eps:
            break
        det = h11 * h22 - h21 * h21
        da, db = -(h22 * g1 - h21 * g2) / det, -(-h21 * g1 + h11 * g2) / det
        gd = g1 * da + g2 * db
        step = 1.0
        while step >= min_step:
            na, nb = a + step * da, b + step * db
            nf = objective(na, nb)
            if nf < fval + 0.0001 * step * gd:
                a, b, fval = na, nb, nf
                break
            step /= 2
        if step < min_step:
            break
    return a, b


def multiclass_probability(r):
    """libsvm's multiclass_probability, line for line."""
    k = r.shape[0]
    p = np.full(k, 1.0 / k)
    q = np.zeros((k, k))
    for t in range(k):
        for j in range(k):
            if j != t:
                q[t, t] += r[j, t] ** 2
                q[t, j] = -r[j, t] * r[t, j]
    eps = 0.005 / k
    for _ in range(max(100, k)):
        qp = q @ p
        pqp = float(p @ qp)
        if np.max(np.abs(qp - pqp)) < eps:
            break
        for t in range(k):
            diff = (-qp[t] + pqp) / q[t, t]
            p[t] += diff
            pqp = (pqp + diff * (diff * q[t, t] + 2 * qp[t])) / (1 + diff) / (1 + diff)
            qp = (qp + diff * q[t, :]) / (1 + diff)
            p /= 1 + diff
    return p


def platt_cases():
    rng = np.random.RandomState(3)
    cases = []
    for n, shift, noise in [(40, 1.0, 1.0), (200, 0.5, 2.0), (15, 3.0, 0.2), (100, 0.0, 1.0), (60, 2.0, 0.5)]:
        labels = (rng.rand(n) < 0.4).astype(np.float64) * 2 - 1
        dec = labels * shift + rng.randn(n) * noise
        a, b = sigmoid_train(dec, labels)
        cases.append({"kind": "sigmoid", "dec": enc(dec), "labels": enc(labels), "A": a, "B": b})
    for k in [2, 3, 4, 7, 10]:
        r = np.zeros((k, k))
        for i in range(k):
            for j in range(i + 1, k):
                r[i, j] = min(max(rng.rand(), 1e-7), 1 - 1e-7)
                r[j, i] = 1 - r[i, j]
        cases.append({"kind": "coupling", "r": enc(r), "p": enc(multiclass_probability(r))})
    return cases


def iris():
    data = np.loadtxt(os.path.join(ROOT, "Data", "iris.csv"), delimiter=",", skiprows=1)
    return data[:, :4], data[:, 4].astype(np.int64)


def proba_problems():
    xi, yi = iris()
    order = np.random.RandomState(0).permutation(len(yi))
    xi, yi = xi[order], yi[order]
    d = load_digits()
    rows = np.random.RandomState(1).permutation(len(d.target))[:500]
    xd, yd = d.data[rows] / 16.0, d.target[rows].astype(np.int64)
    return [("iris3", xi[:120], yi[:120], xi[120:], yi[120:], {}),
            ("iris2", xi[:120][yi[:120] > 0], yi[:120][yi[:120] > 0], xi[120:][yi[120:] > 0], yi[120:][yi[120:] > 0], {}),
            ("digits", xd[:350], yd[:350], xd[350:], yd[350:], {"C": 10.0})]


def svc_proba_cases():
    cases = []
    for name, x, y, xt, yt, settings in proba_problems():
        m = SVC(probability=True, random_state=0, **settings).fit(x, y)
        proba = m.predict_proba(xt)
        cases.append({"problem": name, "settings": settings, "x": enc(x), "y": enc(y), "x_test": enc(xt), "y_test": enc(yt),
                      "proba": enc(proba), "probA": enc(m.probA_), "probB": enc(m.probB_),
                      "log_loss": float(log_loss(yt, proba, labels=m.classes_)), "predict": enc(m.predict(xt))})
    return cases


def pipeline_cases():
    d = load_digits()
    rows = np.random.RandomState(2).permutation(len(d.target))[:300]
    x, y = d.data[rows], d.target[rows].astype(np.int64)
    xtr, ytr, xte = x[:200], y[:200], x[200:]
    p = make_pipeline(StandardScaler(), PCA(n_components=20), LogisticRegression()).fit(xtr, ytr)
    xi, yi = iris()
    g = GridSearchCV(make_pipeline(StandardScaler(), SVC()), {"svc__C": [0.1, 1.0, 10.0], "svc__gamma": [0.01, 0.1]}, cv=3).fit(xi, yi)
    cv = cross_val_score(make_pipeline(StandardScaler(), SVC(C=10.0)), xi, yi, cv=5)
    return [{"x": enc(xtr), "y": enc(ytr), "x_test": enc(xte), "predict": enc(p.predict(xte)),
             "proba": enc(p.predict_proba(xte)), "transform": enc(p[:-1].transform(xte)), "score": float(p.score(xte, y[200:])),
             "y_test": enc(y[200:])},
            {"x": enc(xi), "y": enc(yi), "grid_mean": enc(g.cv_results_["mean_test_score"]),
             "best_C": float(g.best_params_["svc__C"]), "best_gamma": float(g.best_params_["svc__gamma"]), "cross_val": enc(cv)}]


if __name__ == "__main__":
    # SVC(probability=True) and probA_/probB_ are deprecated in scikit-learn 1.9 (for
    # CalibratedClassifierCV) but still computed by libsvm as before.
    warnings.filterwarnings("ignore", category=FutureWarning)
    write_fixture("pipe-platt", platt_cases(), out=OUT)
    write_fixture("pipe-svc-proba", svc_proba_cases(), out=OUT)
    write_fixture("pipe-pipeline", pipeline_cases(), out=OUT)
