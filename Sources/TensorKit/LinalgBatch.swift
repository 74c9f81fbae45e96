/// How the linear-algebra functions see a tensor: a stack of matrices over its leading
/// (batch) axes, each copied out column-major for LAPACK and copied back row-major.

/// One tensor's matrices, column-major, with the batch shape in front of them.
struct MatrixStack<T: LAPACKScalar> {
    let batch: [Int]
    let rows: Int
    let cols: Int
    var matrices: [[T]]

    /// The matrices of `x` (at least 2-D), converted to `T`.
    init(_ x: Tensor) {
        let batch = Array(x.shape.dropLast(2))
        let rows = x.shape[x.shape.count - 2], cols = x.shape[x.shape.count - 1]
        (self.batch, self.rows, self.cols) = (batch, rows, cols)
        let flat = x.toArray(T.self)
        let size = rows * cols, count = batch.reduce(1, *)
        matrices = (0..<count).map { k in
            var m = [T](repeating: 0, count: size)
            for i in 0..<rows { for j in 0..<cols { m[j * rows + i] = flat[k * size + i * cols + j] } }
            return m
        }
    }
}

extension Tensor {
    /// The dtype linear algebra computes in: float32 stays float32 (as in NumPy), float16 and
    /// bfloat16 compute (and return) float32, every other dtype computes in float64.
    static func linalgDType(_ x: Tensor) -> DType { x.dtype == .float32 || x.dtype.isHalf ? .float32 : .float64 }

    /// `x` as a stack of matrices, checked to be at least 2-D (and square when asked).
    func checkedMatrices(_ op: String, square: Bool) throws -> Tensor {
        guard shape.count >= 2 else { throw TensorError.notAMatrix(op: op, shape: shape) }
        if square && shape[shape.count - 1] != shape[shape.count - 2] {
            throw TensorError.notSquare(op: op, shape: shape)
        }
        guard shape.suffix(2).allSatisfy({ $0 <= Int(Int32.max) }) else {
            throw TensorError.invalidArgument(op: op, message: "matrix dimensions above 2147483647 are beyond LAPACK")
        }
        return try cast(to: Tensor.linalgDType(self))
    }

    /// Refuses a factor that cannot be allocated before allocating it: the full SVD of a
    /// (0, 10^9) matrix, which holds nothing, asks for a 10^9 × 10^9 Vh.
    static func checkFactorSize(batch: [Int], rows: Int, cols: Int) throws {
        let (count, overflow) = Tensor.checkedCount(batch + [rows, cols])
        try Storage.checkAllocation(count: overflow ? nil : count, stride: MemoryLayout<Double>.stride)
    }

    /// Runs `body` with `x`'s element type as a LAPACK scalar (`x` is float32 or float64).
    static func withLAPACKType<R>(_ x: Tensor, _ body: (any LAPACKScalar.Type) throws -> R) rethrows -> R {
        x.dtype == .float32 ? try body(Float.self) : try body(Double.self)
    }

    /// A tensor of shape `batch + [rows, cols]` from column-major matrices.
    static func fromMatrices<T: LAPACKScalar>(_ matrices: [[T]], batch: [Int], rows: Int, cols: Int) throws -> Tensor {
        var flat = [T](repeating: 0, count: matrices.count * rows * cols)
        for (k, m) in matrices.enumerated() {
            let base = k * rows * cols
            for i in 0..<rows { for j in 0..<cols { flat[base + i * cols + j] = m[j * rows + i] } }
        }
        return try Tensor(shape: batch + [rows, cols], elements: flat)
    }

    /// A tensor of shape `shape` from one value per matrix, or several (`values` concatenated).
    static func fromValues<T: LAPACKScalar>(_ values: [T], shape: [Int]) throws -> Tensor {
        try Tensor(shape: shape, elements: values)
    }
}
