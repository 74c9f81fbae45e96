"""scikit-learn fixtures for MNLClassic's MLPClassifier and MLPRegressor, written to
Tests/MNLClassicTests/Fixtures/mlp-*.json. Run: python3 scripts/make-classic-fixtures-mlp.py
(scikit-learn 1.9.1).

scikit-learn draws its initial weights and its shuffles from NumPy's RandomState, which
mnist-repl does not reproduce. So each case draws the initial weights with scikit-learn's own
`_init_coef` (Glorot-uniform), records them, hands them to the fit, and trains with
shuffle=False: the rest of the fit (forward and backward passes, the L2 penalty, Adam or
SGD with momentum and the learning-rate schedules, the stopping rule) is then deterministic,
and the Swift fit started from the same weights must agree to rounding."""
import gzip
import os
import warnings

import numpy as np
from sklearn.datasets import load_digits
from sklearn.neural_network import MLPClassifier, MLPRegressor

from fixture_support import enc, write_fixture

warnings.simplefilter("ignore")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "MNLClassicTests", "Fixtures")


def digits(classes, rows):
    """`rows` float64 digits of the first `classes` classes, scaled to [0, 1]."""
    x, y = load_digits(return_X_y=True)
    keep = y < classes
    return x[keep][:rows] / 16.0, y[keep][:rows].astype(np.int64)


def fit_from_drawn_weights(model, x, y, seed):
    """Fits `model` from initial weights drawn by scikit-learn's `_init_coef` with
    RandomState(seed); returns those weights."""
    drawn = []
    helper = type(model)(**model.get_params())
    helper._random_state = np.random.RandomState(seed)
    original = helper._init_coef

    def init_coef(fan_in, fan_out, dtype):
        coef, intercept = original(fan_in, fan_out, dtype)
        drawn.append((coef.copy(), intercept.copy()))
        return coef, intercept

    model._init_coef = init_coef
    model.fit(x, y)
    return drawn


def case(name, model, x, y, seed, predict_rows):
    params = model.get_params()
    drawn = fit_from_drawn_weights(model, x, y, seed)
    result = {
        "name": name,
        "params": {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()
                   if k in ("hidden_layer_sizes", "activation", "solver", "alpha", "batch_size", "learning_rate",
                            "learning_rate_init", "power_t", "max_iter", "tol", "momentum", "nesterovs_momentum",
                            "beta_1", "beta_2", "epsilon", "n_iter_no_change", "loss", "max_fun")},
        "x": enc(x), "y": enc(y),
        "init_coefs": [enc(c) for c, _ in drawn], "init_intercepts": [enc(b) for _, b in drawn],
        "coefs": [enc(c) for c in model.coefs_], "intercepts": [enc(b) for b in model.intercepts_],
        "loss": float(model.loss_),
        "n_iter": int(model.n_iter_), "out_activation": model.out_activation_,
        "predict": enc(model.predict(x[:predict_rows])),
    }
    if model.solver != "lbfgs":
        result["loss_curve"] = enc(np.array(model.loss_curve_))
        result["best_loss"] = float(model.best_loss_)
    if hasattr(model, "predict_proba"):
        result["predict_proba"] = enc(model.predict_proba(x[:predict_rows]))
    return result


def main():
    cases = []
    x, y = digits(3, 150)
    cases.append(case("adam relu, 3 classes, batches of 50",
                      MLPClassifier(hidden_layer_sizes=(8,), batch_size=50, max_iter=6, shuffle=False, learning_rate_init=0.01),
                      x, y, 0, 150))
    x, y = digits(4, 160)
    cases.append(case("sgd nesterov invscaling tanh, two hidden layers",
                      MLPClassifier(hidden_layer_sizes=(10, 6), activation="tanh", solver="sgd", learning_rate="invscaling",
                                    learning_rate_init=0.2, power_t=0.25, alpha=0.01, batch_size=64, max_iter=5, shuffle=False),
                      x, y, 1, 160))
    x, y = digits(2, 120)
    y = np.where(y == 1, 7, 3).astype(np.int64)
    cases.append(case("binary logistic, full batch, classical momentum",
                      MLPClassifier(hidden_layer_sizes=(5,), activation="logistic", solver="sgd", nesterovs_momentum=False,
                                    learning_rate_init=0.5, batch_size=120, max_iter=8, shuffle=False),
                      x, y, 2, 120))
    # Stops early: the loss stalls (tol large) and n_iter_no_change=2 ends the fit; the
    # adaptive schedule first divides the rate by 5, then stops.
    x, y = digits(3, 90)
    cases.append(case("sgd adaptive stops on the no-improvement rule",
                      MLPClassifier(hidden_layer_sizes=(4,), activation="identity", solver="sgd", learning_rate="adaptive",
                                    learning_rate_init=0.05, tol=0.05, n_iter_no_change=2, batch_size=30, max_iter=40, shuffle=False),
                      x, y, 3, 90))
    write_fixture("mlp-classifier", cases, out=OUT)

    rng = np.random.default_rng(5)
    x = rng.normal(size=(100, 4))
    t = np.sin(x[:, 0]) + x[:, 1] * x[:, 2] - 0.5 * x[:, 3]
    regression = [case("adam relu regressor", MLPRegressor(hidden_layer_sizes=(12,), batch_size=25, max_iter=7, shuffle=False,
                                                           learning_rate_init=0.01), x, t, 4, 100)]
    write_fixture("mlp-regressor", regression, out=OUT)
    write_fixture("mlp-sample-accuracy", [sample_accuracy()], out=OUT)

    # L-BFGS to convergence (a tight tol): two implementations of it take different steps,
    # so only the minimum they reach from the same weights is compared.
    data = np.loadtxt(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Data", "iris.csv"), delimiter=",", skiprows=1)
    x = (data[:, :4] - data[:, :4].mean(axis=0)) / data[:, :4].std(axis=0)
    y = data[:, 4].astype(np.int64)
    lbfgs = [case("lbfgs tanh on iris to convergence",
                  MLPClassifier(hidden_layer_sizes=(6,), activation="tanh", solver="lbfgs", alpha=0.01, tol=1e-8, max_iter=2000),
                  x, y, 6, 150)]
    write_fixture("mlp-lbfgs", lbfgs, out=OUT)


def idx(path):
    """An IDX file (gzipped) as a NumPy array."""
    raw = gzip.open(path).read()
    dims = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(raw[3])]
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * raw[3]).reshape(dims)


def sample_accuracy():
    """scikit-learn's test accuracy on the embedded MNIST sample (Data/mnist-sample, 4000
    training and 1000 test digits, x / 255 in float32) after 10 epochs of the default
    MLPClassifier, for 15 seeds: mnist-repl's own seeds cannot be scikit-learn's, so its
    accuracy is compared with this spread (Tests/ScriptTests/MLPAccuracyTests.swift)."""
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Data", "mnist-sample")
    def images(name):
        return idx(os.path.join(folder, name)).reshape(-1, 784).astype(np.float32) / 255
    xtr, xte = images("train-images-idx3-ubyte.gz"), images("t10k-images-idx3-ubyte.gz")
    ytr, yte = idx(os.path.join(folder, "train-labels-idx1-ubyte.gz")), idx(os.path.join(folder, "t10k-labels-idx1-ubyte.gz"))
    accuracies = [MLPClassifier(max_iter=10, random_state=seed).fit(xtr, ytr).score(xte, yte) for seed in range(15)]
    return {"max_iter": 10, "seeds": list(range(15)), "accuracies": accuracies}


main()
