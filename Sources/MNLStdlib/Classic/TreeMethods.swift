import MNLClassic
import MNLRuntime
import MNLSyntax

/// The methods scikit-learn's decision trees add to the estimator API.
enum TreeMethods {
    static var methods: [Builtin] { [getDepth, getNLeaves] }

    static let example = "x = tensor([[1.0], [2.0], [3.0], [4.0]])\nm = DecisionTreeClassifier().fit(x, tensor([0, 1, 0, 1]))\n"

    static let getDepth = Builtin(
        "get_depth", [.required("self")], topic: "methods",
        doc: "A decision tree's depth: the most splits from the root to a leaf (scikit-learn's get_depth()).",
        example: example + "m.get_depth()"
    ) { a, _ in .number(Double(try fittedTree(a, "get_depth").depth)) }

    static let getNLeaves = Builtin(
        "get_n_leaves", [.required("self")], topic: "methods",
        doc: "A decision tree's number of leaves (scikit-learn's get_n_leaves()).",
        example: example + "m.get_n_leaves()"
    ) { a, _ in .number(Double(try fittedTree(a, "get_n_leaves").leafCount)) }

    private static func fittedTree(_ a: Arguments, _ method: String) throws -> TreeStructure {
        let o = try ClassicModelObject.receiver(a)
        guard let model = o.estimator as? SingleTreeEstimator else {
            throw Diagnostic(.library(LibraryFailure(ModelError.unsupported(model: o.model.name, message: "it is not a decision tree, so it has no \(method)"))), at: nil)
        }
        guard let tree = model.tree else { throw Diagnostic(.library(LibraryFailure(ModelError.notFitted(model: o.model.name))), at: nil) }
        return tree
    }
}
