import MemoryBudget
import MNLRuntime
import MNLSyntax
import TensorKit

/// Language values to tensors and back, with the language's errors.
enum TensorConversion {
    /// A number or bool usable as a scalar operand.
    static func scalar(_ v: Value) -> Double? {
        switch v {
        case .number(let n): n
        case .bool(let b): b ? 1 : 0
        default: nil
        }
    }

    /// A tensor from a tensor, number, bool, or nested list/tuple of them (float32 unless
    /// `dtype` says otherwise; all-bool lists give bool). A value of another type is blamed
    /// on argument `position` of `argument` (0: the keyword `name`). A traced tensor (inside
    /// `grad`) is refused unless `argument` only reads values (see `Differentiable`).
    static func tensor(_ v: Value, argument: String, position: Int = 1, name: String = "", dtype: DType? = nil) throws -> Tensor {
        if case .native(let o) = v, let t = o as? TensorObject {
            if t.traced != nil { try Differentiable.checkValueUse(argument) }
            return try dtype.map { d in try bridging { try t.tensor.cast(to: d) } } ?? t.tensor
        }
        var shape: [Int] = []
        var values: [Double] = []
        var allBool = true
        do {
            try flatten(v, depth: 0, shape: &shape, values: &values, allBool: &allBool, argument: argument)
        } catch let e as NotAnArray {
            throw Diagnostic(.badArgument(function: argument, position: position, name: name, expected: "tensor, number or list",
                                          got: e.typeName), at: nil)
        }
        let target = dtype ?? (allBool && !values.isEmpty ? .bool : .float32)
        try checkIntegerRange(values, target, argument: argument)
        return try bridging { try Tensor(shape: shape, values: values, dtype: target) }
    }

    /// Numbers bound for an integer dtype must fit it, as NumPy refuses
    /// `np.array([2**63], dtype=np.int64)`; fractions are truncated toward zero, as NumPy
    /// casts floats. (The conversion itself would otherwise wrap silently.)
    private static func checkIntegerRange(_ values: [Double], _ dtype: DType, argument: String) throws {
        let fits: (Double) -> Bool, limits: String
        switch dtype {
        case .int64: fits = { $0 >= -0x1p63 && $0 < 0x1p63 }; limits = "-2**63 to 2**63 - 1"
        case .int32: fits = { $0 > -0x1p31 - 1 && $0 < 0x1p31 }; limits = "-2**31 to 2**31 - 1"
        case .uint8: fits = { $0 > -1 && $0 < 256 }; limits = "0 to 255"
        case .float32, .float64, .float16, .bfloat16, .bool: return
        }
        guard let bad = values.first(where: { !fits($0) }) else { return }
        throw invalid(argument, "\(Formatting.number(bad)) does not fit in \(dtype) (\(limits))")
    }

    private static func flatten(_ v: Value, depth: Int, shape: inout [Int], values: inout [Double],
                                allBool: inout Bool, argument: String) throws {
        guard depth < 32 else { throw invalid(argument, "lists nested more than 32 deep") }
        switch v {
        case .number(let n):
            try leaf(depth, &shape, argument)
            values.append(n); allBool = false
        case .bool(let b):
            try leaf(depth, &shape, argument)
            values.append(b ? 1 : 0)
        case .native(let o):
            guard let t = o as? TensorObject else { throw NotAnArray(typeName: v.typeName) }
            if t.traced != nil { try Differentiable.checkValueUse(argument) }
            let sub = t.tensor.shape
            try expect(depth, count: sub, &shape, argument)
            try bridging { try Storage.checkAllocation(count: values.count + t.tensor.count, stride: 2 * MemoryLayout<Double>.stride) }
            values.append(contentsOf: t.tensor.toDoubles())
            if t.tensor.dtype != .bool { allBool = false }
        case .list, .tuple:
            let items: [Value]
            if case .list(let l) = v { items = l.items } else if case .tuple(let t) = v { items = t.items } else { items = [] }
            if depth == shape.count { shape.append(items.count) } else if shape[depth] != items.count {
                throw invalid(argument, "ragged nested list: expected \(shape[depth]) elements at depth \(depth + 1), found \(items.count)")
            }
            if items.isEmpty { allBool = false }
            for item in items { try flatten(item, depth: depth + 1, shape: &shape, values: &values, allBool: &allBool, argument: argument) }
        default:
            throw NotAnArray(typeName: v.typeName)
        }
    }

    private static func leaf(_ depth: Int, _ shape: inout [Int], _ argument: String) throws {
        if depth != shape.count { throw invalid(argument, "ragged nested list: a number where a list was expected") }
    }

    private static func expect(_ depth: Int, count sub: [Int], _ shape: inout [Int], _ argument: String) throws {
        if depth == shape.count { shape.append(contentsOf: sub); return }
        guard Array(shape[depth...]) == sub else { throw invalid(argument, "nested tensors of different shapes") }
    }

    static func invalid(_ function: String, _ message: String) -> Diagnostic {
        Diagnostic(.invalidValue(function: function, message: message), at: nil)
    }

    /// A value inside an argument that no tensor can hold; `tensor` blames the argument.
    private struct NotAnArray: Error { let typeName: String }

