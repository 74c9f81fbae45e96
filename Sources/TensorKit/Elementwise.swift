/// Elementwise operations: the front end that validates, promotes (see `Promotion`),
/// broadcasts and hands the work to the generic kernels in `Kernels`.

/// A binary elementwise operation. The raw value is the operator's spelling, used in errors.
public enum BinaryOp: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//"
    /// Python's floor modulo (the result has the divisor's sign).
    case mod = "%"
    case power = "**"
    case maximum, minimum
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case logicalAnd = "and", logicalOr = "or", logicalXor = "xor"
    /// NumPy's `arctan2(y, x)` (issue 10): a float result, as for `/`.
    case arctan2
    /// Bit by bit on integers; on bools the logical operation (NumPy's `&`, `|`, `^`).
    case bitAnd = "&", bitOr = "|", bitXor = "^"

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
        default: false
        }
    }
    public var isLogical: Bool { self == .logicalAnd || self == .logicalOr || self == .logicalXor }
    public var isBitwise: Bool { self == .bitAnd || self == .bitOr || self == .bitXor }
}

/// A unary elementwise operation. `exp log sqrt tanh sigmoid` give a float result (float32 for
/// integer and bool inputs); `isnan isinf logicalNot` give bool; the rest keep the dtype.
public enum UnaryOp: String, Sendable, CaseIterable {
    case negative = "neg", exp, log, sqrt, abs, tanh, sigmoid, relu, sign, floor, ceil, round
    case square, isnan, isinf, logicalNot = "not"
    // Issue 10: the elementary functions (Elementwise+Elementary.swift); trunc keeps the dtype.
    case log1p, expm1, log2, log10, sin, cos, tan, arcsin, arccos, arctan, sinh, cosh, trunc
    /// `~`: bitwise not on integers, logical not on bools (NumPy's `invert`).
    case invert = "~"

    var isFloatMath: Bool {
        switch self {
        case .exp, .log, .sqrt, .tanh, .sigmoid: true
        case .log1p, .expm1, .log2, .log10, .sin, .cos, .tan, .arcsin, .arccos, .arctan, .sinh, .cosh: true
        default: false
        }
    }
}

extension Tensor {
    /// How `op` runs on two dtypes: the dtype both inputs are cast to, the result dtype,
    /// and the operation actually run (bool `+`/`*` become logical or/and, as in NumPy).
    static func binaryPlan(_ op: BinaryOp, _ a: DType, _ b: DType) throws -> (compute: DType, result: DType, op: BinaryOp) {
        if op.isLogical { return (.bool, .bool, op) }
        let c = Promotion.promote(a, b)
        if c.isHalf {
            // Computed in float32; a float result is rounded back to the half dtype (as PyTorch).
            if op.isBitwise { throw TensorError.unsupportedDType(op: op.rawValue, dtype: c) }
            let plan = try binaryPlan(op, .float32, .float32)
            return (plan.compute, plan.result == .float32 ? c : plan.result, plan.op)
        }
        if op.isBitwise { return try bitwisePlan(op, c) }
        if op.isComparison { return (c, .bool, op) }
        if op == .divide || op == .arctan2 {
            let f = Promotion.floatResult(c)
            return (f, f, op)
        }
        if c == .bool {
            switch op {
            case .add, .maximum: return (.bool, .bool, .logicalOr)
            case .multiply, .minimum: return (.bool, .bool, .logicalAnd)
            case .subtract: throw TensorError.unsupportedDType(op: op.rawValue, dtype: .bool)
            default: return (.int64, .int64, op)
            }
        }
        return (c, c, op)
    }

    /// The result of `a op b` with NumPy broadcasting and promotion.
    public static func binary(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        if let small = try smallArithmetic(op, a, b) { return small }
        let plan = try binaryPlan(op, a.dtype, b.dtype)
        if plan.op == .power && !plan.result.isFloatingPoint { try checkIntegerExponents(b) }
        let shape = try broadcastShape(a.shape, b.shape, op: op.rawValue)
        let out = try Tensor(uninitialized: shape, dtype: plan.result)
        try runBinary(plan.op, plan.compute, a, b, into: out)
        return out
    }

