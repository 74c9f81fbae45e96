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
        ]
    }
}
