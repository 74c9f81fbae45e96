import MNLClassic

extension ClassicModels {
    /// scikit-learn's linear models (`sklearn.linear_model`).
    static var linearModels: [ClassicModel] {
        [
            ClassicModel("LinearRegression", ["fit_intercept": .bool(true)],
                         doc: "Ordinary least squares (scikit-learn's LinearRegression): the coefficients minimising the squared error, from LAPACK's SVD-based solver, so collinear features give the minimum-norm solution. Fitted: coef_, intercept_, rank_, singular_.",
                         example: "x = tensor([[1.0, 0.0], [2.0, 1.0], [3.0, 5.0], [4.0, 2.0]])\nm = LinearRegression().fit(x, x @ tensor([2.0, -1.0]) + 3)\n(m.coef_, m.intercept_)") {
                try LinearRegression($0)
            },
            ClassicModel("LogisticRegression", ["penalty": .string("l2"), "tol": .double(1e-4), "C": .double(1), "fit_intercept": .bool(true),
                                                "solver": .string("lbfgs"), "max_iter": .int(100), "multi_class": .string("multinomial")],
                         doc: "Logistic regression (scikit-learn's LogisticRegression): minimises C·Σ log-loss + ½‖w‖² (penalty=\"none\" drops the ½‖w‖²; the intercept is never penalised) with solver=\"lbfgs\" (L-BFGS on BLAS, the default), \"newton\" (Newton-CG on Hessian-vector products) or \"sgd\" (per-example steps with the \"optimal\" rate, one epoch per iteration; needs penalty=\"l2\"), stopping when the largest gradient component is below tol or after max_iter iterations. Several classes form one softmax model (multi_class=\"multinomial\") or one binary model per class (\"ovr\"). Fitted: classes_, coef_ (classes, features) or (1, features) for two classes, intercept_, n_iter_.",
                         example: "x = tensor([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 2.0], [4.0, 5.0], [5.0, 4.0]])\ny = tensor([0, 0, 1, 1, 2, 2])\nm = LogisticRegression(C=10).fit(x, y)\n(m.predict(x), m.score(x, y))") {
                try LogisticRegression($0)
            },
            ClassicModel("Ridge", ["alpha": .double(1), "fit_intercept": .bool(true)],
                         doc: "Least squares with an L2 penalty alpha·‖w‖² (scikit-learn's Ridge), solved exactly through LAPACK from the normal equations (or their dual form when there are more features than rows); the intercept is not penalised. Fitted: coef_, intercept_.",
                         example: "x = tensor([[1.0, 0.0], [2.0, 1.0], [3.0, 5.0], [4.0, 2.0]])\nRidge(alpha=0.5).fit(x, tensor([1.0, 2.0, 4.0, 3.0])).coef_") {
                try Ridge($0)
            },
            ClassicModel("Lasso", ["alpha": .double(1), "fit_intercept": .bool(true), "max_iter": .int(1000), "tol": .double(1e-4)],
                         doc: "Least squares with an L1 penalty, (1/2n)·‖y - Xw‖² + alpha·‖w‖₁ (scikit-learn's Lasso), by cyclic coordinate descent stopped by the duality gap (below tol·‖y‖²) or after max_iter passes; large alpha sets coefficients exactly to zero. Fitted: coef_, intercept_, n_iter_, dual_gap_.",
                         example: "x = tensor([[1.0, 0.0], [2.0, 1.0], [3.0, 5.0], [4.0, 2.0]])\nLasso(alpha=0.1).fit(x, tensor([1.0, 2.0, 4.0, 3.0])).coef_") {
                try Lasso($0)
            },
            ClassicModel("SGDClassifier", ["loss": .string("hinge"), "penalty": .string("l2"), "alpha": .double(0.0001), "l1_ratio": .double(0.15),
                                           "fit_intercept": .bool(true), "max_iter": .int(1000), "tol": .double(1e-3), "shuffle": .bool(true),
                                           "epsilon": .double(0.1), "random_state": .none, "learning_rate": .string("optimal"), "eta0": .double(0),
                                           "power_t": .double(0.5), "n_iter_no_change": .int(5)],
                         doc: "A linear classifier trained by stochastic gradient descent as scikit-learn's SGDClassifier: one example at a time in a shuffled order (random_state seeds it; nil means 0, so fits repeat), loss \"hinge\" (a linear SVM), \"log_loss\" (logistic regression, with predict_proba), \"modified_huber\", \"squared_hinge\" or \"perceptron\"; penalty \"l2\", \"l1\", \"elasticnet\" (l1_ratio) or nil, of strength alpha; learning_rate \"optimal\" (1/(alpha·(t₀+t))), \"constant\" (eta0) or \"invscaling\" (eta0/t^power_t). Stops when an epoch's loss has not improved by tol for n_iter_no_change epochs, or after max_iter epochs. Several classes: one-vs-rest. Fitted: classes_, coef_, intercept_, n_iter_.",
                         example: "x = tensor([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 2.0], [4.0, 5.0], [5.0, 4.0]])\nm = SGDClassifier(loss=\"log_loss\").fit(x, tensor([0, 0, 0, 1, 1, 1]))\nm.predict(tensor([[0.5, 0.5], [5.0, 5.0]]))") {
                try SGDClassifier($0)
            },
            ClassicModel("SGDRegressor", ["loss": .string("squared_error"), "penalty": .string("l2"), "alpha": .double(0.0001), "l1_ratio": .double(0.15),
                                          "fit_intercept": .bool(true), "max_iter": .int(1000), "tol": .double(1e-3), "shuffle": .bool(true),
                                          "epsilon": .double(0.1), "random_state": .none, "learning_rate": .string("invscaling"), "eta0": .double(0.01),
                                          "power_t": .double(0.25), "n_iter_no_change": .int(5)],
                         doc: "A linear regressor trained by stochastic gradient descent as scikit-learn's SGDRegressor: loss \"squared_error\", \"huber\" or \"epsilon_insensitive\" (epsilon), the penalties and learning-rate schedules of SGDClassifier (default \"invscaling\", eta0/t^power_t). Scale the features first (StandardScaler): SGD is sensitive to their ranges. Fitted: coef_, intercept_, n_iter_.",
                         example: "x = tensor([[0.0], [1.0], [2.0], [3.0]])\nSGDRegressor(max_iter=2000, tol=nil).fit(x, tensor([1.0, 3.0, 5.0, 7.0])).predict(tensor([[4.0]]))") {
                try SGDRegressor($0)
            },
            ClassicModel("Perceptron", ["penalty": .none, "alpha": .double(0.0001), "l1_ratio": .double(0.15), "fit_intercept": .bool(true),
                                        "max_iter": .int(1000), "tol": .double(1e-3), "shuffle": .bool(true), "eta0": .double(1),
                                        "random_state": .int(0), "n_iter_no_change": .int(5)],
                         doc: "Rosenblatt's perceptron as scikit-learn's Perceptron: SGD with the perceptron loss (an update only on a mistake), a constant learning rate eta0 and no penalty by default. Several classes: one-vs-rest. Fitted: classes_, coef_, intercept_, n_iter_.",
                         example: "x = tensor([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 2.0], [4.0, 5.0], [5.0, 4.0]])\nPerceptron().fit(x, tensor([0, 0, 0, 1, 1, 1])).score(x, tensor([0, 0, 0, 1, 1, 1]))") {
                try SGDClassifier($0, perceptron: true)
            },
        ]
    }
}
