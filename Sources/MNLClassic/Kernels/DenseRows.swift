import TensorKit

/// A float64 row-major matrix read straight from a tensor's storage: the SVM, kernel and
/// neighbour solvers loop over it directly and hand row blocks to BLAS as tensor views, so
/// no per-element work goes through tensor operations.
struct DenseRows: @unchecked Sendable {
    /// Contiguous float64, shape [rows, cols].
    let tensor: Tensor
    let rows: Int
    let cols: Int

    /// Checks that `x` is a non-empty matrix of finite numbers and converts it to float64.
    init(_ x: Tensor, model: String) throws {
        guard x.ndim == 2 else {
            throw ModelError.badData(model: model, message: "x must be a matrix (rows, features), got shape \(x.shape)")
        }
        guard x.shape[0] > 0, x.shape[1] > 0 else {
            throw ModelError.badData(model: model, message: "x has no \(x.shape[0] == 0 ? "rows" : "features") (shape \(x.shape))")
        }
        let t = try x.cast(to: .float64).contiguous()
        self.init(contiguous: t)
        if try t.allFinite() { return }
        let p = base
        for i in 0..<(rows * cols) where !p[i].isFinite {
            throw ModelError.badData(model: model, message: "x contains NaN or infinity (row \(i / cols))")
        }
    }

    /// A float64 contiguous tensor taken as it is.
    init(contiguous t: Tensor) {
        tensor = t
        rows = t.shape[0]
        cols = t.shape[1]
    }

    /// A new zeroed matrix.
    init(rows: Int, cols: Int) throws {
        self.init(contiguous: try Tensor(zeros: [rows, cols], dtype: .float64))
    }

    var base: UnsafeMutablePointer<Double> { tensor.storage.pointer(Double.self) + tensor.offset }

    func row(_ i: Int) -> UnsafeMutablePointer<Double> { base + i * cols }

    /// Rows `range` as a tensor view sharing the storage (for BLAS).
    func block(_ range: Range<Int>) -> Tensor {
        Tensor(storage: tensor.storage, shape: [range.count, cols], strides: [cols, 1],
               offset: tensor.offset + range.lowerBound * cols)
    }

    /// A new matrix of the rows at `indices`, in that order.
    func gathering(_ indices: [Int]) throws -> DenseRows {
        let out = try DenseRows(rows: indices.count, cols: cols)
        for (k, i) in indices.enumerated() { out.row(k).update(from: row(i), count: cols) }
        return out
    }

    /// ‖row i‖² for every row.
    func squaredNorms() -> [Double] {
        (0..<rows).map { i in
            let r = row(i)
            var s = 0.0
            for c in 0..<cols { s += r[c] * r[c] }
            return s
        }
    }

    /// All elements as a flat array (tests, saving).
    var values: [Double] { Array(UnsafeBufferPointer(start: base, count: rows * cols)) }

    /// Checks that `x` has the fitted feature count, then converts it.
    static func checked(_ x: Tensor, model: String, features: Int) throws -> DenseRows {
        if x.ndim == 2, x.shape[1] != features {
            throw ModelError.featureCount(model: model, expected: features, got: x.shape[1])
        }
        return try DenseRows(x, model: model)
    }
}