    /// Index items to TensorKit's: ints, slices, `nil` (a new axis), bool masks and integer arrays.
    static func index(_ items: [IndexArgument]) throws -> [IndexComponent] {
        // A tuple alone is a multi-axis index, as NumPy's `x[nonzero(x)]` (issue 10).
        if items.count == 1, case .value(.tuple(let parts)) = items[0] { return try index(parts.items.map(IndexArgument.value)) }
        return try items.map { item in
            switch item {
            case .slice(let a, let b, let s): return .slice(start: a, stop: b, step: s)
            case .ellipsis: return .ellipsis
            case .value(.null): return .newAxis
            case .value(let v) where v.numberValue != nil:
                // A number or a scalar tensor: one position, as an integer.
                return .int(try IntegerConversion.int(v.numberValue ?? 0, what: "index"))
            case .value(let v):
                return .tensor(try indexTensor(v))
            }
        }
    }

    /// The tensor of positions that `v` stands for. A list of whole numbers is an index list
    /// (the language has no separate int, so `[2, 0]` means what NumPy's `[2, 0]` means); a
    /// float tensor is refused, even with whole values, as NumPy raises IndexError, so that
    /// `x[tensor([0.7, 1.9])]` is never silently truncated.
    static func indexTensor(_ v: Value) throws -> Tensor {
        let t = try tensor(v, argument: "[]")
        guard t.dtype.isFloatingPoint else { return t }
        let isList: Bool
        switch v {
        case .list, .tuple: isList = true
        default: isList = false
        }
        return try bridging {
            let whole = try t.cast(to: .int64)
            guard isList, try Tensor.binary(.notEqual, whole.cast(to: t.dtype), t).any().item() == 0 else {
                throw TensorError.nonIntegerIndices(dtype: t.dtype)
            }
            return whole
        }
    }

    /// A shape from `3, 4`, `(3, 4)` or `[3, 4]`.
    static func shape(_ values: [Value], function: String) throws -> [Int] {
        var items = values
        if values.count == 1, case .tuple(let t) = values[0] { items = t.items }
        if values.count == 1, case .list(let l) = values[0] { items = l.items }
        return try items.enumerated().map { i, v in
            guard let n = v.numberValue else {
                throw Diagnostic(.badArgument(function: function, position: i + 1, name: "", expected: "integer dimension", got: v.typeName), at: nil)
            }
            return try IntegerConversion.int(n, what: "dimension #\(i + 1) of '\(function)'")
        }
    }

    static func dtype(_ v: Value?, function: String) throws -> DType? {
        guard let v else { return nil }
        guard case .string(let s) = v else {
            throw Diagnostic(.badArgument(function: function, position: 0, name: "dtype", expected: "string", got: v.typeName), at: nil)
        }
        switch s {
        case "f32", "float32", "float": return .float32
        case "f64", "float64", "double": return .float64
        case "i64", "int64", "int": return .int64
        case "i32", "int32": return .int32
        case "f16", "float16", "half": return .float16
        case "bf16", "bfloat16": return .bfloat16
        case "u8", "uint8": return .uint8
        case "bool": return .bool
        default: throw invalid(function, "unknown dtype \"\(s)\" (use \"f32\", \"f64\", \"f16\", \"bf16\", \"i64\", \"i32\", \"u8\" or \"bool\")")
        }
    }

    /// `axis=` as nil, one axis, or a list/tuple of axes.
    static func axes(_ v: Value?, function: String) throws -> [Int]? {
        guard let v else { return nil }
        switch v {
        case .null: return nil
        case .number, .native: return [try axis(v, function: function)]
        case .list(let l): return try l.items.map { try axis($0, function: function) }
        case .tuple(let t): return try t.items.map { try axis($0, function: function) }
        default:
            throw Diagnostic(.badArgument(function: function, position: 0, name: "axis", expected: "integer or list of integers", got: v.typeName), at: nil)
        }
    }

    static func axis(_ v: Value, function: String) throws -> Int {
        guard let n = v.numberValue else {
            throw Diagnostic(.badArgument(function: function, position: 0, name: "axis", expected: "integer", got: v.typeName), at: nil)
        }
        return try IntegerConversion.int(n, what: "axis of '\(function)'")
    }
}

/// Runs TensorKit code, turning its errors into diagnostics: the ones the language has its
/// own kinds for (shapes, indices, memory, Ctrl-C) become those; the rest stay TensorErrors
/// inside `.library`, named after the builtin at the call boundary.
func bridging<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as TensorError {
        throw Diagnostic(diagnosticKind(e), at: nil)
    }
}

func diagnosticKind(_ e: TensorError) -> DiagnosticKind {
    switch e {
    case .shapeMismatch(let op, let l, let r): .shapeMismatch(op: op, lhs: l, rhs: r)
    case .indexOutOfRange(let i, let axis, let size): .indexOutOfRange(index: i, axis: axis, size: size)
    case .axisOutOfRange(let a, let n): .axisOutOfRange(axis: a, ndim: n)
    case .badReshape, .unsupportedDType, .invalidArgument, .negativeIntegerPower, .valueOutOfRange, .nonIntegerIndices:
        .library(LibraryFailure(e))
    case .outOfMemory(let b): .outOfMemory(bytes: b, inUse: MemoryBudget.inUse, limit: MemoryBudget.limit)
    case .interrupted: .interrupted
    case .innerDimensionMismatch(let op, _, _, _, _), .batchMismatch(let op, _, _), .joinMismatch(let op, _, _, _, _):
        .invalidValue(function: op, message: e.shapeExplanation)
    case .maskMismatch: .invalidValue(function: "boolean index", message: e.shapeExplanation)
    case .notAMatrix, .notSquare, .linalg: .library(LibraryFailure(e))
    case .einsumMismatch, .invalidNormOrder: .library(LibraryFailure(e))
    case .badPadWidth, .negativePadWidth, .padEmptyAxis, .kthOutOfRange: .library(LibraryFailure(e))
    case .negativeCount, .notMonotonic: .library(LibraryFailure(e))
    }
}