    /// NumPy refuses integer powers with a negative exponent (the result would be a
    /// fraction truncated to 0) rather than give `[1 0 0]` for `arange(1, 4) ** -1`.
    static func checkIntegerExponents(_ exponents: Tensor) throws {
        guard exponents.dtype == .int64 || exponents.dtype == .int32, exponents.count > 0 else { return }
        if try exponents.min().int64(atFlatIndex: 0) < 0 { throw TensorError.negativeIntegerPower }
    }

    /// `tensor op scalar`; the scalar is weak (see `Promotion`).
    public static func binary(_ op: BinaryOp, _ a: Tensor, _ scalar: Double) throws -> Tensor {
        if let small = try smallArithmetic(op, a, scalar: scalar, scalarFirst: false) { return small }
        return try binary(op, a, weakScalar(scalar, next: a.dtype, op: op))
    }

    /// `scalar op tensor`; the scalar is weak (see `Promotion`).
    public static func binary(_ op: BinaryOp, _ scalar: Double, _ b: Tensor) throws -> Tensor {
        if let small = try smallArithmetic(op, b, scalar: scalar, scalarFirst: true) { return small }
        return try binary(op, weakScalar(scalar, next: b.dtype, op: op), b)
    }

    /// A 0-d tensor holding `s` in the dtype a weak scalar takes next to `dtype`.
    static func weakScalar(_ s: Double, next dtype: DType, op: BinaryOp) throws -> Tensor {
        if op.isLogical { return Tensor(scalar: s != 0) }
        var dt = Promotion.scalarDType(for: dtype, scalar: s)
        if dt == .uint8 && !(0...255).contains(s) { dt = .int64 }
        if dt == .int32 && !(-2147483648.0...2147483647.0).contains(s) { dt = .int64 }
        if dt == .int64 && !(s >= -9.2233720368547758e18 && s < 9.2233720368547758e18) { dt = .float32 }
        return try Tensor(scalar: s, dtype: dt)
    }

    /// Runs `op` (already planned) with inputs cast to `compute`, writing into `out`
    /// (whose shape is the broadcast shape and whose dtype is the planned result).
    static func runBinary(_ op: BinaryOp, _ compute: DType, _ a: Tensor, _ b: Tensor, into out: Tensor) throws {
        if out.dtype.isHalf && compute != out.dtype {
            let wide = try Tensor(uninitialized: out.shape, dtype: compute)
            try runBinary(op, compute, a, b, into: wide)
            return try out.assign(wide)
        }
        let ac = try a.cast(to: compute).broadcast(to: out.shape, op: op.rawValue)
        let bc = try b.cast(to: compute).broadcast(to: out.shape, op: op.rawValue)
        if op.isBitwise { return try integerBitwise(op, ac, bc, into: out) }
        switch compute {
        case .float32: try op == .arctan2 ? Kernels.binary(Arctan2Op<Float>(), ac, bc, into: out) : numericBinary(Float.self, op, ac, bc, out)
        case .float64: try op == .arctan2 ? Kernels.binary(Arctan2Op<Double>(), ac, bc, into: out) : numericBinary(Double.self, op, ac, bc, out)
        case .int64: try numericBinary(Int64.self, op, ac, bc, out)
        case .int32: try numericBinary(Int32.self, op, ac, bc, out)
        case .uint8: try numericBinary(UInt8.self, op, ac, bc, out)
        case .float16, .bfloat16: throw TensorError.unsupportedDType(op: op.rawValue, dtype: compute)  // binaryPlan never computes in them
        case .bool:
            switch op {
            case .logicalAnd: try Kernels.binary(AndOp(), ac, bc, into: out)
            case .logicalOr: try Kernels.binary(OrOp(), ac, bc, into: out)
            case .logicalXor, .notEqual: try Kernels.binary(XorOp(), ac, bc, into: out)
            case .equal: try Kernels.binary(EqOp<Bool>(), ac, bc, into: out)
            case .less: try Kernels.binary(LtOp<Bool>(), ac, bc, into: out)
            case .lessEqual: try Kernels.binary(LeOp<Bool>(), ac, bc, into: out)
            case .greater: try Kernels.binary(GtOp<Bool>(), ac, bc, into: out)
            case .greaterEqual: try Kernels.binary(GeOp<Bool>(), ac, bc, into: out)
            default: throw TensorError.unsupportedDType(op: op.rawValue, dtype: .bool)
            }
        }
    }

