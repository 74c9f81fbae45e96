import MNLRuntime
import MNLSyntax
import MNLTerminal
import TensorKit

/// A tensor as a language value. Like a NumPy array it is a reference: `b = a` aliases,
/// `a -= x` and `a[i] = v` change it in place, `a = a - x` makes a new one.
/// Its class is declared in TensorClass.swift.
final class TensorObject: NativeObject {
    /// The tensor; for an object made by an element read, a shared placeholder until the
    /// 0-d tensor is needed. A `let`, so the element fast paths read it without retaining.
    let base: Tensor
    /// The value of a 0-d tensor made by an element read (`x[i, j]`, `for v in x`), which
    /// has no storage of its own until something asks for `tensor`.
    let element: ScalarElement?
    /// That 0-d tensor, once made.
    private var materialized: Tensor?
    /// Inside `grad`/`value_and_grad`: the value as the tape sees it (a leaf or a result of
    /// traced operations), whose `value` is `base`. Nil for every tensor outside one.
    let traced: Traced?

    init(_ tensor: Tensor) {
        self.base = tensor
        self.element = nil
        self.traced = nil
        super.init(TensorClass.declaration)
    }

    /// A tensor recorded on a tape (a constant result stays an ordinary tensor).
    init(traced: Traced) {
        self.base = traced.value
        self.element = nil
        self.traced = traced.isTraced ? traced : nil
        super.init(TensorClass.declaration)
    }

    /// The tensor as differentiable code uses it: its traced value, or a constant.
    var tracedValue: Traced { traced ?? Traced(constant: tensor) }

    init(element: ScalarElement) {
        self.base = TensorObject.placeholder
        self.element = element
        self.traced = nil
        super.init(TensorClass.declaration)
    }

    private static let placeholder = Tensor(scalar: Float(0))

    var tensor: Tensor {
        guard let element else { return base }
        if let materialized { return materialized }
        let t = element.tensor()
        materialized = t
        return t
    }

    /// The value of a 0-d tensor: from the tensor once there is one (a store into it
    /// shows), else from `element`.
    var scalarElement: ScalarElement? {
        guard let element else { return base.scalarElement }
        return materialized?.scalarElement ?? element
    }

    // The element fast paths (TensorObject+Elements.swift).
    override func element(_ a: Value) -> Value? { readElement(a) }
    override func element(_ a: Value, _ b: Value) -> Value? { readElement(a, b) }
    override func setElement(_ a: Value, to value: Value) -> Bool { writeElement(a, to: value) }
    override func setElement(_ a: Value, _ b: Value, to value: Value) -> Bool { writeElement(a, b, to: value) }

