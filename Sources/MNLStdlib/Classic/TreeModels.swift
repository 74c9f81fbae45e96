import MNLClassic

extension ClassicModels {
    /// scikit-learn's trees and tree ensembles (`sklearn.tree`, `sklearn.ensemble`).
    static var treeModels: [ClassicModel] {
        [decisionTreeClassifier, decisionTreeRegressor, randomForestClassifier, randomForestRegressor]
            + boostingModels(named: "GradientBoosting") + boostingModels(named: "HistGradientBoosting")
    }

    private static let treeExampleData = "x = tensor([[1.0, 5.0], [2.0, 4.0], [3.0, 7.0], [6.0, 1.0], [7.0, 3.0], [8.0, 2.0]])\ny = tensor([0, 0, 0, 1, 1, 1])\n"

    private static var decisionTreeClassifier: ClassicModel {
        ClassicModel("DecisionTreeClassifier", ["criterion": .string("gini"), "max_depth": .none, "min_samples_split": .int(2),
                                                "min_samples_leaf": .int(1), "max_features": .none, "random_state": .none],
                     doc: "A CART decision tree (scikit-learn's DecisionTreeClassifier): each node takes the threshold, halfway between two neighbouring values, that most lowers the impurity (criterion=\"gini\", \"entropy\" or \"log_loss\"), searched over every feature (or a random max_features of them: an integer count, a fraction, \"sqrt\" or \"log2\"); growth stops at max_depth, below min_samples_split samples, or where a child would have fewer than min_samples_leaf. predict_proba gives the training class fractions of the leaf. Fitted: classes_, n_classes_, n_features_in_, max_features_, feature_importances_ (impurity decrease per feature, summing to 1).",
                     example: treeExampleData + "m = DecisionTreeClassifier(max_depth=2).fit(x, y)\n(m.predict(tensor([[2.5, 6.0], [7.5, 2.0]])), m.feature_importances_)",
                     randomized: { try DecisionTreeClassifier(parameters: $0.values, generator: $1) })
    }

    private static var decisionTreeRegressor: ClassicModel {
        ClassicModel("DecisionTreeRegressor", ["criterion": .string("squared_error"), "max_depth": .none, "min_samples_split": .int(2),
                                               "min_samples_leaf": .int(1), "max_features": .none, "random_state": .none],
                     doc: "A CART regression tree (scikit-learn's DecisionTreeRegressor): splits chosen to lower the squared error most, each leaf predicting the mean target of its training samples; max_depth, min_samples_split, min_samples_leaf and max_features as for DecisionTreeClassifier. Fitted: n_features_in_, max_features_, feature_importances_.",
                     example: "x = tensor([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]])\nDecisionTreeRegressor(max_depth=1).fit(x, tensor([1.0, 1.2, 0.9, 5.0, 5.1, 4.8])).predict(tensor([[2.0], [5.5]]))",
                     randomized: { try DecisionTreeRegressor(parameters: $0.values, generator: $1) })
    }

    private static var randomForestClassifier: ClassicModel {
        ClassicModel("RandomForestClassifier", ["n_estimators": .int(100), "criterion": .string("gini"), "max_depth": .none,
                                                "min_samples_split": .int(2), "min_samples_leaf": .int(1), "max_features": .string("sqrt"),
                                                "bootstrap": .bool(true), "random_state": .none, "n_jobs": .none],
                     doc: "A random forest (scikit-learn's RandomForestClassifier): n_estimators trees, each grown on a bootstrap sample of the rows (bootstrap=true) with every split searching a random max_features of the features (\"sqrt\" by default); predict_proba averages the trees' class fractions. Trees are built on all cores (n_jobs=1 for one), each from its own generator seeded from random_state (or the session's), so a seed gives the same forest on any number of cores. The progress bar counts trees; Ctrl-C keeps the previous fit. Fitted: classes_, n_classes_, n_features_in_, n_estimators_, feature_importances_ (the trees' mean).",
                     example: treeExampleData + "m = RandomForestClassifier(n_estimators=10, random_state=0).fit(x, y)\nm.predict(tensor([[2.5, 6.0], [7.5, 2.0]]))",
                     randomized: { try RandomForestClassifier(parameters: $0.values, generator: $1) })
    }