    static func numericBinary<T: NumericElement>(_: T.Type, _ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ out: Tensor) throws {
        switch op {
        case .add: try Kernels.binary(AddOp<T>(), a, b, into: out)
        case .subtract: try Kernels.binary(SubOp<T>(), a, b, into: out)
        case .multiply: try Kernels.binary(MulOp<T>(), a, b, into: out)
        case .divide: try Kernels.binary(DivOp<T>(), a, b, into: out)
        case .floorDivide: try Kernels.binary(FloorDivOp<T>(), a, b, into: out)
        case .mod: try Kernels.binary(ModOp<T>(), a, b, into: out)
        case .power: try Kernels.binary(PowOp<T>(), a, b, into: out)
        case .maximum: try Kernels.binary(MaxOp<T>(), a, b, into: out)
        case .minimum: try Kernels.binary(MinOp<T>(), a, b, into: out)
        case .equal: try Kernels.binary(EqOp<T>(), a, b, into: out)
        case .notEqual: try Kernels.binary(NeOp<T>(), a, b, into: out)
        case .less: try Kernels.binary(LtOp<T>(), a, b, into: out)
        case .lessEqual: try Kernels.binary(LeOp<T>(), a, b, into: out)
        case .greater: try Kernels.binary(GtOp<T>(), a, b, into: out)
        case .greaterEqual: try Kernels.binary(GeOp<T>(), a, b, into: out)
        case .logicalAnd, .logicalOr, .logicalXor, .bitAnd, .bitOr, .bitXor, .arctan2:
            throw TensorError.unsupportedDType(op: op.rawValue, dtype: T.dtype)
        }
    }

    // MARK: In place

    /// `self op= other`, writing into this tensor's storage without allocating when the
    /// result has this tensor's shape and dtype (the result is cast back "same kind" otherwise:
    /// float into int throws, as NumPy). Views share storage, so every view sees the change.
    /// Throws `shapeMismatch` if `other` would broadcast this tensor to a bigger shape.
    public func applyInPlace(_ op: BinaryOp, _ other: Tensor) throws {
        let name = op.rawValue + "="
        let plan = try Tensor.binaryPlan(op, dtype, other.dtype)
        if plan.op == .power && !plan.result.isFloatingPoint { try Tensor.checkIntegerExponents(other) }
        let shape = try Tensor.broadcastShape(self.shape, other.shape, op: name)
        guard shape == self.shape else {
            throw TensorError.shapeMismatch(op: name, lhs: self.shape, rhs: other.shape)
        }
        try checkWritable(op: name)
        guard Tensor.kind(plan.result) <= Tensor.kind(dtype) else {
            throw TensorError.invalidArgument(op: name, message: "cannot store a \(plan.result) result in a \(dtype) tensor")
        }
        var other = other
        if other.sharesStorage(with: self) && !(other.offset == offset && other.strides == strides) {
            other = try other.copy()
        }
        if plan.result == dtype {
            try Tensor.runBinary(plan.op, plan.compute, self, other, into: self)
        } else {
            let r = try Tensor(uninitialized: shape, dtype: plan.result)
            try Tensor.runBinary(plan.op, plan.compute, self, other, into: r)
            try assign(r)
        }
    }

    /// `self op= scalar` in place; the scalar is weak.
    public func applyInPlace(_ op: BinaryOp, _ scalar: Double) throws {
        try applyInPlace(op, Tensor.weakScalar(scalar, next: dtype, op: op))
    }

    static func kind(_ d: DType) -> Int {
        switch d {
        case .bool: 0
        case .uint8, .int32, .int64: 1
        case .float32, .float64, .float16, .bfloat16: 2
        }
    }

    /// Throws if this view repeats elements (a broadcast view), which cannot be written.
    func checkWritable(op: String) throws {
        for (d, s) in zip(shape, strides) where s == 0 && d > 1 {
            throw TensorError.invalidArgument(op: op, message: "cannot write into a broadcast view")
        }
    }