    /// nil when `other` is no operand for a tensor (the runtime then names both types).
    func binary(_ op: BinaryOperator, _ other: Value, reversed: Bool) throws -> Value? {
        guard TensorObject.isOperand(other) else { return nil }
        if traced != nil || TensorObject.isTraced(other) { return try tracedBinary(op, other, reversed: reversed) }
        if op != .matmul, let v = scalarFast(TensorOperators.binaryOp(op), other, reversed: reversed) { return v }
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

    func compare(_ op: CompareOperator, _ other: Value, reversed: Bool) throws -> Value? {
        guard TensorObject.isOperand(other) else { return nil }
        guard let binaryOp = TensorOperators.compareOp(op) else { return nil }
        if let v = scalarFast(binaryOp, other, reversed: reversed) { return v }
        // A comparison carries no gradient: a traced side is read for its value.
        return try elementwise(binaryOp, Differentiable.detached(other), reversed: reversed)
    }

    /// Whether `other` can meet a tensor in an operator: numbers, bools, lists, tuples and
    /// tensors. Anything else (a string, a record) leaves the runtime to report the pair of
    /// types (`unsupported operand types for '+': tensor and string`).
    static func isOperand(_ other: Value) -> Bool {
        switch other {
        case .number, .bool, .list, .tuple: true
        case .native(let o): o is TensorObject
        default: false
        }
    }

    /// `scalarFast` for a comparison whose outcome is wanted as a Bool (a condition).
    func scalarTruth(_ op: CompareOperator, _ other: Value, reversed: Bool) -> Bool? {
        guard let binaryOp = TensorOperators.compareOp(op),
              case .bool(let b)? = scalarFastElement(binaryOp, other, reversed: reversed) else { return nil }
        return b
    }

    /// A 0-d float tensor with a number or another 0-d tensor of its dtype, computed on the
    /// values alone (`ScalarElement.binary`): the per-element loops students write.
    private func scalarFast(_ op: BinaryOp, _ other: Value, reversed: Bool) -> Value? {
        scalarFastElement(op, other, reversed: reversed).map { .native(TensorObject(element: $0)) }
    }

    private func scalarFastElement(_ op: BinaryOp, _ other: Value, reversed: Bool) -> ScalarElement? {
        guard let mine = scalarElement else { return nil }
        let result: ScalarElement?
        switch other {
        case .number(let n): result = mine.binary(op, n, scalarFirst: reversed)
        case .native(let o):
            guard let theirs = (o as? TensorObject)?.scalarElement else { return nil }
            result = reversed ? theirs.binary(op, mine) : mine.binary(op, theirs)
        default: return nil
        }
        return result
    }

    /// NumPy's `__contains__`: `x in t` is `(t == x).any()`.
    func contains(_ element: Value) throws -> Bool {
        guard case .native(let mask as TensorObject) = try elementwise(.equal, element, reversed: false) else { return false }
        return try bridging { try mask.tensor.any().item() != 0 }
    }

    func invert() throws -> Value { try bridging { .tensor(try tensor.unary(.invert)) } }

    /// `tensor op other` (or reversed) where other is a number, bool, list or tensor.
    func elementwise(_ op: BinaryOp, _ other: Value, reversed: Bool) throws -> Value {
        if let s = TensorConversion.scalar(other) {
            return try bridging { .tensor(try reversed ? Tensor.binary(op, s, tensor) : Tensor.binary(op, tensor, s)) }
        }
        let o = try TensorConversion.tensor(other, argument: op.rawValue)
        return try bridging { .tensor(try reversed ? Tensor.binary(op, o, tensor) : Tensor.binary(op, tensor, o)) }
    }

    /// `x op= y` changes x in place, except on a 0-d tensor, which acts as a number: `s += v`
    /// rebinds s, so a scalar saved earlier (`best = s`) keeps its value.
    func inPlace(_ op: BinaryOperator, _ other: Value) throws -> Bool {
        guard op != .matmul, scalarElement == nil else { return false }
        try checkStore("x \(op.rawValue)= v", other)
        let binaryOp = TensorOperators.binaryOp(op)
        if let s = TensorConversion.scalar(other) {
            try bridging { try tensor.applyInPlace(binaryOp, s) }
        } else {
            let o = try TensorConversion.tensor(other, argument: op.rawValue + "=")
            try bridging { try tensor.applyInPlace(binaryOp, o) }
        }
        return true
    }

    func negate() throws -> Value {
        if let t = traced { return try bridging { .traced(try t.negated()) } }
        return try bridging { .tensor(try tensor.unary(.negative)) }
    }

    func truth() throws -> Bool {
        if let e = scalarElement { return e.doubleValue != 0 }
        guard tensor.count == 1 else {
            throw Diagnostic(.invalidValue(function: "truth value",
                                           message: "a tensor of shape \(DiagnosticKind.shapeText(tensor.shape)) is ambiguous as a condition; use any() or all()"), at: nil)
        }
        return try bridging { try tensor.item() != 0 }
    }

    func get(_ items: [IndexArgument]) throws -> Value {
        if let t = traced { return try tracedGet(t, items) }
        if let i = try leadingPosition(items) {
            if items.count == tensor.ndim { return .native(TensorObject(element: tensor.scalarElement(at: i))) }
            return .tensor(tensor.view(at: i, droppingLeading: items.count))
        }
        let components = try TensorConversion.index(items)
        return try bridging { .tensor(try tensor.get(components)) }
    }

    func set(_ items: [IndexArgument], to value: Value) throws {
        try checkStore("x[...] = v", value)
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
            guard case .value(let v) = item, let n = v.numberValue, let i = exactInt(n) else { return nil }
            do { position += try tensor.axisOffset(i, axis: axis) } catch { throw Diagnostic(diagnosticKind(error), at: nil) }
        }
        return position
    }

    /// Rows along the first axis (0-d tensors holding a copy of each value for a 1-D tensor).
    func rows() throws -> ValueIterator {
        if let t = traced { return try tracedRows(t) }
        guard let n = tensor.shape.first else {
            throw Diagnostic(.notIterable(type: "0-dimensional tensor"), at: nil)
        }
        var i = 0
        let t = tensor
        return ValueIterator {
            guard i < n else { return nil }
            defer { i += 1 }
            let position = t.offset + i * t.strides[0]
            if t.ndim == 1 { return .native(TensorObject(element: t.scalarElement(at: position))) }
            return .tensor(t.view(at: position, droppingLeading: 1))
        }
    }
}

extension Value {
    static func tensor(_ t: Tensor) -> Value { .native(TensorObject(t)) }
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

extension TensorObject {
    /// The values alone, as NumPy's `str`; a 0-d tensor prints as the number it holds.
    func valuesText() -> String {
        if let e = scalarElement { return TensorObject.scalarText(e) }
        return TensorFormatter().body(tensor)
    }

    /// At the prompt: the values and a `shape (…) dtype` line; a 0-d tensor as `float32(0.5)`.
    func echoText(lineWidth: Int? = nil) -> String {
        if let e = scalarElement { return "\(e.dtype)(\(TensorObject.scalarText(e)))" }
        return (lineWidth.map { TensorFormatter(lineWidth: $0) } ?? TensorFormatter()).format(tensor)
    }

    /// A 0-d tensor's value written as the language writes numbers: `true`/`false` for bool,
    /// exact integers for int64 (even beyond 2^53), float32 with its own shortest digits
    /// (0.1, not 0.10000000149011612).
    static func scalarText(_ e: ScalarElement) -> String {
        switch e {
        case .bool(let b): return b ? "true" : "false"
        case .int64(let i): return String(i)
        case .int32(let i): return String(i)
        case .uint8(let i): return String(i)
        case .float32(let f): return Formatting.number(f.shortestDouble)
        case .float64(let d): return Formatting.number(d)
        case .float16, .bfloat16:
            let v = e.doubleValue
            return Formatting.number(Double(TensorFormatter.shortestText(v, e.dtype)) ?? v)
        }
    }
}
