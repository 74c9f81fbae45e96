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
                         doc: "Logistic regression (scikit-learn's LogisticRegression): minimises C·Σ log-loss + ½‖w‖² (penalty=\"none\" drops the ½‖w‖²; the intercept is never penalised) with solver=\"lbfgs\" (L-BFGS on BLAS, the default), \"newton\" (Newton-CG) or \"sgd\", stopping when the largest gradient component is below tol or after max_iter iterations. Several classes form one softmax model (multi_class=\"multinomial\") or one binary model per class (\"ovr\"). Fitted: classes_, coef_ (classes, features) or (1, features) for two classes, intercept_, n_iter_.",
                         example: "x = tensor([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 2.0], [4.0, 5.0], [5.0, 4.0]])\ny = tensor([0, 0, 1, 1, 2, 2])\nm = LogisticRegression(C=10).fit(x, y)\n(m.predict(x), m.score(x, y))") {
                try LogisticRegression($0)
            },
        ]
    }
}