    /// Writes `source` (broadcast to this shape, cast to this dtype) into this view's elements.
    public func assign(_ source: Tensor) throws {
        try checkWritable(op: "assign")
        var src = try source.cast(to: dtype)
        if src.sharesStorage(with: self) { src = try src.copy() }
        let b = try src.broadcast(to: shape, op: "assign")
        switch dtype {
        case .float32: try Kernels.unary(CastOp<Float, Float>(), b, into: self)
        case .float64: try Kernels.unary(CastOp<Double, Double>(), b, into: self)
        case .int64: try Kernels.unary(CastOp<Int64, Int64>(), b, into: self)
        case .int32: try Kernels.unary(CastOp<Int32, Int32>(), b, into: self)
        case .uint8: try Kernels.unary(CastOp<UInt8, UInt8>(), b, into: self)
        case .float16: try Kernels.unary(CastOp<Float16Bits, Float16Bits>(), b, into: self)
        case .bfloat16: try Kernels.unary(CastOp<BFloat16Bits, BFloat16Bits>(), b, into: self)
        case .bool: try Kernels.unary(CastOp<Bool, Bool>(), b, into: self)
        }
    }

    // MARK: Casting and copying

    /// This tensor converted to `dtype` (itself if it already has that dtype). Float to integer
    /// truncates toward zero; NaN and out-of-range values become the integer minimum; to bool is `!= 0`.
    public func cast(to target: DType) throws -> Tensor {
        if target == dtype { return self }
        let out = try Tensor(uninitialized: shape, dtype: target)
        switch dtype {
        case .float32: try castKernel(Float.self, into: out)
        case .float64: try castKernel(Double.self, into: out)
        case .int64: try castKernel(Int64.self, into: out)
        case .int32: try castKernel(Int32.self, into: out)
        case .uint8: try castKernel(UInt8.self, into: out)
        case .float16: try castKernel(Float16Bits.self, into: out)
        case .bfloat16: try castKernel(BFloat16Bits.self, into: out)
        case .bool: try castKernel(Bool.self, into: out)
        }
        return out
    }

    private func castKernel<S: KernelElement>(_: S.Type, into out: Tensor) throws {
        switch out.dtype {
        case .float32: try Kernels.unary(CastOp<S, Float>(), self, into: out)
        case .float64: try Kernels.unary(CastOp<S, Double>(), self, into: out)
        case .int64: try Kernels.unary(CastOp<S, Int64>(), self, into: out)
        case .int32: try Kernels.unary(CastOp<S, Int32>(), self, into: out)
        case .uint8: try Kernels.unary(CastOp<S, UInt8>(), self, into: out)
        case .float16: try Kernels.unary(CastOp<S, Float16Bits>(), self, into: out)
        case .bfloat16: try Kernels.unary(CastOp<S, BFloat16Bits>(), self, into: out)
        case .bool: try Kernels.unary(CastOp<S, Bool>(), self, into: out)
        }
    }

    /// A new contiguous tensor with its own storage holding the same elements.
    public func copy() throws -> Tensor {
        let out = try Tensor(uninitialized: shape, dtype: dtype)
        try out.assign(self)
        return out
    }

    // MARK: Unary

    /// The elementwise result of `op` (see `UnaryOp` for the result dtypes).
    public func unary(_ op: UnaryOp) throws -> Tensor {
        if dtype.isHalf { return try inFloat32 { try $0.unary(op) } }
        if op.isFloatMath {
            let x = try cast(to: Promotion.floatResult(dtype))
            let out = try Tensor(uninitialized: shape, dtype: x.dtype)
            if x.dtype == .float32 { try Tensor.floatUnary(Float.self, op, x, out) } else { try Tensor.floatUnary(Double.self, op, x, out) }
            return out
        }
        switch op {
        case .isnan, .isinf:
            let out = try Tensor(zeros: shape, dtype: .bool)
            if dtype == .float32 { try Tensor.floatUnary(Float.self, op, self, out) }
            if dtype == .float64 { try Tensor.floatUnary(Double.self, op, self, out) }
            return out
        case .logicalNot:
            let x = try cast(to: .bool)
            let out = try Tensor(uninitialized: shape, dtype: .bool)
            try Kernels.unary(NotOp(), x, into: out)
            return out
        case .invert: return try inverted()
        default: break
        }
        if dtype == .bool {
            if op == .negative { throw TensorError.unsupportedDType(op: op.rawValue, dtype: .bool) }
            return try copy()  // abs, relu, sign, floor, ceil, round and square leave 0/1 unchanged
        }
        let out = try Tensor(uninitialized: shape, dtype: dtype)
        switch dtype {
        case .float32: try Tensor.floatUnary(Float.self, op, self, out)
        case .float64: try Tensor.floatUnary(Double.self, op, self, out)
        case .int64: try Tensor.numericUnary(Int64.self, op, self, out)
        case .int32: try Tensor.numericUnary(Int32.self, op, self, out)
        case .uint8: try Tensor.numericUnary(UInt8.self, op, self, out)
        case .float16, .bfloat16, .bool: break  // handled above
        }
        return out
    }

