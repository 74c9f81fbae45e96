"""scikit-learn fixtures for the issue 13 foundation (MNLClassic's metrics, scalers, model
selection and linear models): each case holds its input data and scikit-learn's results,
written to Tests/MNLClassicTests/Fixtures/base-*.json. Run: python3 scripts/make-classic-fixtures-base.py
(scikit-learn 1.9.1)."""
import os
import warnings

import numpy as np
import sklearn
from sklearn import linear_model, metrics, model_selection, preprocessing
from sklearn.multiclass import OneVsRestClassifier

from fixture_support import enc, write_fixture

warnings.simplefilter("ignore")
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Tests", "MNLClassicTests", "Fixtures")


def table(name):
    data = np.loadtxt(os.path.join(ROOT, "Data", name), delimiter=",", skiprows=1)
    return data[:, :-1], data[:, -1]


def iris():
    x, y = table("iris.csv")
    return x, y.astype(np.int64)


def regression(rng, n, p, noise=0.5):
    x = rng.normal(size=(n, p)) * rng.uniform(0.5, 3, size=p) + rng.normal(size=p)
    w = rng.normal(size=p) * 2
    return x, x @ w + 1.5 + noise * rng.normal(size=n)


def metric_cases(rng):
    cases = []
    for classes, n in [(2, 40), (3, 60), (5, 100)]:
        t = rng.integers(0, classes, n)
        p = np.where(rng.random(n) < 0.7, t, rng.integers(0, classes, n))
        case = {"y_true": enc(t), "y_pred": enc(p), "accuracy": metrics.accuracy_score(t, p),
                "confusion": enc(metrics.confusion_matrix(t, p)), "report": metrics.classification_report(t, p, zero_division=0)}
        for name, f in [("precision", metrics.precision_score), ("recall", metrics.recall_score), ("f1", metrics.f1_score)]:
            for avg in ["macro", "micro", "weighted", None] + (["binary"] if classes == 2 else []):
                v = f(t, p, average=avg, zero_division=0)
                case[f"{name}_{avg or 'none'}"] = enc(v) if avg is None else float(v)
        if classes == 2:
            score = t * 0.6 + rng.random(n)
            score[::7] = 0.5  # ties
            case["y_score"] = enc(score)
            case["roc_auc"] = metrics.roc_auc_score(t, score)
        prob = rng.dirichlet(np.ones(classes), n)
        case["y_prob"] = enc(prob)
        case["log_loss"] = metrics.log_loss(t, prob)
        cases.append(case)
    yt, yp = rng.normal(size=30), rng.normal(size=30)
    cases.append({"regression": True, "y_true": enc(yt), "y_pred": enc(yp), "mse": metrics.mean_squared_error(yt, yp),
                  "mae": metrics.mean_absolute_error(yt, yp), "r2": metrics.r2_score(yt, yp)})
    return cases


def linear_cases(rng):
    cases = []
    x, y = regression(rng, 60, 5)
    xc = np.hstack([x, x[:, :1] * 2 - x[:, 1:2]])  # a collinear column: rank-deficient
    wide, ywide = regression(rng, 8, 12)
    for name, data, target in [("plain", x, y), ("collinear", xc, y), ("wide", wide, ywide)]:
        for intercept in [True, False]:
            m = linear_model.LinearRegression(fit_intercept=intercept).fit(data, target)
            cases.append({"model": "LinearRegression", "data": name, "x": enc(data), "y": enc(target), "fit_intercept": intercept,
                          "coef": enc(m.coef_), "intercept": float(m.intercept_), "rank": int(m.rank_), "score": m.score(data, target)})
        for alpha in [0.1, 10.0]:
            m = linear_model.Ridge(alpha=alpha).fit(data, target)
            cases.append({"model": "Ridge", "data": name, "x": enc(data), "y": enc(target), "alpha": alpha,
                          "coef": enc(m.coef_), "intercept": float(m.intercept_)})
        for alpha in [0.05, 0.5]:
            m = linear_model.Lasso(alpha=alpha, tol=1e-6, max_iter=10000).fit(data, target)
            cases.append({"model": "Lasso", "data": name, "x": enc(data), "y": enc(target), "alpha": alpha, "tol": 1e-6,
                          "coef": enc(m.coef_), "intercept": float(m.intercept_), "n_iter": int(m.n_iter_), "dual_gap": float(m.dual_gap_)})
    return cases


def logistic_cases():
    cases = []
    x, y = iris()
    binary = y < 2
    xs = preprocessing.StandardScaler().fit_transform(x)
    for label, data, target in [("iris", x, y), ("iris-scaled", xs, y), ("iris-binary", x[y > 0], y[y > 0])]:
        for c in [0.1, 1.0, 100.0]:
            # Solved tightly, so the comparison measures the optimum and not where one run stopped.
            m = linear_model.LogisticRegression(C=c, tol=1e-10, max_iter=10000).fit(data, target)
            default = linear_model.LogisticRegression(C=c).fit(data, target)
            cases.append({"default_predict": enc(default.predict(data)), "default_proba": enc(default.predict_proba(data)),
                          "default_n_iter": int(default.n_iter_[0]),"data": label, "x": enc(data), "y": enc(target), "C": c, "multi_class": "multinomial", "penalty": "l2",
                          "coef": enc(m.coef_), "intercept": enc(m.intercept_), "proba": enc(m.predict_proba(data)),
                          "predict": enc(m.predict(data))})
    o = OneVsRestClassifier(linear_model.LogisticRegression(C=1.0, tol=1e-10, max_iter=10000)).fit(xs, y)
    cases.append({"data": "iris-scaled", "x": enc(xs), "y": enc(y), "C": 1.0, "multi_class": "ovr", "penalty": "l2",
                  "coef": enc(np.vstack([e.coef_ for e in o.estimators_])), "intercept": enc(np.hstack([e.intercept_ for e in o.estimators_])),
                  "proba": enc(o.predict_proba(xs)), "predict": enc(o.predict(xs))})
    # Unpenalised on data that is not separable.
    rng = np.random.default_rng(3)
    xn = rng.normal(size=(80, 3))
    yn = (xn @ [1.0, -2.0, 0.5] + rng.normal(size=80) > 0).astype(np.int64)
    m = linear_model.LogisticRegression(C=np.inf, tol=1e-10, max_iter=10000).fit(xn, yn)
    cases.append({"data": "noisy", "x": enc(xn), "y": enc(yn), "C": 1.0, "multi_class": "multinomial", "penalty": "none",
                  "coef": enc(m.coef_), "intercept": enc(m.intercept_), "proba": enc(m.predict_proba(xn)), "predict": enc(m.predict(xn))})
    return cases


