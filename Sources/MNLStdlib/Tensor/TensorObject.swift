import MNLRuntime
import MNLSyntax
import MNLTerminal
import TensorKit

/// A tensor as a language value. Like a NumPy array it is a reference: `b = a` aliases,
/// `a -= x` and `a[i] = v` change it in place, `a = a - x` makes a new one.
final class TensorObject: NativeObject {
    let tensor: Tensor

    init(_ tensor: Tensor) { self.tensor = tensor }

    var typeName: String { "tensor" }
    var members: MemberTable { TensorMembers.table }
    func render() -> String { TensorFormatter().format(tensor) }
    func summary() -> String { TensorFormatter().summary(tensor) }
    var length: Int? { tensor.shape.first }

    func binary(_ op: BinaryOperator, _ other: Value, reversed: Bool, _ ctx: CallContext) throws -> Value? {
        if op == .matmul {
            let o = try TensorConversion.tensor(other, argument: "@")
            return try bridging { .tensor(try reversed ? Tensor.matmul(o, tensor) : Tensor.matmul(tensor, o)) }
        }
        if op.isBitwise, case .bool(let b) = other {
            // `mask & true` stays bool, as NumPy's Python-bool scalar does (a number would be int64).
            let s = Tensor(scalar: b)
            return try bridging { .tensor(try reversed ? Tensor.binary(TensorOperators.binaryOp(op), s, tensor) : Tensor.binary(TensorOperators.binaryOp(op), tensor, s)) }
        }
        return try elementwise(TensorOperators.binaryOp(op), other, reversed: reversed)
    }

    func compare(_ op: CompareOperator, _ other: Value, reversed: Bool, _ ctx: CallContext) throws -> Value? {
        guard let binaryOp = TensorOperators.compareOp(op) else { return nil }
        return try elementwise(binaryOp, other, reversed: reversed)
    }

    /// NumPy's `__contains__`: `x in t` is `(t == x).any()`.
    func contains(_ element: Value, _ ctx: CallContext) throws -> Bool? {
        guard case .native(let mask as TensorObject) = try elementwise(.equal, element, reversed: false) else { return nil }
        return try bridging { try mask.tensor.any().item() != 0 }
    }

    func invert(_ ctx: CallContext) throws -> Value? { try bridging { .tensor(try tensor.unary(.invert)) } }

    /// `tensor op other` (or reversed) where other is a number, bool, list or tensor.
    func elementwise(_ op: BinaryOp, _ other: Value, reversed: Bool) throws -> Value {
        if let s = TensorConversion.scalar(other) {
            return try bridging { .tensor(try reversed ? Tensor.binary(op, s, tensor) : Tensor.binary(op, tensor, s)) }
        }
        let o = try TensorConversion.tensor(other, argument: op.rawValue)
        return try bridging { .tensor(try reversed ? Tensor.binary(op, o, tensor) : Tensor.binary(op, tensor, o)) }
    }

    func inPlace(_ op: BinaryOperator, _ other: Value, _ ctx: CallContext) throws -> Bool {
        guard op != .matmul else { return false }
        let binaryOp = TensorOperators.binaryOp(op)
        if let s = TensorConversion.scalar(other) {
            try bridging { try tensor.applyInPlace(binaryOp, s) }
        } else {
            let o = try TensorConversion.tensor(other, argument: op.rawValue + "=")
            try bridging { try tensor.applyInPlace(binaryOp, o) }
        }
        return true
    }

    func negate(_ ctx: CallContext) throws -> Value? { try bridging { .tensor(try tensor.unary(.negative)) } }

    func truthValue() throws -> Bool {
        guard tensor.count == 1 else {
            throw Diagnostic(.invalidValue(function: "truth value",
                                           message: "a tensor of shape \(DiagnosticKind.shapeText(tensor.shape)) is ambiguous as a condition; use any() or all()"), at: nil)
        }
        return try bridging { try tensor.item() != 0 }
    }

    func index(_ items: [IndexArgument], _ ctx: CallContext) throws -> Value {
        if let i = try leadingPosition(items) {
            if items.count == tensor.ndim { return TensorMisc.scalarValue(tensor.element(at: i), tensor.dtype) }
            return .tensor(tensor.view(at: i, droppingLeading: items.count))
        }
        let components = try TensorConversion.index(items)
        return try bridging { .tensorOrNumber(try tensor.get(components)) }
    }

    func setIndex(_ items: [IndexArgument], to value: Value, _ ctx: CallContext) throws {
        if let s = TensorConversion.scalar(value), items.count == tensor.ndim, let i = try leadingPosition(items) {
            return try bridging { try tensor.setElement(at: i, to: s) }
        }
        let components = try TensorConversion.index(items)
        if let s = TensorConversion.scalar(value) {
            try bridging { try tensor.set(components, to: s) }
        } else {
            let v = try TensorConversion.tensor(value, argument: "[]=")
            try bridging { try tensor.set(components, to: v) }
        }
    }

    /// The storage position selected by `items` when they are integers for the leading axes
    /// (the fast path of `x[i, j]` and of a row `x[i]`: no index components, no resolution);
    /// nil for any other index.
    private func leadingPosition(_ items: [IndexArgument]) throws -> Int? {
        guard items.count <= tensor.ndim, !items.isEmpty else { return nil }
        var position = tensor.offset
        for (axis, item) in items.enumerated() {
            guard case .value(.number(let n)) = item, let i = exactInt(n) else { return nil }
            do { position += try tensor.axisOffset(i, axis: axis) } catch { throw Diagnostic(diagnosticKind(error), at: nil) }
        }
        return position
    }

    /// Rows along the first axis (numbers for a 1-D tensor).
    func iterate(_ ctx: CallContext) throws -> AnyIterator<Value> {
        guard let n = tensor.shape.first else {
            throw Diagnostic(.notIterable(type: "0-dimensional tensor"), at: nil)
        }
        var i = 0
        let t = tensor
        return AnyIterator {
            guard i < n else { return nil }
            defer { i += 1 }
            let position = t.offset + i * t.strides[0]
            return t.ndim == 1 ? TensorMisc.scalarValue(t.element(at: position), t.dtype) : .tensor(t.view(at: position, droppingLeading: 1))
        }
    }
}

extension Value {
    static func tensor(_ t: Tensor) -> Value { .native(TensorObject(t)) }

    /// Zero-dimensional results become numbers (or bools), as a user indexing one element expects.
    static func tensorOrNumber(_ t: Tensor) -> Value {
        guard t.ndim == 0, let v = try? t.item() else { return .tensor(t) }
        // A float32 result becomes the number with the same shortest digits (0.1, not
        // 0.10000000149011612), as NumPy prints a float32 scalar.
        return TensorMisc.scalarValue(v, t.dtype)
    }
}

/// The language's operators as TensorKit's.
enum TensorOperators {
    static func binaryOp(_ op: BinaryOperator) -> BinaryOp {
        switch op {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .floorDivide: .floorDivide
        case .modulo: .mod
        case .power, .matmul: .power
        case .bitAnd: .bitAnd
        case .bitOr: .bitOr
        case .bitXor: .bitXor
        }
    }

    static func compareOp(_ op: CompareOperator) -> BinaryOp? {
        switch op {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        case .contains, .notContains: nil
        }
    }
}
