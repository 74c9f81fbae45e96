import MNLClassic
import MNLRuntime
import MNLSyntax
import TensorKit

extension ClassicModels {
    /// scikit-learn's multi-layer perceptrons (`sklearn.neural_network`).
    static var neuralNetworkModels: [ClassicModel] {
        [
            ClassicModel("MLPClassifier", MLPDeclaration.parameters, doc: MLPDeclaration.classifierDoc, example: MLPDeclaration.classifierExample,
                         randomized: { try MLPClassifier($0, generator: $1) }),
            ClassicModel("MLPRegressor", MLPDeclaration.regressorParameters, doc: MLPDeclaration.regressorDoc,
                         example: MLPDeclaration.regressorExample, randomized: { try MLPRegressor($0, generator: $1) }),
        ]
    }
}

/// The MLPs' shared parameters (scikit-learn's defaults), docs and examples.
enum MLPDeclaration {
    static let parameters: KeyValuePairs<String, HyperValue> = [
        "hidden_layer_sizes": .ints([100]), "activation": .string("relu"), "solver": .string("adam"), "alpha": .double(1e-4),
        "batch_size": .string("auto"), "learning_rate": .string("constant"), "learning_rate_init": .double(1e-3),
        "power_t": .double(0.5), "max_iter": .int(200), "shuffle": .bool(true), "random_state": .none, "tol": .double(1e-4),
        "momentum": .double(0.9), "nesterovs_momentum": .bool(true), "early_stopping": .bool(false),
        "validation_fraction": .double(0.1), "beta_1": .double(0.9), "beta_2": .double(0.999), "epsilon": .double(1e-8),
        "n_iter_no_change": .int(10), "max_fun": .int(15000),
    ]

    /// The same, and `loss` (only "squared_error"; scikit-learn's "poisson" is not built). It
    /// comes last here, not first as in scikit-learn, so that `MLPRegressor((50,))` means the
    /// layer sizes as it does for MLPClassifier.
    static let regressorParameters: KeyValuePairs<String, HyperValue> = [
        "hidden_layer_sizes": .ints([100]), "activation": .string("relu"), "solver": .string("adam"), "alpha": .double(1e-4),
        "batch_size": .string("auto"), "learning_rate": .string("constant"), "learning_rate_init": .double(1e-3),
        "power_t": .double(0.5), "max_iter": .int(200), "shuffle": .bool(true), "random_state": .none, "tol": .double(1e-4),
        "momentum": .double(0.9), "nesterovs_momentum": .bool(true), "early_stopping": .bool(false),
        "validation_fraction": .double(0.1), "beta_1": .double(0.9), "beta_2": .double(0.999), "epsilon": .double(1e-8),
        "n_iter_no_change": .int(10), "max_fun": .int(15000), "loss": .string("squared_error"),
    ]

    static let training = "Trains by solver=\"lbfgs\" (L-BFGS on all the rows at once, at most max_iter iterations and max_fun loss evaluations, stopping when the largest gradient component is below tol), or by solver=\"adam\" (beta_1, beta_2, epsilon) or \"sgd\" (momentum, nesterovs_momentum, learning_rate \"constant\", \"invscaling\" (learning_rate_init/(samples seen+1)^power_t) or \"adaptive\" (divided by 5 when the loss stalls)) on mini-batches of batch_size (\"auto\": min(200, samples)), shuffled every epoch (shuffle; random_state seeds the initial Glorot-uniform weights and the shuffles, nil uses the session's generator) with an L2 penalty alpha on the weights, for at most max_iter epochs; it stops when the training loss (with early_stopping, the score on a held-out validation_fraction) has not improved by tol for n_iter_no_change epochs, and warns when max_iter ran out first. Float32 data trains in float32, other data in float64. The progress bar counts epochs; Ctrl-C keeps the previous fit."

    static let classifierDoc = "A multi-layer perceptron classifier (scikit-learn's MLPClassifier): fully connected hidden layers of hidden_layer_sizes units with activation \"relu\", \"tanh\", \"logistic\" or \"identity\", and a softmax output over the classes (logistic for two), minimising the cross-entropy. " + training + " Fitted: classes_, coefs_ and intercepts_ (lists of tensors, one per layer), loss_, loss_curve_, best_loss_, n_iter_, n_layers_, n_outputs_, out_activation_, validation_scores_ and best_validation_score_ with early_stopping."
    static let classifierExample = "x = tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])\ny = tensor([0, 1, 1, 0])\nm = MLPClassifier(hidden_layer_sizes=(8,), activation=\"tanh\", learning_rate_init=0.1, max_iter=500, random_state=0).fit(x, y)\n(m.predict(x), m.n_layers_)"

    static let regressorDoc = "A multi-layer perceptron regressor (scikit-learn's MLPRegressor): the network of MLPClassifier with an identity output, minimising half the mean squared error (loss=\"squared_error\"). " + training + " Scored by r2. Fitted: coefs_, intercepts_, loss_, loss_curve_, best_loss_, n_iter_, n_layers_, n_outputs_, out_activation_."
    static let regressorExample = "x = tensor([[0.0], [1.0], [2.0], [3.0]])\nm = MLPRegressor(hidden_layer_sizes=(16,), learning_rate_init=0.05, max_iter=500, random_state=0).fit(x, tensor([1.0, 3.0, 5.0, 7.0]))\nm.predict(tensor([[1.5]]))"
}

/// The MLP's warning after fit.
enum MLPMethods {
    /// scikit-learn's ConvergenceWarning, printed as a line after a fit that ran out of
    /// max_iter epochs.
    static func reportConvergence(_ o: ClassicModelObject, _ ctx: CallContext) {
        guard let warning = (o.estimator as? any ConvergenceReporting)?.convergenceWarning else { return }
        ctx.session.display.write("warning: \(warning)\n")
    }
}
