import MNLClassic
import MNLRuntime
import MNLSyntax

/// The method only nearest-neighbour models have.
enum NeighborsMethods {
    static var methods: [Builtin] { [kneighbors] }

    static let kneighbors = Builtin(
        "kneighbors", [.required("self"), .required("x"), .optional("n_neighbors", defaultText: "nil")], topic: "methods",
        doc: "A nearest-neighbour model's n_neighbors (default: the model's) nearest training rows for each row of x: a tuple (distances, indices), each of shape (samples, n_neighbors), nearest first.",
        example: "m = KNeighborsClassifier(n_neighbors=2).fit(tensor([[0.0], [1.0], [5.0]]), tensor([0, 0, 1]))\nm.kneighbors(tensor([[0.8]]))"
    ) { a, _ in
        let o = try ClassicModelObject.receiver(a)
        guard let n = o.estimator as? KNeighborsBase else {
            throw Diagnostic(.library(LibraryFailure(ModelError.unsupported(model: o.model.name, message: "kneighbors belongs to the nearest-neighbour models"))), at: nil)
        }
        let k = a[2] == nil ? nil : try a.int(2)
        let (d, i) = try classic { try n.kneighbors(try a.tensor(1), nNeighbors: k) }
        return .tuple(TupleBox([.tensor(d), .tensor(i)]))
    }
}
