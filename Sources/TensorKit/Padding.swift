/// NumPy's `pad` with the modes "constant", "edge" and "reflect" (issue 10, section 3.6).
/// Constant padding fills a new tensor and copies the input into its middle; the other
/// modes gather along one axis at a time with an index that says, for each position of the
/// padded axis, which position of the input it copies.

public enum PadMode: String, Sendable, CaseIterable {
    /// Every new element is one value (`constant_values`).
    case constant
    /// The first or last element of the axis, repeated.
    case edge
    /// The axis mirrored about its first and last elements, which are not repeated
    /// (`[1, 2, 3]` padded by 2 gives `[3, 2, 1, 2, 3, 2, 1]`).
    case reflect
}

extension Tensor {
    /// The (before, after) widths for each axis from NumPy's forms of `pad_width`, given as
    /// rows: `[[n]]` (one number for every side), `[[b, a]]` (one pair for every axis),
    /// `[[n0], [n1]]` or `[[b0, a0], [b1, a1]]` (one row per axis).
    public static func padWidths(_ rows: [[Int]], ndim: Int) throws -> [(before: Int, after: Int)] {
        let shape = [rows.count, rows.first?.count ?? 0]
        guard rows.count == 1 || rows.count == ndim,
              let width = rows.first?.count, width == 1 || width == 2, rows.allSatisfy({ $0.count == width }) else {
            throw TensorError.badPadWidth(ndim: ndim, shape: rows.count == 1 ? [rows[0].count] : shape)
        }
        for w in rows.joined() where w < 0 { throw TensorError.negativePadWidth(w) }
        return (0..<ndim).map { axis in
            let row = rows[rows.count == 1 ? 0 : axis]
            return (row[0], row[row.count - 1])
        }
    }

    /// This tensor with `widths[axis]` new elements before and after each axis.
    public func pad(_ widths: [(before: Int, after: Int)], mode: PadMode, value: Double = 0) throws -> Tensor {
        guard widths.count == ndim else { throw TensorError.badPadWidth(ndim: ndim, shape: [widths.count, 2]) }
        let padded = zip(shape, widths).map { $0 + $1.before + $1.after }
        let (total, overflow) = Tensor.checkedCount(padded)
        try Storage.checkAllocation(count: overflow ? nil : total, stride: dtype.size)
        switch mode {
        case .constant:
            try Tensor.checkStorable(value, in: dtype, op: "pad")
            let out = try Tensor.full(padded, value: value, dtype: dtype)
            let middle = widths.enumerated().map { axis, w in
                IndexComponent.slice(start: w.before, stop: w.before + shape[axis], step: 1)
            }
            try out.get(middle).assign(self)
            return out
        case .edge, .reflect:
            var out = self
            for (axis, w) in widths.enumerated() where w.before > 0 || w.after > 0 {
                guard shape[axis] > 0 else { throw TensorError.padEmptyAxis(axis: axis, mode: mode.rawValue) }
                try Storage.checkAllocation(count: padded[axis], stride: MemoryLayout<Int64>.stride)
                let sources = (0..<padded[axis]).map { Int64(Tensor.padSource($0 - w.before, size: shape[axis], mode: mode)) }
                out = try out.take(try Tensor(shape: [sources.count], elements: sources), axis: axis)
            }
            return out.storage === storage ? try copy() : out
        }
    }

    /// The input position that padded position `i` (counted from the input's first element,
    /// so negative before it) copies, for an axis of `size` > 0 elements.
    static func padSource(_ i: Int, size: Int, mode: PadMode) -> Int {
        if mode == .edge || size == 1 { return Swift.min(Swift.max(i, 0), size - 1) }
        let period = 2 * (size - 1)
        let j = ((i % period) + period) % period
        return j < size ? j : period - j
    }
}
