/// `&`, `|`, `^` and `~` on integer and bool tensors, as NumPy's `bitwise_and`, `bitwise_or`,
/// `bitwise_xor` and `invert`: bit by bit on integers, logical on bools, an error on floats.
/// They run through the same generic kernels as every other elementwise op.

struct BitAndOp<T: KernelElement & FixedWidthInteger>: BinaryKernelOp {
    @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { a & b }
}
struct BitOrOp<T: KernelElement & FixedWidthInteger>: BinaryKernelOp {
    @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { a | b }
}
struct BitXorOp<T: KernelElement & FixedWidthInteger>: BinaryKernelOp {
    @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { a ^ b }
}
struct InvertOp<T: KernelElement & FixedWidthInteger>: UnaryKernelOp {
    @inline(__always) func callAsFunction(_ a: T) -> T { ~a }
}

extension Tensor {
    /// The plan of a bitwise op on the promoted dtype `c`: bools become the logical op.
    static func bitwisePlan(_ op: BinaryOp, _ c: DType) throws -> (compute: DType, result: DType, op: BinaryOp) {
        switch c {
        case .bool:
            let logical: BinaryOp = op == .bitAnd ? .logicalAnd : (op == .bitOr ? .logicalOr : .logicalXor)
            return (.bool, .bool, logical)
        case .int64, .int32, .uint8: return (c, c, op)
        case .float32, .float64, .float16, .bfloat16: throw TensorError.unsupportedDType(op: op.rawValue, dtype: c)
        }
    }

    /// Runs a bitwise op on integer inputs already cast and broadcast to `out`'s shape.
    static func integerBitwise(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, into out: Tensor) throws {
        switch out.dtype {
        case .int64: try integerBitwise(Int64.self, op, a, b, out)
        case .int32: try integerBitwise(Int32.self, op, a, b, out)
        case .uint8: try integerBitwise(UInt8.self, op, a, b, out)
        case .float32, .float64, .float16, .bfloat16, .bool: throw TensorError.unsupportedDType(op: op.rawValue, dtype: out.dtype)
        }
    }

    private static func integerBitwise<T: KernelElement & FixedWidthInteger>(_: T.Type, _ op: BinaryOp,
                                                                             _ a: Tensor, _ b: Tensor, _ out: Tensor) throws {
        switch op {
        case .bitAnd: try Kernels.binary(BitAndOp<T>(), a, b, into: out)
        case .bitOr: try Kernels.binary(BitOrOp<T>(), a, b, into: out)
        default: try Kernels.binary(BitXorOp<T>(), a, b, into: out)
        }
    }

    /// `~self`: logical not for bools, bitwise not for integers.
    func inverted() throws -> Tensor {
        let out = try Tensor(uninitialized: shape, dtype: dtype)
        switch dtype {
        case .bool: try Kernels.unary(NotOp(), self, into: out)
        case .int64: try Kernels.unary(InvertOp<Int64>(), self, into: out)
        case .int32: try Kernels.unary(InvertOp<Int32>(), self, into: out)
        case .uint8: try Kernels.unary(InvertOp<UInt8>(), self, into: out)
        case .float32, .float64, .float16, .bfloat16: throw TensorError.unsupportedDType(op: UnaryOp.invert.rawValue, dtype: dtype)
        }
        return out
    }
}
