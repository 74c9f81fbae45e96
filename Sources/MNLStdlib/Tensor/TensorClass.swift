import MNLRuntime
import MNLSyntax
import MNLTerminal
import TensorKit

/// The tensor class: its properties, its methods (every tensor operation declared as a
/// method, see `TensorLibrary`), its operators, indexing, iteration and printing.
enum TensorClass {
    static let declaration = NativeClass(name: "tensor", of: TensorObject.self,
                                         doc: "An n-dimensional array of float32, float64, int64, uint8 or bool elements (NumPy's ndarray).",
                                         constructor: TensorLibrary.functions.first { $0.name == "tensor" }) { c in
        c.property("shape", doc: "The size of each axis, as a tuple.") { .tuple($0.tensor.shape.map { .number(Double($0)) }) }
        c.property("ndim", doc: "The number of axes.") { .number(Double($0.tensor.ndim)) }
        c.property("size", doc: "The number of elements.") { .number(Double($0.tensor.count)) }
        c.property("dtype", doc: "The element type: float32, float64, int64, uint8 or bool.") { .string($0.tensor.dtype.rawValue) }
        c.property("T", doc: "The transpose (axes reversed), a view.") { o in
            if let t = o.traced { return try bridging { .traced(try t.transpose()) } }
            return try bridging { .tensor(try o.tensor.transpose()) }
        }
        c.property("nbytes", doc: "The bytes the elements take.") { .number(Double($0.tensor.nbytes)) }
        for m in TensorLibrary.methods + GradientBuiltins.methods { c.method(Differentiable.wrap(m)) }

        c.binary { o, op, other, reversed, _ in try o.binary(op, other, reversed: reversed) }
        c.compare { o, op, other, reversed, _ in try o.compare(op, other, reversed: reversed) }
        c.compareTruth { o, op, other, reversed in o.scalarTruth(op, other, reversed: reversed) }
        c.inPlace { o, op, other, _ in try o.inPlace(op, other) }
        c.negate { o, _ in try o.negate() }
        c.invert { o, _ in try o.invert() }
        c.contains { o, element, _ in try o.contains(element) }
        c.truth { try $0.truth() }
        c.number { o in
            // float(x) of a traced tensor would drop its gradient, as item() would.
            if o.traced != nil { throw Diagnostic(.notDifferentiable(operation: "float"), at: nil) }
            return try bridging { try o.tensor.item() }
        }
        c.index { o, items, _ in try o.get(items) }
        c.setIndex { o, items, v, _ in try o.set(items, to: v) }
        c.iterate { o, _ in try o.rows() }
        c.length { $0.tensor.shape.first ?? 0 }
        c.render { $0.valuesText() }
        c.echo { $0.echoText() }
        c.scalarNumber { $0.scalarElement?.doubleValue }
        c.summary { TensorFormatter().summary($0.tensor) }
    }
}

/// A tensor library entry: installed as a global function, a tensor method, or both.
protocol TensorLibraryEntry {
    /// The global function, if the entry is one.
    var function: Builtin? { get }
    /// The tensor method (its first parameter is the tensor), if the entry is one.
    var method: Builtin? { get }
}

/// A plain builtin is a function only.
extension Builtin: TensorLibraryEntry {
    var function: Builtin? { self }
    var method: Builtin? { nil }
}

/// A tensor operation declared with `x` first: `sum(x, axis=nil)` and `x.sum(axis=nil)`.
/// `.method` ones are methods only: their global function is the one builtin over numbers,
/// lists and tensors in NumericBuiltins.swift.
struct TensorOperation: TensorLibraryEntry {
    enum Role { case functionAndMethod, method }
    let builtin: Builtin
    let role: Role

    var function: Builtin? { role == .functionAndMethod ? builtin : nil }
    var method: Builtin? { builtin }
}

/// Every tensor builtin, by topic.
enum TensorLibrary {
    static var entries: [any TensorLibraryEntry] {
        TensorCreation.builtins + TensorMath.builtins + TensorReductions.builtins + TensorShape.builtins + TensorMisc.builtins
            + TensorRandom.builtins + TensorDefaultBuiltins.builtins + TensorLinalg.builtins + TensorDistributions.builtins
            + TensorStatistics.builtins + TensorConstruction.builtins
            + TensorElementwise.builtins
            + TensorElementary.builtins + TensorContractions.builtins
            + TensorIndexing.builtins
            + TensorCounting.builtins
    }

    static let functions: [Builtin] = entries.compactMap(\.function)
    static let methods: [Builtin] = entries.compactMap(\.method)
}