    private static var randomForestRegressor: ClassicModel {
        ClassicModel("RandomForestRegressor", ["n_estimators": .int(100), "criterion": .string("squared_error"), "max_depth": .none,
                                               "min_samples_split": .int(2), "min_samples_leaf": .int(1), "max_features": .double(1),
                                               "bootstrap": .bool(true), "random_state": .none, "n_jobs": .none],
                     doc: "A random forest of regression trees (scikit-learn's RandomForestRegressor): the mean prediction of n_estimators trees grown on bootstrap samples; max_features defaults to all features (1.0), as in scikit-learn. Built on all cores like RandomForestClassifier. Fitted: n_features_in_, n_estimators_, feature_importances_.",
                     example: "x = tensor([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]])\nRandomForestRegressor(n_estimators=20, random_state=0).fit(x, tensor([1.0, 1.2, 0.9, 5.0, 5.1, 4.8])).predict(tensor([[1.5], [5.5]]))",
                     randomized: { try RandomForestRegressor(parameters: $0.values, generator: $1) })
    }

    /// The boosting parameters (scikit-learn's HistGradientBoosting names and defaults; `n_estimators`, the older
    /// GradientBoosting name, sets max_iter when given).
    private static func boostingParameters(loss: String) -> KeyValuePairs<String, HyperValue> {
        ["loss": .string(loss), "learning_rate": .double(0.1), "max_iter": .int(100), "max_leaf_nodes": .int(31), "max_depth": .none,
         "min_samples_leaf": .int(20), "l2_regularization": .double(0), "max_bins": .int(255), "early_stopping": .string("auto"),
         "validation_fraction": .double(0.1), "n_iter_no_change": .int(10), "tol": .double(1e-7), "random_state": .none,
         "n_estimators": .none]
    }

    private static func boostingModels(named prefix: String) -> [ClassicModel] {
        let classifier = prefix + "Classifier", regressor = prefix + "Regressor"
        let common = "Features are cut into at most max_bins (255) bins by quantiles, and each tree is grown best-first on histograms of the loss's gradients and hessians, splitting the leaf that gains most until max_leaf_nodes leaves (or within max_depth), with at least min_samples_leaf samples per leaf and l2_regularization on the leaf values, each scaled by learning_rate. early_stopping=\"auto\" (on above 10000 samples), true or false: stop when the loss on a validation_fraction of the rows (or on the training rows when validation_fraction=nil) has not improved by tol in n_iter_no_change iterations. n_estimators is accepted as another name for max_iter. The progress bar counts iterations; Ctrl-C keeps the previous fit."
        let twin = prefix == "GradientBoosting" ? " (the same model as HistGradientBoosting" : " (also named GradientBoosting"
        return [
            ClassicModel(classifier, boostingParameters(loss: "log_loss"),
                         doc: "Histogram gradient boosting for classes\(twin)Classifier), as scikit-learn's HistGradientBoostingClassifier and LightGBM: binary log-loss on one score, or softmax with one tree per class per iteration. \(common) Fitted: classes_, n_classes_, n_features_in_, n_iter_, n_trees_per_iteration_, train_score_ and validation_score_ (minus the loss before and after each iteration; train_score_ is kept even without early stopping).",
                         example: treeExampleData + "m = \(classifier)(max_iter=20, min_samples_leaf=1).fit(x, y)\n(m.predict(tensor([[2.5, 6.0], [7.5, 2.0]])), m.n_iter_)",
                         randomized: { try GradientBoostingClassifier(parameters: $0.values, generator: $1, kind: classifier) }),
            ClassicModel(regressor, boostingParameters(loss: "squared_error"),
                         doc: "Histogram gradient boosting for regression with squared error\(twin)Regressor), as scikit-learn's HistGradientBoostingRegressor: starts from the mean target and adds trees fitted to the residuals. \(common) Fitted: n_features_in_, n_iter_, n_trees_per_iteration_, train_score_, validation_score_.",
                         example: "x = tensor([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]])\n\(regressor)(max_iter=50, min_samples_leaf=1).fit(x, tensor([1.0, 1.2, 0.9, 5.0, 5.1, 4.8])).predict(tensor([[1.5], [5.5]]))",
                         randomized: { try GradientBoostingRegressor(parameters: $0.values, generator: $1, kind: regressor) }),
        ]
    }
}