    static func numericUnary<T: NumericElement>(_: T.Type, _ op: UnaryOp, _ x: Tensor, _ out: Tensor) throws {
        switch op {
        case .negative: try Kernels.unary(NegOp<T>(), x, into: out)
        case .abs: try Kernels.unary(AbsOp<T>(), x, into: out)
        case .sign: try Kernels.unary(SignOp<T>(), x, into: out)
        case .relu: try Kernels.unary(ReluOp<T>(), x, into: out)
        case .square: try Kernels.unary(SquareOp<T>(), x, into: out)
        case .floor, .ceil, .round, .trunc: try Kernels.unary(CastOp<T, T>(), x, into: out)
        default: throw TensorError.unsupportedDType(op: op.rawValue, dtype: T.dtype)
        }
    }

    static func floatUnary<T: FloatElement>(_: T.Type, _ op: UnaryOp, _ x: Tensor, _ out: Tensor) throws {
        switch op {
        case .exp: try Kernels.unary(ExpOp<T>(), x, into: out)
        case .log: try Kernels.unary(LogOp<T>(), x, into: out)
        case .sqrt: try Kernels.unary(SqrtOp<T>(), x, into: out)
        case .tanh: try Kernels.unary(TanhOp<T>(), x, into: out)
        case .sigmoid: try Kernels.unary(SigmoidOp<T>(), x, into: out)
        case .floor: try Kernels.unary(FloorOp<T>(), x, into: out)
        case .ceil: try Kernels.unary(CeilOp<T>(), x, into: out)
        case .round: try Kernels.unary(RoundOp<T>(), x, into: out)
        case .isnan: try Kernels.unary(IsNaNOp<T>(), x, into: out)
        case .isinf: try Kernels.unary(IsInfOp<T>(), x, into: out)
        default: if try !elementaryUnary(T.self, op, x, out) { try numericUnary(T.self, op, x, out) }
        }
    }

    /// Elements limited to `[min, max]` (either bound may be nil); NaN stays NaN. An integer
    /// tensor with a non-integral bound is clipped in float32.
    public func clip(min lo: Double?, max hi: Double?) throws -> Tensor {
        if lo == nil && hi == nil { return try copy() }
        if dtype.isHalf { return try inFloat32 { try $0.clip(min: lo, max: hi) } }
        if lo?.isNaN == true || hi?.isNaN == true {
            throw TensorError.invalidArgument(op: "clip", message: "clip bounds must not be NaN")
        }
        var x = self
        for v in [lo, hi].compactMap({ $0 }) where Promotion.scalarDType(for: dtype, scalar: v) != dtype && dtype != .bool {
            x = try x.cast(to: .float32)
        }
        if x.dtype == .bool { x = try x.cast(to: .int64) }
        let out = try Tensor(uninitialized: shape, dtype: x.dtype)
        func run<T: KernelElement>(_: T.Type, _ lowest: T, _ highest: T) throws {
            let op = ClipOp<T>(lo: lo.map { T(fromDouble: $0) } ?? lowest, hi: hi.map { T(fromDouble: $0) } ?? highest)
            try Kernels.unary(op, x, into: out)
        }
        switch x.dtype {
        case .float32: try run(Float.self, -.infinity, .infinity)
        case .float64: try run(Double.self, -.infinity, .infinity)
        case .int64: try run(Int64.self, .min, .max)
        case .int32: try run(Int32.self, .min, .max)
        case .uint8:
            // Bounds outside 0...255 must not wrap.
            let l = lo.map { Swift.min(Swift.max($0, 0), 255) }, h = hi.map { Swift.min(Swift.max($0, 0), 255) }
            let op = ClipOp<UInt8>(lo: l.map { UInt8($0) } ?? 0, hi: h.map { UInt8($0) } ?? 255)
            try Kernels.unary(op, x, into: out)
        case .float16, .bfloat16, .bool: break  // handled above
        }
        return out
    }

    /// `self ** exponent` (weak scalar exponent).
    public func pow(_ exponent: Double) throws -> Tensor { try Tensor.binary(.power, self, exponent) }

