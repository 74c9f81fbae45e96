import TensorKit

/// The rows of Q (Q[i][j] = y_i y_j k(x_i, x_j)) that the SMO solver asks for, kept in a
/// memory-bounded cache with least-recently-used eviction, as libsvm's `Cache`. Rows are stored
/// as Float, as libsvm's `Qfloat`: the solver accumulates gradients in Double, and halving the
/// row size doubles how many rows fit. Unlike libsvm a row is always computed whole (one BLAS
/// matrix-vector product over all l points), so shrinking never leaves a row half filled.
final class KernelRowCache {
    let size: Int
    private let capacity: Int
    private let rows: Tensor
    private let base: UnsafeMutablePointer<Float>
    private var slotOfRow: [Int]
    private var rowOfSlot: [Int]
    private var lastUse: [Int]
    private var clock = 0
    private var used = 0
    private let x: DenseRows
    private let norms: [Double]
    private let signs: [Double]
    private let kernel: Kernel
    /// k(x_i, x_i), which the solver reads for every pair it considers.
    let diagonal: [Double]
    /// Rows computed so far (libsvm's kernel evaluations / l), for tests and timing.
    private(set) var computedRows = 0

    /// A cache of at most `bytes` for the problem (x, y = `signs` of ±1).
    init(x: DenseRows, signs: [Double], kernel: Kernel, bytes: Int) throws {
        size = x.rows
        self.x = x
        self.signs = signs
        self.kernel = kernel
        let norms = x.squaredNorms()
        self.norms = norms
        let rowBytes = Swift.max(1, size * MemoryLayout<Float>.size)
        capacity = Swift.min(size, Swift.max(2, bytes / rowBytes))
        rows = try Tensor(zeros: [capacity, size], dtype: .float32)
        base = rows.storage.pointer(Float.self) + rows.offset
        slotOfRow = [Int](repeating: -1, count: size)
        rowOfSlot = [Int](repeating: -1, count: capacity)
        lastUse = [Int](repeating: 0, count: capacity)
        diagonal = (0..<size).map { i in kernel.value(dot: norms[i], norms[i], norms[i]) }
        if capacity == size { try fillAll() }
    }

    /// When every row fits, all of Q at once: one gemm per block of rows runs near the
    /// machine's peak, while row-by-row products are bound by memory and by OpenBLAS's
    /// thread hand-offs (measured on the MNIST sample: most rows are asked for anyway, and
    /// the fit took 2.5 s row by row).
    private func fillAll() throws {
        let block = Swift.max(1, Swift.min(size, (1 << 21) / Swift.max(1, size)))
        var start = 0
        while start < size {
            let range = start..<Swift.min(size, start + block)
            let dots = try Tensor.matmul(x.block(range), x.tensor.T).contiguous()
            let d = dots.storage.pointer(Double.self) + dots.offset
            for i in range {
                let out = base + i * size, r = d + (i - range.lowerBound) * size
                let yi = signs[i], xi = norms[i]
                for j in 0..<size { out[j] = Float(yi * signs[j] * kernel.value(dot: r[j], xi, norms[j])) }
                slotOfRow[i] = i
                rowOfSlot[i] = i
            }
            start = range.upperBound
        }
        used = size
        computedRows = size
    }

    /// Row i of Q (length `size`), computing it on a miss. The pointer stays valid until the
    /// next call that may evict it; the solver holds at most two rows at a time, and the two
    /// most recently used rows are never evicted.
    func row(_ i: Int) throws -> UnsafePointer<Float> {
        clock += 1
        if slotOfRow[i] >= 0 {
            lastUse[slotOfRow[i]] = clock
            return UnsafePointer(base + slotOfRow[i] * size)
        }
        let slot = freeSlot()
        slotOfRow[i] = slot
        rowOfSlot[slot] = i
        lastUse[slot] = clock
        let out = base + slot * size
        try fill(out, row: i)
        return UnsafePointer(out)
    }

    /// An unused slot, or the least recently used one, emptied.
    private func freeSlot() -> Int {
        if used < capacity { used += 1; return used - 1 }
        var oldest = 0
        for s in 1..<capacity where lastUse[s] < lastUse[oldest] { oldest = s }
        slotOfRow[rowOfSlot[oldest]] = -1
        return oldest
    }

    /// Q[i][·] from one matrix-vector product (BLAS gemv) of every row with x_i. (A 1-row
    /// gemm instead packs all of x for each row: measured 60 % of an MNIST fit.)
    private func fill(_ out: UnsafeMutablePointer<Float>, row i: Int) throws {
        computedRows += 1
        let rowI = Tensor(storage: x.tensor.storage, shape: [x.cols], strides: [1], offset: x.tensor.offset + i * x.cols)
        let dots = try Tensor.matmul(x.tensor, rowI).contiguous()
        let d = dots.storage.pointer(Double.self) + dots.offset
        let yi = signs[i], xi = norms[i]
        for j in 0..<size {
            out[j] = Float(yi * signs[j] * kernel.value(dot: d[j], xi, norms[j]))
        }
    }
}
