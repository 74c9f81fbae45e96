import MNLClassic
import MNLRuntime

/// Every classic model the language knows, by family. A family declares its models in its
/// own file (`extension ClassicModels { static var linearModels: [ClassicModel] { ... } }`)
/// and joins this list with one term; the constructors, `help` and `load_model` all read it.
///
/// Adding a model: in MNLClassic, a class conforming to `Estimator` (`ClassifierEstimator`,
/// `TransformerEstimator`) whose `init(_ h: Hyperparameters)` reads and validates its
/// parameters (`h.double("C", expected: "a positive number") { $0 > 0 }`) and whose
/// `hyperparameters` lists them back in the same order; `FeatureMatrix`, `ClassLabels`,
/// `RegressionTargets` and `SavedStateReader` do the shared checks. Then one `ClassicModel`
/// entry in the family's file: scikit-learn's name, the parameters with scikit-learn's
/// defaults, a doc and an example (the tests run it), and the factory.
enum ClassicModels {
    static var all: [ClassicModel] {
        linearModels + preprocessingModels + svmModels + neighborsModels + clusterModels + treeModels
            + neuralNetworkModels  // MARK: mlp
    }

    /// The declared model called `name` (scikit-learn's class name), for loading files.
    static func named(_ name: String) -> ClassicModel? { all.first { $0.name == name } }
}

/// The classic library's builtins: the model constructors, metrics and model selection.
enum ClassicBuiltins {
    static var builtins: [Builtin] {
        ClassicModels.all.map(\.builtin) + MetricBuiltins.builtins + SelectionBuiltins.builtins + KernelFunctions.builtins
            + PipelineModels.builtins  // MARK: pipe
    }
}
