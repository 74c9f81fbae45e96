import MNLRuntime
import MNLSyntax
import TensorKit

/// A tensor's properties and methods. Every tensor builtin whose first parameter is the
/// tensor is also a method: `x.sum(axis=1)` is `sum(x, axis=1)`.
enum TensorMembers {
    static let table: MemberTable = {
        var members: [String: MemberTable.Member] = [
            "shape": .property(doc: "The size of each axis, as a tuple.") { o in
                .tuple(tensor(o).shape.map { .number(Double($0)) })
            },
            "ndim": .property(doc: "The number of axes.") { o in .number(Double(tensor(o).ndim)) },
            "size": .property(doc: "The number of elements.") { o in .number(Double(tensor(o).count)) },
            "dtype": .property(doc: "The element type: float32, float64, int64, uint8 or bool.") { o in .string(tensor(o).dtype.rawValue) },
            "T": .property(doc: "The transpose (axes reversed), a view.") { o in try bridging { .tensor(try tensor(o).transpose()) } },
            "nbytes": .property(doc: "The bytes the elements take.") { o in .number(Double(tensor(o).nbytes)) },
        ]
        for b in TensorLibrary.methodBuiltins { members[b.name] = .method(b) }
        return MemberTable(members)
    }()

    static func tensor(_ o: any NativeObject) -> Tensor {
        (o as? TensorObject)?.tensor ?? Tensor(scalar: Float(0))
    }
}

/// Every tensor builtin, and which of them are also methods and which are global functions.
enum TensorLibrary {
    static let all: [Builtin] = TensorCreation.builtins + TensorMath.builtins + TensorReductions.builtins
        + TensorShape.builtins + TensorMisc.builtins + TensorRandom.builtins

    /// Builtins whose first parameter is the tensor.
    static var methodBuiltins: [Builtin] {
        all.filter { b in
            if case .required("x")? = b.parameters.first { return true }
            return false
        }
    }

    /// Names the core language already has for numbers and lists; for those the core builtin
    /// hands tensors over to the method, so no global tensor version is installed.
    static let coreNames: Set<String> = ["sum", "max", "min", "abs", "sqrt", "exp", "log", "floor", "round", "sort"]

    static var globalBuiltins: [Builtin] { all.filter { !coreNames.contains($0.name) } }
}