def scaler_cases():
    x, _ = table("autompg.csv")
    x = x[:120]
    s = preprocessing.StandardScaler().fit(x)
    m = preprocessing.MinMaxScaler(feature_range=(-1, 2)).fit(x)
    ns = preprocessing.StandardScaler(with_mean=False).fit(x)
    const = np.hstack([x[:20, :2], np.full((20, 1), 3.0)])
    c = preprocessing.StandardScaler().fit(const)
    return [{"x": enc(x), "mean": enc(s.mean_), "var": enc(s.var_), "scale": enc(s.scale_), "standard": enc(s.transform(x)),
             "minmax": enc(m.transform(x)), "minmax_scale": enc(m.scale_), "minmax_min": enc(m.min_),
             "no_mean": enc(ns.transform(x)), "constant_x": enc(const), "constant_scale": enc(c.scale_), "constant": enc(c.transform(const))}]


def selection_cases():
    x, y = iris()
    xs = preprocessing.StandardScaler().fit_transform(x)
    cases = []
    for cv in [3, 5]:
        lr = linear_model.LogisticRegression(C=0.5, tol=1e-10, max_iter=10000)
        folds = [enc(test) for _, test in model_selection.StratifiedKFold(cv).split(xs, y)]
        cases.append({"kind": "stratified", "x": enc(xs), "y": enc(y), "cv": cv, "folds": folds,
                      "scores": enc(model_selection.cross_val_score(lr, xs, y, cv=cv))})
    xr, yr = regression(np.random.default_rng(5), 47, 3)
    cases.append({"kind": "kfold", "x": enc(xr), "y": enc(yr), "cv": 4,
                  "folds": [enc(test) for _, test in model_selection.KFold(4).split(xr)],
                  "scores": enc(model_selection.cross_val_score(linear_model.Ridge(alpha=1.0), xr, yr, cv=4)),
                  "mse_scores": enc(model_selection.cross_val_score(linear_model.Ridge(alpha=1.0), xr, yr, cv=4, scoring="neg_mean_squared_error"))})
    g = model_selection.GridSearchCV(linear_model.LogisticRegression(tol=1e-10, max_iter=10000), {"C": [0.01, 0.1, 1.0, 10.0]}, cv=3).fit(xs, y)
    cases.append({"kind": "grid", "x": enc(xs), "y": enc(y), "cv": 3, "grid_C": [0.01, 0.1, 1.0, 10.0],
                  "mean_test_score": enc(g.cv_results_["mean_test_score"]), "rank": enc(g.cv_results_["rank_test_score"]),
                  "best_C": g.best_params_["C"], "best_score": g.best_score_})
    return cases


def sgd_cases():
    """SGD shuffles with its own generator, so what is compared is the quality: scikit-learn's
    mean (and spread) over five seeds of the training score, on scaled iris and on a scaled
    regression problem."""
    x, y = iris()
    xs = preprocessing.StandardScaler().fit_transform(x)
    xr, yr = regression(np.random.default_rng(7), 200, 4)
    xr = preprocessing.StandardScaler().fit_transform(xr)
    cases = []
    for name, make, data, target in [
        ("SGDClassifier-hinge", lambda s: linear_model.SGDClassifier(random_state=s), xs, y),
        ("SGDClassifier-log_loss", lambda s: linear_model.SGDClassifier(loss="log_loss", random_state=s), xs, y),
        ("Perceptron", lambda s: linear_model.Perceptron(random_state=s), xs, y),
        ("SGDRegressor", lambda s: linear_model.SGDRegressor(random_state=s), xr, yr),
    ]:
        scores = [make(s).fit(data, target).score(data, target) for s in range(5)]
        cases.append({"model": name, "x": enc(data), "y": enc(target), "mean_score": float(np.mean(scores)),
                      "min_score": float(np.min(scores)), "max_score": float(np.max(scores))})
    return cases


if __name__ == "__main__":
    print("scikit-learn", sklearn.__version__)
    rng = np.random.default_rng(13)
    write_fixture("base-metrics", metric_cases(rng), out=OUT)
    write_fixture("base-linear", linear_cases(rng), out=OUT)
    write_fixture("base-logistic", logistic_cases(), out=OUT)
    write_fixture("base-scalers", scaler_cases(), out=OUT)
    write_fixture("base-selection", selection_cases(), out=OUT)
    write_fixture("base-sgd", sgd_cases(), out=OUT)
