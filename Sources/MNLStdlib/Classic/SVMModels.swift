import MNLClassic

extension ClassicModels {
    /// scikit-learn's support vector machines (`sklearn.svm`) and kernel ridge.
    static var svmModels: [ClassicModel] {
        [
            ClassicModel("SVC", ["C": .double(1), "kernel": .string("rbf"), "degree": .int(3), "gamma": .string("scale"),
                                 "coef0": .double(0), "shrinking": .bool(true), "probability": .bool(false), "tol": .double(1e-3), "cache_size": .double(200),
                                 "max_iter": .int(-1), "decision_function_shape": .string("ovr"), "random_state": .none],
                         doc: "A kernel support vector classifier (scikit-learn's SVC) trained by libsvm's SMO algorithm: working sets chosen with second-order information, shrinking, and kernel rows computed on BLAS and kept in a cache of cache_size MB. kernel is \"rbf\" (exp(-gamma‖x−y‖²)), \"linear\", \"poly\" ((gamma x·y + coef0)^degree) or \"sigmoid\"; gamma=\"scale\" is 1/(features · x.var()), \"auto\" 1/features. Several classes train one SVC per pair of classes (on all cores) and vote. decision_function gives one score per row for two classes, else one column per class (decision_function_shape=\"ovr\") or per pair (\"ovo\"). probability=true also fits libsvm's probability estimates (about 5 times the fit's work): per pair, Platt's sigmoid on decision values from a 5-fold cross-validation shuffled by random_state (nil: the session's generator, so seed(n) repeats it), coupled over the pairs; then predict_proba and predict_log_proba, whose argmax can differ from predict's vote near a boundary (as in scikit-learn). Fitted: classes_, support_, support_vectors_, n_support_, dual_coef_, intercept_, n_iter_, and probA_, probB_ with probability=true.",
                         example: "x = tensor([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0], [3.0, 3.0], [4.0, 4.0], [3.0, 4.0], [4.0, 3.0]])\ny = tensor([0, 0, 0, 0, 1, 1, 1, 1])\nm = SVC(kernel=\"rbf\", C=10).fit(x, y)\n(m.predict(tensor([[0.5, 0.5], [3.5, 3.5]])), m.n_support_, SVC(probability=true, random_state=0).fit(x, y).predict_proba(tensor([[0.0, 0.0]])).shape)",
                         randomized: { try SVC($0, generator: $1) }),
            ClassicModel("LinearSVC", ["penalty": .string("l2"), "loss": .string("squared_hinge"), "dual": .string("auto"), "tol": .double(1e-4),
                                       "C": .double(1), "fit_intercept": .bool(true), "intercept_scaling": .double(1), "max_iter": .int(1000)],
                         doc: "A linear support vector classifier (scikit-learn's LinearSVC) trained by liblinear's dual coordinate descent: minimises ½‖w‖² + C·Σ loss with loss=\"squared_hinge\" or \"hinge\", one model per class against the rest (one model for two classes), on all cores. As in liblinear the intercept is the weight of a constant feature intercept_scaling, so it is regularised too. dual is accepted for scikit-learn's sake; the dual solver reaches the same optimum in every case. Fitted: classes_, coef_, intercept_, n_iter_.",
                         example: "x = tensor([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [3.0, 3.0], [4.0, 4.0], [3.0, 4.0]])\ny = tensor([0, 0, 0, 1, 1, 1])\nm = LinearSVC(C=1).fit(x, y)\n(m.predict(tensor([[0.5, 0.5], [3.5, 3.5]])), m.coef_.shape)") {
                try LinearSVC($0)
            },
            ClassicModel("KernelRidge", ["alpha": .double(1), "kernel": .string("linear"), "gamma": .none, "degree": .int(3), "coef0": .double(1)],
                         doc: "Kernel ridge regression (scikit-learn's KernelRidge): ridge regression in the kernel's feature space, with dual_coef_ solving (K + alpha·I) c = y by a Cholesky factorisation; predict(x) is K(x, X_fit_) c. kernel is \"linear\", \"rbf\", \"poly\" or \"sigmoid\" with gamma (nil: 1/features), degree and coef0 as in rbf_kernel and polynomial_kernel. Fitted: dual_coef_, X_fit_.",
                         example: "x = linspace(0, 3, 20).reshape(-1, 1)\nm = KernelRidge(alpha=0.01, kernel=\"rbf\", gamma=2).fit(x, sin(x).ravel())\nround(m.predict(tensor([[1.5]])), 2)") {
                try KernelRidge($0)
            },
        ]
    }

    /// scikit-learn's nearest-neighbour models (`sklearn.neighbors`), brute force on BLAS.
    static var neighborsModels: [ClassicModel] {
        [
            ClassicModel("KNeighborsClassifier", ["n_neighbors": .int(5), "weights": .string("uniform")],
                         doc: "k nearest neighbours classification (scikit-learn's KNeighborsClassifier): each row takes the class with the most votes among its n_neighbors nearest training rows in Euclidean distance (weights=\"distance\" weighs a vote by 1/distance). Distances come from one BLAS product per block of rows; ties in distance go to the earlier training row, ties in votes to the first class. m.kneighbors(x) gives the distances and indices of the neighbours. Fitted: classes_, n_samples_fit_, n_features_in_.",
                         example: "x = tensor([[0.0], [1.0], [2.0], [10.0], [11.0], [12.0]])\ny = tensor([0, 0, 0, 1, 1, 1])\nm = KNeighborsClassifier(n_neighbors=3).fit(x, y)\n(m.predict(tensor([[1.5], [9.0]])), m.kneighbors(tensor([[1.5]])))") {
                try KNeighborsClassifier($0)
            },
            ClassicModel("KNeighborsRegressor", ["n_neighbors": .int(5), "weights": .string("uniform")],
                         doc: "k nearest neighbours regression (scikit-learn's KNeighborsRegressor): the mean target of the n_neighbors nearest training rows (weights=\"distance\": weighted by 1/distance). m.kneighbors(x) gives the distances and indices of the neighbours. Fitted: n_samples_fit_, n_features_in_.",
                         example: "x = tensor([[0.0], [1.0], [2.0], [3.0]])\nKNeighborsRegressor(n_neighbors=2).fit(x, tensor([0.0, 1.0, 4.0, 9.0])).predict(tensor([[0.4]]))") {
                try KNeighborsRegressor($0)
            },
        ]
    }
}