    /// Elements of `a` where `condition` is true, else of `b`, all three broadcast together
    /// (NumPy's `where`). The condition is cast to bool; the result dtype is `a`'s and `b`'s promotion.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let s1 = try broadcastShape(condition.shape, a.shape, op: "where")
        let shape = try broadcastShape(s1, b.shape, op: "where")
        let dt = Promotion.promote(a.dtype, b.dtype)
        let c = try condition.cast(to: .bool).broadcast(to: shape)
        let x = try a.cast(to: dt).broadcast(to: shape), y = try b.cast(to: dt).broadcast(to: shape)
        let out = try Tensor(uninitialized: shape, dtype: dt)
        switch dt {
        case .float32: try Kernels.select(Float.self, c, x, y, into: out)
        case .float64: try Kernels.select(Double.self, c, x, y, into: out)
        case .int64: try Kernels.select(Int64.self, c, x, y, into: out)
        case .int32: try Kernels.select(Int32.self, c, x, y, into: out)
        case .uint8: try Kernels.select(UInt8.self, c, x, y, into: out)
        case .float16: try Kernels.select(Float16Bits.self, c, x, y, into: out)
        case .bfloat16: try Kernels.select(BFloat16Bits.self, c, x, y, into: out)
        case .bool: try Kernels.select(Bool.self, c, x, y, into: out)
        }
        return out
    }

    /// `where` with a weak scalar for `b` (see `Promotion`): `where(c, int64, 0)` is int64.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Double) throws -> Tensor {
        try `where`(condition, a, weakScalar(b, next: a.dtype, op: .add))
    }

    /// `where` with a weak scalar for `a`.
    public static func `where`(_ condition: Tensor, _ a: Double, _ b: Tensor) throws -> Tensor {
        try `where`(condition, weakScalar(a, next: b.dtype, op: .add), b)
    }

    /// A 0-d tensor of `dtype` holding `value` (converted as `cast` does).
    public init(scalar value: Double, dtype: DType) throws {
        let t = try Tensor(zeros: [], dtype: dtype)
        switch dtype {
        case .float32: t.storage.pointer(Float.self).pointee = Float(value)
        case .float64: t.storage.pointer(Double.self).pointee = value
        case .int64: t.storage.pointer(Int64.self).pointee = Int64(fromDouble: value)
        case .int32: t.storage.pointer(Int32.self).pointee = Int32(fromDouble: value)
        case .uint8: t.storage.pointer(UInt8.self).pointee = UInt8(fromDouble: value)
        case .float16: t.storage.pointer(Float16Bits.self).pointee = Float16Bits(fromDouble: value)
        case .bfloat16: t.storage.pointer(BFloat16Bits.self).pointee = BFloat16Bits(fromDouble: value)
        case .bool: t.storage.pointer(Bool.self).pointee = value != 0
        }
        self = t
    }
}

// MARK: - Operators for Swift callers (the language binding calls `binary` directly).

extension Tensor {
    public static func + (a: Tensor, b: Tensor) throws -> Tensor { try binary(.add, a, b) }
    public static func - (a: Tensor, b: Tensor) throws -> Tensor { try binary(.subtract, a, b) }
    public static func * (a: Tensor, b: Tensor) throws -> Tensor { try binary(.multiply, a, b) }
    public static func / (a: Tensor, b: Tensor) throws -> Tensor { try binary(.divide, a, b) }
    public static func + (a: Tensor, b: Double) throws -> Tensor { try binary(.add, a, b) }
    public static func - (a: Tensor, b: Double) throws -> Tensor { try binary(.subtract, a, b) }
    public static func * (a: Tensor, b: Double) throws -> Tensor { try binary(.multiply, a, b) }
    public static func / (a: Tensor, b: Double) throws -> Tensor { try binary(.divide, a, b) }
    public static func + (a: Double, b: Tensor) throws -> Tensor { try binary(.add, a, b) }
    public static func - (a: Double, b: Tensor) throws -> Tensor { try binary(.subtract, a, b) }
    public static func * (a: Double, b: Tensor) throws -> Tensor { try binary(.multiply, a, b) }
    public static func / (a: Double, b: Tensor) throws -> Tensor { try binary(.divide, a, b) }
    public static prefix func - (a: Tensor) throws -> Tensor { try a.unary(.negative) }
}
